import { hostsPattern, MY_ACCESS_HOSTS } from '../hosts';
import { analyzeOfficialUrl } from '../link/official';
import type { LinkAnalysis } from '../link/types';

/** My Access routes. Anything else under a My Access host is still "My Access". */
export type MyAccessRoute =
  | 'access-package'
  | 'access-packages'
  | 'active'
  | 'requests'
  | 'approvals'
  | 'reviews'
  | 'overview'
  | 'home'
  | 'other';

export interface MyAccessPage {
  route: MyAccessRoute;
  analysis: LinkAnalysis;
  /** The page was reached through `%23/` where `#/` was meant: the URL to replace it with. */
  fixedUrl: string | null;
}

const MY_ACCESS_URL = new RegExp(
  `^https:\\/\\/${hostsPattern(MY_ACCESS_HOSTS)}\\.?(?::443)?(?:[/?#]|$)`,
  'i',
);

export function isMyAccessUrl(url: string): boolean {
  return MY_ACCESS_URL.test(url);
}

function routeOf(hash: string): MyAccessRoute {
  const r = hash
    .replace(/^#?\/?/, '')
    .split('?')[0]!
    .toLowerCase();
  if (/^access-packages\/active(\/|$)/.test(r)) return 'active';
  if (/^access-packages\/[^/]+/.test(r)) return 'access-package';
  if (/^access-packages\/?$/.test(r)) return 'access-packages';
  if (r.startsWith('request-history') || r.startsWith('requests')) return 'requests';
  if (r.startsWith('request-approval')) return 'approvals';
  if (r.startsWith('access-reviews')) return 'reviews';
  if (r.startsWith('overview')) return 'overview';
  return r === '' ? 'home' : 'other';
}

/**
 * A cheap first look: a URL without a directory, a package route or an encoded `#` cannot need
 * the extension (a member browsing their own My Access), so the content script stops there.
 */
export function mayConcernLink(url: string): boolean {
  return /@|%40|%23|access-packages\/./i.test(url);
}

/** Reads a My Access page URL: its route and what the link engine says of it. */
export function parseMyAccessPage(url: string): MyAccessPage | undefined {
  if (!isMyAccessUrl(url)) return undefined;
  const analysis = analyzeOfficialUrl(url);
  if (!analysis) return undefined;
  const hashAt = url.indexOf('#');
  const encoded = hashAt < 0 ? url.search(/%23\//i) : -1;
  const hash = hashAt >= 0 ? url.slice(hashAt) : encoded >= 0 ? url.slice(encoded + 3) : '';
  const fixedUrl = encoded >= 0 ? `${url.slice(0, encoded)}#${url.slice(encoded + 3)}` : null;
  return { route: routeOf(hash), analysis, fixedUrl };
}
