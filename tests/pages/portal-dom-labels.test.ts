/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { findShownLink } from '../../lib/pages/portal-dom';
import { G } from '../fixtures/link-rows';

const OTHER = '0b6f1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';

// The page reader finds the link by its label first, in the portal's language: Microsoft words
// "My Access portal link" as fr "Lien du portail Mon accès" and nl "Koppeling Mijn Access-portal".
describe('the "My Access portal link" label, per language', () => {
  it.each([
    ['en', 'My Access portal link'],
    ['fr', 'Lien du portail Mon accès'],
    ['nl', 'Koppeling Mijn Access-portal'],
    ['fr, untranslated portal name', 'Lien du portail My Access'],
  ])('%s: %s', (_, label) => {
    const doc = new DOMParser().parseFromString(
      `<p>Voir aussi https://myaccess.microsoft.com/@fabrikam.com#/access-packages/${OTHER}</p>
       <dl><dt>${label}</dt><dd>https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}</dd></dl>`,
      'text/html',
    );
    // The labelled link, not the first link in the page's text.
    expect(findShownLink(doc)?.accessPackageId).toBe(G);
  });
});
