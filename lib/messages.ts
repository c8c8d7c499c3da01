// Typed runtime messages, validated on receipt: a message is data from another context, never trusted.
import {
  ADMIN_PORTAL_HOSTS,
  httpsHostOf,
  isAdminPortalHost,
  isMyAccessHost,
  isPortalFrameHost,
} from './hosts';
import { parseAccessPackagePage } from './pages/portal-url';

export type PageStatus = 'complete' | 'incomplete' | 'dangerous' | 'other';

/** From the My Access content script: what the page's own URL is worth. */
export interface MyAccessPageReport {
  type: 'my-access-page';
  status: PageStatus;
}

/** From the portal content script's top frame: what the URL says (the blade state lives there). */
export interface PortalPageReport {
  type: 'portal-page';
  accessPackageId: string | null;
  tenant: string | null;
  cloud: 'global' | 'usgov';
}

/**
 * From a portal frame that is not the top one, when it starts: which package the tab shows. The
 * background answers from the tab's own URL (`PortalWatch`), which a frame on another origin
 * cannot read.
 */
export interface PortalFrameQuery {
  type: 'portal-frame-query';
}

/**
 * From the background to a portal tab's frames: the package the tab shows now (null: none), so
 * each frame reads only that package's blade, and only while the tab shows one.
 */
export interface PortalWatch {
  type: 'portal-watch';
  accessPackageId: string | null;
}

/** From whichever portal frame renders the overview: what the page shows. */
export interface PortalFactsReport {
  type: 'portal-facts';
  packageName: string | null;
  hidden: boolean | null;
  catalogName: string | null;
  link: string | null;
}

export type RuntimeMessage =
  MyAccessPageReport | PortalPageReport | PortalFrameQuery | PortalFactsReport;

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
      if (typeof v.status === 'string' && STATUSES.includes(v.status)) {
        return { type: v.type, status: v.status as PageStatus };
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
    case 'portal-frame-query':
      return { type: v.type };
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

/** The admin portals whose top frame the portal content script reads (worldwide and US Government). */
export const PORTAL_HOSTS = ADMIN_PORTAL_HOSTS;

/** The package the tab's page shows, from the tab's own (top-level) URL; null when it shows none. */
export function tabPackage(sender: MessageSenderInfo): string | null {
  const url = sender.tab?.url ?? (sender.frameId === 0 ? sender.url : undefined);
  return url === undefined ? null : (parseAccessPackagePage(url)?.accessPackageId ?? null);
}

/** Parses the background's `PortalWatch` in a content script: only from this extension, not a tab. */
export function parsePortalWatch(
  v: unknown,
  sender: { id?: string; tab?: unknown },
  ownId: string,
): PortalWatch | undefined {
  if (!ownId || sender.id !== ownId || sender.tab !== undefined || !isRecord(v)) return undefined;
  if (v.type !== 'portal-watch' || !isStringOrNull(v.accessPackageId, 64)) return undefined;
  return { type: v.type, accessPackageId: v.accessPackageId };
}

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

/** The https host an origin or URL names, without a port; '' when it names none. */
const hostOf = (url: string) => httpsHostOf(url) ?? '';

/** Every host the sender gives (the frame's origin's, its URL's) passes `allowed`, and there is one. */
function frameOn(sender: MessageSenderInfo, allowed: (host: string) => boolean): boolean {
  // A portal frame sandboxed without `allow-same-origin` has an opaque origin ("null"): there its
  // URL, on a Microsoft frame host, says where it is. Nowhere else does an opaque origin pass.
  const opaque =
    sender.origin === 'null' &&
    sender.frameId !== 0 &&
    sender.url !== undefined &&
    isPortalFrameHost(hostOf(sender.url));
  const origin = opaque ? undefined : sender.origin;
  const seen = [origin, sender.url].filter((o) => o !== undefined);
  // An origin's host is itself in lower case: `origin` is never rewritten to pass.
  if (origin !== undefined && new URL(origin, 'https://x').origin !== origin) return false;
  return seen.length > 0 && seen.every((o) => allowed(hostOf(o)));
}

// Where each message may come from: My Access pages; the portal's top frame; the portal's top
// frame, its own frames and the Microsoft frame hosts it renders blades in.
const isPortalFrame = (host: string) => isAdminPortalHost(host) || isPortalFrameHost(host);
const SENDER_HOSTS: Record<RuntimeMessage['type'], (host: string) => boolean> = {
  'my-access-page': isMyAccessHost,
  'portal-page': isAdminPortalHost,
  'portal-frame-query': isPortalFrame,
  'portal-facts': isPortalFrame,
};

/**
 * Whether a message may come from where it came from. Each type has one sender: 'my-access-page'
 * the My Access top frame, 'portal-page' a portal top frame, 'portal-frame-query' a portal frame
 * (any depth, on the portal or its frame hosts) in a tab that shows a portal page, 'portal-facts'
 * such a frame in a tab whose own URL is an access package page. Exact hosts: a look-alike host,
 * another port or http never passes.
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
  if (!frameOn(sender, SENDER_HOSTS[message.type])) return drop('wrong-origin');
  const top = sender.frameId === 0;
  const topOnly = message.type === 'my-access-page' || message.type === 'portal-page';
  if (!top && topOnly) return drop('sub-frame');
  // The tab's own URL (the top-level page, not the frame's) must agree: a late report from a page
  // the tab has left is stale. A frame's report needs it: nothing else says the page around it is a
  // portal, and its facts count only on an access package page.
  // A top frame's own URL is the tab's, where the browser withholds the tab's (no `tabs` permission).
  const tabUrl = sender.tab?.url ?? (top ? sender.url : undefined);
  if (tabUrl === undefined) return drop('wrong-top');
  const tabHost = hostOf(tabUrl);
  const tabFits =
    message.type === 'my-access-page'
      ? isMyAccessHost(tabHost)
      : isAdminPortalHost(tabHost) &&
        (message.type !== 'portal-facts' || parseAccessPackagePage(tabUrl) !== undefined);
  return tabFits ? { ok: true, tabId } : drop('wrong-top');
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
