import {
  httpsHostOf,
  isAdminPortalHost,
  isMyAccessHost,
  LINK_CLOUDS,
  type LinkCloud,
} from './hosts';
import { buildLink } from './link/build';
import { parseDirectoryHint } from './link/hint';
import { analyzeOfficialUrl } from './link/official';
import type {
  MyAccessPageReport,
  PortalFactsReport,
  PortalFrameQuery,
  RuntimeMessage,
} from './messages';

/** What the background knows of an admin portal tab: the URL's package and what the page shows. */
export interface PortalTabState {
  type: 'portal';
  accessPackageId: string | null;
  tenant: string | null;
  cloud: LinkCloud;
  facts: Omit<PortalFactsReport, 'type'> | null;
}

/** The messages that change a tab's state (a frame's query only asks). */
export type TabReport = Exclude<RuntimeMessage, PortalFrameQuery>;

/** What the background knows of one tab. */
export type TabState = MyAccessPageReport | PortalTabState;

/**
 * Folds a page's report into the tab's state. Facts from a frame that shows another package's
 * link are ignored; a new package in the URL drops the old facts.
 */
export function mergeReport(prev: TabState | undefined, report: TabReport): TabState {
  if (report.type === 'my-access-page') return report;
  const base: PortalTabState =
    prev?.type === 'portal'
      ? prev
      : { type: 'portal', accessPackageId: null, tenant: null, cloud: 'global', facts: null };
  if (report.type === 'portal-page') {
    const same = base.accessPackageId === report.accessPackageId;
    return {
      type: 'portal',
      accessPackageId: report.accessPackageId,
      tenant: report.tenant,
      cloud: report.cloud,
      facts: same || base.accessPackageId === null ? base.facts : null,
    };
  }
  const { type: _, ...facts } = report;
  const shownId = facts.link ? analyzeOfficialUrl(facts.link)?.accessPackageId : null;
  if (shownId && base.accessPackageId && shownId !== base.accessPackageId) return base;
  return { ...base, facts };
}

/** Where the directory of a portal tab's complete link came from, best first. */
export type DirectorySource = 'page' | 'graph' | 'admin' | 'url';

export interface PortalDirectory {
  link: string;
  source: DirectorySource;
  /** The directory hint in the link. */
  hint: string;
}

/**
 * The complete link of the package a portal tab shows, and where its directory came from, best
 * first: the link the page shows; Microsoft Graph (the tenant it read the package from); the
 * admin's own hint; the portal URL's `#@tenant/`, only a suggestion to confirm (anyone can write a
 * URL). `graph` and `admin` are those hints, when known.
 */
export function portalDirectory(
  state: PortalTabState,
  { graph = null, admin = '' }: { graph?: string | null; admin?: string } = {},
): PortalDirectory | null {
  const shown = state.facts?.link ? analyzeOfficialUrl(state.facts.link) : undefined;
  const mine =
    !state.accessPackageId || !shown?.accessPackageId
      ? true
      : shown.accessPackageId === state.accessPackageId;
  if (shown?.canonical && mine && shown.directoryHint)
    return { link: shown.canonical, source: 'page', hint: shown.directoryHint };
  const id = state.accessPackageId ?? shown?.accessPackageId ?? null;
  if (!id) return null;
  const candidates: [DirectorySource, string | null | undefined][] = [
    ['page', mine ? shown?.directoryHint : null],
    ['graph', graph],
    ['admin', admin],
    ['url', state.tenant],
  ];
  for (const [source, raw] of candidates) {
    const hint = raw ? parseDirectoryHint(raw) : undefined;
    if (!hint?.ok) continue;
    const host = LINK_CLOUDS[state.cloud].myAccess;
    const link = buildLink({ host, directoryHint: hint.value, accessPackageId: id });
    return { link, source, hint: hint.value };
  }
  return null;
}

/** Whether the source confirms the directory: the page, Graph or the admin said so; a URL did not. */
export function isConfirmed(source: DirectorySource): boolean {
  return source !== 'url';
}

/**
 * The complete link of the package a portal tab shows, when the page, Graph or the admin confirmed
 * its directory; null otherwise (a `#@tenant/` in the portal URL alone is not enough).
 */
export function portalLink(
  state: PortalTabState,
  defaultHint: string,
  graphHint: string | null = null,
): string | null {
  const found = portalDirectory(state, { admin: defaultHint, graph: graphHint });
  return found && isConfirmed(found.source) ? found.link : null;
}

export interface Badge {
  text: string;
  color: string;
  titleKey:
    | 'badgeComplete'
    | 'badgeIncomplete'
    | 'badgeDangerous'
    | 'badgePortalComplete'
    | 'badgePortalPackage'
    | 'badgePortalBlocked'
    | 'actionTitle';
}

const NONE: Badge = { text: '', color: '#0f6cbd', titleKey: 'actionTitle' };

/**
 * The toolbar badge for a tab's state. Text and colour both change: colour is never the only signal.
 * `blocked`: what is known of the package (the admin's answers, Graph) says partners cannot request it.
 */
export function badgeFor(
  state: TabState | undefined,
  defaultHint = '',
  blocked = false,
  graphHint: string | null = null,
): Badge {
  if (!state) return NONE;
  if (state.type === 'portal') {
    if (!state.accessPackageId) return NONE;
    if (blocked) return { text: '!', color: '#bc4b09', titleKey: 'badgePortalBlocked' };
    return portalLink(state, defaultHint, graphHint)
      ? { text: 'OK', color: '#107c10', titleKey: 'badgePortalComplete' }
      : { text: 'PKG', color: '#bc4b09', titleKey: 'badgePortalPackage' };
  }
  if (state.status === 'other') return NONE;
  if (state.status === 'complete')
    return { text: 'OK', color: '#107c10', titleKey: 'badgeComplete' };
  if (state.status === 'dangerous')
    return { text: '!!', color: '#c50f1f', titleKey: 'badgeDangerous' };
  return { text: '!', color: '#bc4b09', titleKey: 'badgeIncomplete' };
}

/**
 * The stored state, if it still belongs to the page the tab shows. A full navigation to a page
 * without our content script leaves the stored state behind (Chromium clears only the badge).
 * An unknown URL (no activeTab grant) keeps the state.
 */
export function stateForUrl(state: TabState | undefined, url: string | null): TabState | undefined {
  if (!state || url === null) return state;
  const host = httpsHostOf(url) ?? '';
  return (state.type === 'portal' ? isAdminPortalHost(host) : isMyAccessHost(host))
    ? state
    : undefined;
}

/** Validates a stored tab state (session storage outlives code versions). */
export function parseTabState(v: unknown): TabState | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const s = v as Record<string, unknown>;
  if (s.type === 'my-access-page')
    return typeof s.status === 'string' ? (s as unknown as MyAccessPageReport) : undefined;
  if (s.type === 'portal' && (s.cloud === 'global' || s.cloud === 'usgov'))
    return s as unknown as PortalTabState;
  return undefined;
}
