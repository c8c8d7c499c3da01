// Filtering and sorting the package table: pure, so 2,000 rows filter within a keystroke.
import type { CatalogRow } from './rows';

export const FINDING_FILTERS = [
  'all',
  'blocked',
  'warnings',
  'requestable',
  'hidden',
  'catalog-not-external',
  'no-external-policy',
  'policy-no-self-request',
] as const;
export type FindingFilter = (typeof FINDING_FILTERS)[number];

export const SORT_KEYS = ['name', 'catalog', 'hidden', 'findings'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

export function matchesFinding(row: CatalogRow, filter: FindingFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'blocked':
      return row.blocked;
    case 'warnings':
      return row.summary.some((f) => f.severity === 'warning');
    case 'requestable':
      return !row.summary.some((f) => f.severity !== 'info');
    case 'hidden':
      return row.hidden === true;
    default:
      return row.findings.some((f) => f.code === filter);
  }
}

/** Text anywhere in the name, catalog, id or link; case and accents do not matter. */
export function matchesText(row: CatalogRow, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  return [row.name, row.catalogName, row.id, row.link ?? ''].some((s) => fold(s).includes(q));
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const RANK = (row: CatalogRow) =>
  row.blocked ? 0 : row.summary.some((f) => f.severity === 'warning') ? 1 : 2;

export function sortRows(rows: readonly CatalogRow[], sort: Sort, locale?: string): CatalogRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: CatalogRow, b: CatalogRow) =>
    collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
  const by: Record<SortKey, (a: CatalogRow, b: CatalogRow) => number> = {
    name: byName,
    catalog: (a, b) => collator.compare(a.catalogName, b.catalogName) || byName(a, b),
    hidden: (a, b) => Number(b.hidden === true) - Number(a.hidden === true) || byName(a, b),
    findings: (a, b) => RANK(a) - RANK(b) || byName(a, b),
  };
  const cmp = by[sort.key];
  return [...rows].sort((a, b) => (sort.descending ? cmp(b, a) : cmp(a, b)));
}

export function visibleRows(
  rows: readonly CatalogRow[],
  query: string,
  finding: FindingFilter,
  sort: Sort,
  locale?: string,
): CatalogRow[] {
  return sortRows(
    rows.filter((r) => matchesFinding(r, finding) && matchesText(r, query)),
    sort,
    locale,
  );
}
