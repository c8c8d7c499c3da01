// Table rows from Graph packages: the popup's rules, the complete link, the portal link; then
// filtering, sorting and the formula-safe exports.
import { describe, expect, it } from 'vitest';
import { rowsToCsv, rowsToTable, type ExportLabels } from '../../lib/catalog/export';
import { matchesFinding, sortRows, visibleRows } from '../../lib/catalog/filter';
import { catalogPortalUrl, packagePortalUrl } from '../../lib/catalog/portal-links';
import { catalogRow, type CatalogRow } from '../../lib/catalog/rows';
import type { FindingCode } from '../../lib/eligibility/rules';
import { catalogInfo, type CatalogInfo } from '../../lib/graph/catalog-read';
import { isCatalogPage, parseAccessPackagePage } from '../../lib/pages/portal-url';
import {
  catalogGuid,
  FABRIKAM_ID,
  generateTenant,
  packageGuid,
} from '../fixtures/catalog-tenant.mjs';

const tenant = generateTenant({ catalogs: 12, perCatalog: 20 });
const orgs = [{ id: FABRIKAM_ID, displayName: 'Fabrikam', state: 'configured' }];
const infos = tenant.catalogs.map((c) => catalogInfo(c)!);

function rows(hint: string | null = 'contoso.onmicrosoft.com'): CatalogRow[] {
  return infos.flatMap((c: CatalogInfo) =>
    tenant.packages.get(c.id)!.map((p) => catalogRow(p, c, orgs, 'global', hint)!),
  );
}
const all = rows();
const row = (c: number, i: number) => all.find((r) => r.id === packageGuid(c, i))!;
const codes = (r: CatalogRow) => r.summary.map((f) => f.code);

describe('catalogRow', () => {
  const cases: [number, number, boolean, FindingCode[], string][] = [
    // [catalog, package, blocked, summary codes, what the tenant generator made it]
    [0, 1, false, [], 'all external users, self-request'],
    [0, 3, false, ['no-external-policy'], 'members only: guests could still request'],
    [0, 5, false, ['policy-no-self-request'], 'external, admins assign'],
    [0, 8, false, ['policy-specific-organizations'], 'Fabrikam only'],
    [3, 1, true, ['catalog-not-external'], 'catalog not enabled for external users'],
    [7, 1, true, ['catalog-disabled'], 'catalog not enabled (unpublished)'],
  ];
  it.each(cases)('catalog %i package %i: blocked %s, %j (%s)', (c, i, blocked, summary) => {
    const r = row(c, i);
    expect(r.blocked).toBe(blocked);
    expect(codes(r)).toEqual(summary);
  });

  it('names the connected organisations of a specific policy', () => {
    expect(row(0, 8).summary[0]!.args).toEqual(['Fabrikam']);
  });

  it('hidden comes from Graph; the complete link from the directory hint', () => {
    expect(row(1, 0).hidden).toBe(true);
    expect(row(1, 1).hidden).toBe(false);
    expect(row(1, 1).link).toBe(
      `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${packageGuid(1, 1)}`,
    );
    expect(rows(null)[0]!.link).toBeNull();
    expect(rows('not a hint')[0]!.link).toBeNull();
  });

  it('US Government tenants get myaccess.microsoft.us links and the US portal', () => {
    const r = catalogRow(
      tenant.packages.get(infos[1]!.id)![2]!,
      infos[1]!,
      orgs,
      'usgov-high',
      'contoso.onmicrosoft.us',
    )!;
    expect(r.link).toMatch(/^https:\/\/myaccess\.microsoft\.us\/@contoso\.onmicrosoft\.us#/);
    expect(r.portalUrl).toMatch(/^https:\/\/entra\.microsoft\.us\//);
  });

  it('a package without a GUID id is left out', () => {
    expect(catalogRow({ id: 'nope' }, infos[0]!, orgs, 'global', null)).toBeNull();
  });
});

describe('portal links', () => {
  it('the package link opens its overview, and the popup recognises it', () => {
    const url = packagePortalUrl('global', catalogGuid(2), packageGuid(2, 4));
    expect(parseAccessPackagePage(url)).toMatchObject({
      accessPackageId: packageGuid(2, 4),
      catalogId: catalogGuid(2),
      cloud: 'global',
    });
    expect(
      parseAccessPackagePage(packagePortalUrl('usgov', catalogGuid(2), packageGuid(2, 4)))?.cloud,
    ).toBe('usgov');
  });
  it('the catalog link is a catalog page', () => {
    expect(isCatalogPage(catalogPortalUrl('global', catalogGuid(9)))).toBe(true);
  });
});

describe('filter and sort', () => {
  const sort = { key: 'name', descending: false } as const;
  it.each([
    ['all', all.length],
    ['hidden', all.filter((r) => r.hidden).length],
    ['blocked', all.filter((r) => r.blocked).length],
  ] as const)('%s shows %i rows', (f, n) => {
    expect(visibleRows(all, '', f, sort)).toHaveLength(n);
  });

  it('"partners cannot request" is exactly the rows with an error finding', () => {
    const blocked = visibleRows(all, '', 'blocked', sort);
    expect(blocked.length).toBeGreaterThan(20);
    expect(blocked.every((r) => r.findings.some((f) => f.severity === 'error'))).toBe(true);
    // Catalog 3 is closed to external users: all of its 20 packages are blocked.
    expect(blocked.filter((r) => r.catalogId === catalogGuid(3))).toHaveLength(20);
  });

  it('"partners can request" and "blocked" never overlap', () => {
    for (const r of all)
      expect(matchesFinding(r, 'requestable') && matchesFinding(r, 'blocked')).toBe(false);
  });

  it('each specific finding filter matches its finding', () => {
    for (const f of [
      'catalog-not-external',
      'no-external-policy',
      'policy-no-self-request',
    ] as const) {
      const shown = visibleRows(all, '', f, sort);
      expect(shown.length, f).toBeGreaterThan(0);
      expect(shown.every((r) => r.findings.some((x) => x.code === f))).toBe(true);
    }
  });

  it('text matches name, catalog, id or link, ignoring case and accents', () => {
    expect(
      visibleRows(all, 'FINANCE CATALOG', 'all', sort).every((r) =>
        r.catalogName.startsWith('Finance'),
      ),
    ).toBe(true);
    expect(visibleRows(all, packageGuid(4, 2), 'all', sort).map((r) => r.id)).toEqual([
      packageGuid(4, 2),
    ]);
    const accented = { ...all[0]!, name: 'Équipe Réseau' };
    expect(visibleRows([accented], 'equipe reseau', 'all', sort)).toHaveLength(1);
  });

  it('sorts by name, catalog, hidden and findings, both ways', () => {
    const byName = sortRows(all, sort).map((r) => r.name);
    expect(byName).toEqual(
      [...byName].sort((a, b) =>
        a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }),
      ),
    );
    expect(sortRows(all, { key: 'name', descending: true }).map((r) => r.name)).toEqual(
      [...byName].reverse(),
    );
    expect(sortRows(all, { key: 'findings', descending: false })[0]!.blocked).toBe(true);
    expect(sortRows(all, { key: 'hidden', descending: false })[0]!.hidden).toBe(true);
    const byCatalog = sortRows(all, { key: 'catalog', descending: false });
    expect(byCatalog[0]!.catalogName <= byCatalog.at(-1)!.catalogName).toBe(true);
  });
});

