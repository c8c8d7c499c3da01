/** @vitest-environment happy-dom */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasOverviewFacts, readOverview } from '../../lib/pages/portal-dom';
import { G } from '../fixtures/link-rows';

function load(name: string, runScripts = false): Document {
  const doc = new DOMParser().parseFromString(
    readFileSync(`tests/fixtures/pages/${name}`, 'utf8'),
    'text/html',
  );
  if (runScripts) {
    // The Entra frame renders its blade from a script; reproduce the rendered state here.
    const html = /innerHTML = `([\s\S]*?)`;/.exec(doc.documentElement.outerHTML)![1]!;
    doc.getElementById('blade')!.innerHTML = html;
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
