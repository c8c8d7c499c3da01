import { buildLink } from './link/build';
import { parseDirectoryHint } from './link/hint';
import { analyzeOfficialUrl } from './link/official';
import type { MyAccessPageReport, PortalFactsReport, RuntimeMessage } from './messages';

/** What the background knows of an admin portal tab: the URL's package and what the page shows. */
export interface PortalTabState {
  type: 'portal';
  accessPackageId: string | null;
  tenant: string | null;
  cloud: 'global' | 'usgov';
  facts: Omit<PortalFactsReport, 'type'> | null;
}

/** What the background knows of one tab. */
export type TabState = MyAccessPageReport | PortalTabState;

/**
 * Folds a page's report into the tab's state. Facts from a frame that shows another package's
 * link are ignored; a new package in the URL drops the old facts.
 */
export function mergeReport(prev: TabState | undefined, report: RuntimeMessage): TabState {
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

/**
 * The complete link of the package a portal tab shows, when it can be known: the link the page
 * shows, else the package id with the directory from the URL or the admin's own setting.
 */
export function portalLink(state: PortalTabState, defaultHint: string): string | null {
  const shown = state.facts?.link ? analyzeOfficialUrl(state.facts.link) : undefined;
  if (
    shown?.canonical &&
    (!state.accessPackageId || shown.accessPackageId === state.accessPackageId)
  )
    return shown.canonical;
  const id = state.accessPackageId ?? shown?.accessPackageId ?? null;
  const hint = [shown?.directoryHint, state.tenant, defaultHint].find(
    (h) => h && parseDirectoryHint(h).ok,
  );
  if (!id || !hint) return null;
  return buildLink({
    host: state.cloud === 'usgov' ? 'myaccess.microsoft.us' : 'myaccess.microsoft.com',
    directoryHint: hint,
    accessPackageId: id,
  });
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
    | 'actionTitle';
}

const NONE: Badge = { text: '', color: '#0f6cbd', titleKey: 'actionTitle' };

/** The toolbar badge for a tab's state. Text and colour both change: colour is never the only signal. */
export function badgeFor(state: TabState | undefined, defaultHint = ''): Badge {
  if (!state) return NONE;
  if (state.type === 'portal') {
    if (!state.accessPackageId) return NONE;
    return portalLink(state, defaultHint)
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

const ADMIN_HOST = /^https:\/\/(?:portal\.azure\.(?:com|us)|entra\.microsoft\.(?:com|us))[:/]/i;
const MY_ACCESS_HOST = /^https:\/\/myaccess\.microsoft\.(?:com|us)[:/]/i;

/**
 * The stored state, if it still belongs to the page the tab shows. A full navigation to a page
 * without our content script leaves the stored state behind (Chromium clears only the badge).
 * An unknown URL (no activeTab grant) keeps the state.
 */
export function stateForUrl(state: TabState | undefined, url: string | null): TabState | undefined {
  if (!state || url === null) return state;
  return (state.type === 'portal' ? ADMIN_HOST : MY_ACCESS_HOST).test(url) ? state : undefined;
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