const labels: ExportLabels = {
  name: 'Access package',
  catalog: 'Catalog',
  hidden: 'Hidden',
  link: 'Complete link',
  findings: 'Can partners request it?',
  portal: 'Admin portal',
  yes: 'Yes',
  no: 'No',
  unknown: 'Not known',
  summary: (r) => (r.blocked ? 'Blocked.' : 'Partners can request it.'),
};

describe('exports', () => {
  it('CSV: header, one line per row, CRLF, formula cells neutralised', () => {
    const csv = rowsToCsv([row(0, 1), row(3, 1)], labels);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      '"Access package","Catalog","Hidden","Complete link","Can partners request it?","Admin portal"',
    );
    // The package named like a formula starts with a quote: a spreadsheet shows it as text.
    expect(lines[1]).toMatch(
      /^"'=HYPERLINK\(""https:\/\/evil\.example"",""Click""\)","Sales catalog 000","No","https:\/\/myaccess/,
    );
    expect(lines[2]).toContain('"Blocked."');
    expect(lines[3]).toBe('');
  });

  it('table: HTML with escaped text and anchors for links; plain text with tabs', () => {
    const { html, text } = rowsToTable([row(0, 1), row(0, 2)], labels);
    expect(html.startsWith('<table><thead><tr><th>Access package</th>')).toBe(true);
    expect(html).toContain('&quot;https://evil.example&quot;');
    expect(html).not.toContain('"https://evil.example"');
    expect(html).toContain(`<a href="${row(0, 2).link}">${row(0, 2).link}</a>`);
    expect(html).not.toContain('Admin portal');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]!.split('\t')).toEqual([
      row(0, 2).name,
      'Sales catalog 000',
      'No',
      row(0, 2).link,
      'Partners can request it.',
    ]);
  });
});
