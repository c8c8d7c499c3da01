/** @vitest-environment happy-dom */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPackageBlade, hasOverviewFacts, readOverview } from '../../lib/pages/portal-dom';
import { G } from '../fixtures/link-rows';

function load(name: string, runScripts = false): Document {
  const doc = new DOMParser().parseFromString(
    // A frame is only a placeholder here (happy-dom would try to load it): this document is read.
    readFileSync(`tests/fixtures/pages/${name}`, 'utf8').replace(/<(\/?)iframe\b/g, '<$1div'),
    'text/html',
  );
  if (runScripts) {
    // The Entra frame's script renders its blade late, from a template; do here what it does.
    const blade = doc.getElementById('blade')!;
    blade.append(blade.querySelector('template')!.content);
  }
  return doc;
}

describe('readOverview', () => {
  it('reads the Entra overview blade (label/value rows, link in a read-only field)', () => {
    expect(readOverview(load('entra-overview-frame.html', true))).toEqual({
      packageName: 'Sales partners',
      hidden: true,
      catalogName: 'General',
      link: `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`,
    });
  });

  it('reads a French Azure portal overview (definition list, link as text)', () => {
    expect(readOverview(load('azure-overview.html'))).toEqual({
      packageName: 'Partenaires commerciaux',
      hidden: false,
      catalogName: 'Général',
      link: `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
    });
  });

  it('finds nothing on a blade that has not rendered yet, or on a catalog page', () => {
    expect(hasOverviewFacts(readOverview(load('entra-overview-frame.html')))).toBe(false);
    const catalog = readOverview(load('catalog.html'));
    expect(catalog.link).toBeNull();
    expect(catalog.hidden).toBeNull();
  });

  it('ignores a look-alike link on the page', () => {
    const doc = new DOMParser().parseFromString(
      `<p>Link: https://myaccess.microsoft.com.evil.example/@contoso.com#/access-packages/${G}</p>`,
      'text/html',
    );
    expect(readOverview(doc).link).toBeNull();
  });
});

/** A fixture whose blade a script renders late: run the script at once, as the page would. */
function rendered(name: string): Document {
  const doc = load(name);
  const code = doc.querySelector('script')!.textContent;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fixture's own script, in a test
  new Function('document', 'setTimeout', code)(doc, (f: () => void) => f());
  return doc;
}
const OTHER = '0f0e0d0c-0b0a-4909-8807-060504030201';
const SALES = {
  packageName: 'Sales partners',
  hidden: true,
  catalogName: 'General',
  link: `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`,
};
const NOTHING = { packageName: null, hidden: null, catalogName: null, link: null };

describe('readOverview reads only the blade that shows this package', () => {
  it('the overview blade, not the package grid still open beside it (Name / Catalog / Hidden)', () => {
    const doc = load('azure-blades-shell.html');
    expect(readOverview(doc, G)).toEqual(SALES);
    expect(findPackageBlade(doc, G)?.getAttribute('aria-label')).toBe('Sales partners');
  });

  it('nothing in a shell whose overview is in another frame: the grid is never read', () => {
    expect(readOverview(load('entra-reactblade-shell.html'), G)).toEqual(NOTHING);
    expect(readOverview(load('entra-reactblade-shell.html'))).toEqual(NOTHING);
  });

  it('the React view of the overview, in its own frame, once rendered', () => {
    expect(readOverview(load('reactblade-overview.html'), G)).toEqual(NOTHING);
    expect(readOverview(rendered('reactblade-overview.html'), G)).toEqual(SALES);
    // A frame that has not been told the package reads the one blade it shows.
    expect(readOverview(rendered('reactblade-overview.html'))).toEqual(SALES);
  });

  const overview = (id: string, name: string, hidden: string) => `
    <section class="blade"><h2>${name}</h2><p>Access package</p>
      <div class="row"><span>Catalog</span><span>${name} catalog</span></div>
      <div class="row"><span>Hidden</span><span>${hidden}</span></div>
      <div class="row"><label>My Access portal link</label>
        <input readonly value="https://myaccess.microsoft.com/@contoso.com#/access-packages/${id}"></div>
    </section>`;
  const page = (body: string) => new DOMParser().parseFromString(body, 'text/html');

  it.each<[string, string, string | null, typeof SALES | typeof NOTHING]>([
    [
      'the second of two overviews (the journey went from one package to another)',
      `<header><h1>Microsoft Azure</h1></header><main>${overview(OTHER, 'Contractors', 'No')}${overview(G, 'Sales partners', 'Yes')}</main>`,
      G,
      {
        packageName: 'Sales partners',
        hidden: true,
        catalogName: 'Sales partners catalog',
        link: `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
      },
    ],
    [
      'the first of two overviews, when the URL names that one',
      `<main>${overview(OTHER, 'Contractors', 'No')}${overview(G, 'Sales partners', 'Yes')}</main>`,
      OTHER,
      {
        packageName: 'Contractors',
        hidden: false,
        catalogName: 'Contractors catalog',
        link: `https://myaccess.microsoft.com/@contoso.com#/access-packages/${OTHER}`,
      },
    ],
    [
      "nothing when the only overview is another package's",
      `<main>${overview(OTHER, 'Contractors', 'No')}</main>`,
      G,
      NOTHING,
    ],
    [
      'nothing from a package grid alone (its headers are no labels)',
      `<h1>Microsoft Entra admin center</h1><table><thead><tr><th>Name</th><th>Catalog</th><th>Hidden</th></tr></thead>
       <tbody><tr><td>Contractors</td><td>Facilities</td><td>No</td></tr></tbody></table>`,
      G,
      NOTHING,
    ],
    [
      "the blade's own title, not the portal's, when the blade has no Name row",
      `<header><h1>Microsoft Entra admin center</h1></header>
       <table><tr><th>Name</th><th>Hidden</th></tr><tr><td>Contractors</td><td>No</td></tr></table>
       ${overview(G, 'Sales partners', 'Yes')}`,
      G,
      {
        packageName: 'Sales partners',
        hidden: true,
        catalogName: 'Sales partners catalog',
        link: `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
      },
    ],
  ])('%s', (_, html, id, expected) => {
    expect(readOverview(page(html), id)).toEqual(expected);
  });

  it('a blade whose link has not rendered yet is found by its label, and read', () => {
    const doc = page(
      `<table><tr><th>Name</th><th>Hidden</th></tr><tr><td>Contractors</td><td>No</td></tr></table>
       <section><h2>Sales partners</h2><div><span>Hidden</span><span>Yes</span></div>
       <div><label>My Access portal link</label><input readonly value=""></div></section>`,
    );
    expect(readOverview(doc, G)).toEqual({
      packageName: 'Sales partners',
      hidden: true,
      catalogName: null,
      link: null,
    });
  });
});
