// Typed runtime messages, validated on receipt: a message is data from another context, never trusted.
import { MY_ACCESS_HOSTS } from './link/types';

export type PageStatus = 'complete' | 'incomplete' | 'dangerous' | 'other';

/** From the My Access content script: what the page's own URL is worth. */
export interface MyAccessPageReport {
  type: 'my-access-page';
  status: PageStatus;
  canonical: string | null;
}

/** From the portal content script's top frame: what the URL says (the blade state lives there). */
export interface PortalPageReport {
  type: 'portal-page';
  accessPackageId: string | null;
  tenant: string | null;
  cloud: 'global' | 'usgov';
}

/** From whichever portal frame renders the overview: what the page shows. */
export interface PortalFactsReport {
  type: 'portal-facts';
  packageName: string | null;
  hidden: boolean | null;
  catalogName: string | null;
  link: string | null;
}

export type RuntimeMessage = MyAccessPageReport | PortalPageReport | PortalFactsReport;

const STATUSES: readonly string[] = ['complete', 'incomplete', 'dangerous', 'other'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isStringOrNull(v: unknown, max = 2048): v is string | null {
  return v === null || (typeof v === 'string' && v.length <= max);
}

/** The message, when it has exactly the shape of one we understand; otherwise undefined. */
export function parseRuntimeMessage(v: unknown): RuntimeMessage | undefined {
  if (!isRecord(v)) return undefined;
  switch (v.type) {
    case 'my-access-page':
      if (
        typeof v.status === 'string' &&
        STATUSES.includes(v.status) &&
        isStringOrNull(v.canonical)
      ) {
        return { type: v.type, status: v.status as PageStatus, canonical: v.canonical };
      }
      return undefined;
    case 'portal-page':
      if (
        isStringOrNull(v.accessPackageId, 64) &&
        isStringOrNull(v.tenant, 256) &&
        (v.cloud === 'global' || v.cloud === 'usgov')
      ) {
        return {
          type: v.type,
          accessPackageId: v.accessPackageId,
          tenant: v.tenant,
          cloud: v.cloud,
        };
      }
      return undefined;
    case 'portal-facts':
      if (
        isStringOrNull(v.packageName, 512) &&
        isStringOrNull(v.catalogName, 512) &&
        isStringOrNull(v.link) &&
        (v.hidden === null || typeof v.hidden === 'boolean')
      ) {
        return {
          type: v.type,
          packageName: v.packageName,
          hidden: v.hidden,
          catalogName: v.catalogName,
          link: v.link,
        };
      }
      return undefined;
    default:
      return undefined;
  }
}

/** The admin portals whose pages the portal content script reads (worldwide and US Government). */
export const PORTAL_HOSTS = [
  'portal.azure.com',
  'entra.microsoft.com',
  'portal.azure.us',
  'entra.microsoft.us',
] as const;

const MY_ACCESS_ORIGINS: readonly string[] = MY_ACCESS_HOSTS.map((h) => `https://${h}`);
const PORTAL_ORIGINS: readonly string[] = PORTAL_HOSTS.map((h) => `https://${h}`);

/** What the receiving side learns of a message's sender (the parts of runtime.MessageSender we read). */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export type DropReason =
  | 'malformed' // not a message we understand
  | 'foreign-extension' // another extension (or none)
  | 'no-tab' // an extension page or worker, not a content script in a tab
  | 'wrong-origin' // the sending frame is not on a host this message may come from
  | 'sub-frame' // a top-frame report from a sub-frame
  | 'wrong-top'; // the tab's page is not of the kind the message speaks for, or cannot be told

export type Acceptance = { ok: true; tabId: number } | { ok: false; reason: DropReason };

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Every origin the sender gives (the frame's origin, its URL's) is one of `allowed`, and there is one. */
function frameOn(sender: MessageSenderInfo, allowed: readonly string[]): boolean {
  const seen = [
    sender.origin,
    sender.url === undefined ? undefined : (originOf(sender.url) ?? ''),
  ].filter((o) => o !== undefined);
  return seen.length > 0 && seen.every((o) => allowed.includes(o));
}

/**
 * Whether a message may come from where it came from. Each type has one sender: 'my-access-page'
 * the My Access top frame, 'portal-page' a portal top frame, 'portal-facts' a portal frame (any
 * depth) in a tab that shows a portal page. Exact origins: a look-alike host or http never passes.
 */
export function acceptedFrom(
  message: RuntimeMessage,
  sender: MessageSenderInfo,
  ownId: string,
): Acceptance {
  const drop = (reason: DropReason): Acceptance => ({ ok: false, reason });
  if (!ownId || sender.id !== ownId) return drop('foreign-extension');
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return drop('no-tab');
  const allowed = message.type === 'my-access-page' ? MY_ACCESS_ORIGINS : PORTAL_ORIGINS;
  if (!frameOn(sender, allowed)) return drop('wrong-origin');
  const top = sender.frameId === 0;
  if (!top && message.type !== 'portal-facts') return drop('sub-frame');
  // The tab's URL, when the sender carries it, must agree (a late report from a page the tab has
  // left is stale). A sub-frame's report needs it: nothing else says the page around is a portal.
  const tabUrl = sender.tab?.url;
  if (tabUrl === undefined ? !top : !allowed.includes(originOf(tabUrl) ?? ''))
    return drop('wrong-top');
  return { ok: true, tabId };
}

/** Counts dropped messages per reason, in memory only, and logs each drop (reason and type, no content). */
export function createDropLog(log: (line: string) => void) {
  const counts = new Map<DropReason, number>();
  return {
    drop(reason: DropReason, type?: RuntimeMessage['type']) {
      const n = (counts.get(reason) ?? 0) + 1;
      counts.set(reason, n);
      log(`runtime message dropped: ${reason}${type ? ` (${type})` : ''}, ${n} so far`);
    },
    counts: (): Partial<Record<DropReason, number>> => Object.fromEntries(counts),
  };
}
