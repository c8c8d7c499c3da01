import type { PageStatus } from '../messages';
import type { MyAccessPage } from './my-access-url';

/**
 * What a My Access page means for a partner. "incomplete" only where a link clearly aimed at a
 * package lost a part: a member browsing their own My Access (no hint, no package) is not nagged,
 * and a directory without a package counts only on the page a link opened (`initial`), not when
 * the user clicks through My Access's own lists.
 */
export function pageStatus(
  page: MyAccessPage,
  { initial = true }: { initial?: boolean } = {},
): PageStatus {
  const a = page.analysis;
  if (a.verdict === 'dangerous') return 'dangerous';
  if (a.verdict === 'valid') return 'complete';
  if (a.verdict !== 'repairable') return 'other';
  const packageRoute = page.route === 'access-package';
  if (
    a.accessPackageId !== null ||
    (packageRoute && a.problems.some((p) => p.code === 'package-id-partial'))
  )
    return 'incomplete';
  if (
    initial &&
    a.directoryHint !== null &&
    (page.route === 'home' || page.route === 'access-packages' || packageRoute)
  )
    return 'incomplete';
  return 'other';
}
