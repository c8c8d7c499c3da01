import { describe, expect, it } from 'vitest';
import {
  badgeFor,
  isConfirmed,
  portalDirectory,
  mergeReport,
  portalLink,
  stateForUrl,
  type PortalTabState,
  type TabReport,
  type TabState,
} from '../lib/tab-state';
import { G, G2 } from './fixtures/link-rows';
import { portal } from './fixtures/portal-state';

const facts = (link: string | null, hidden: boolean | null = null) => ({
  packageName: 'Sales partners',
  hidden,
  catalogName: 'General',
  link,
});
const LINK = `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`;

describe('badgeFor', () => {
  it.each([
    ['no state', undefined, '', 'actionTitle'],
    [
      'complete My Access link',
      { type: 'my-access-page', status: 'complete' },
      'OK',
      'badgeComplete',
    ],
    [
      'incomplete My Access link',
      { type: 'my-access-page', status: 'incomplete' },
      '!',
      'badgeIncomplete',
    ],
    ['look-alike page', { type: 'my-access-page', status: 'dangerous' }, '!!', 'badgeDangerous'],
    ['other My Access page', { type: 'my-access-page', status: 'other' }, '', 'actionTitle'],
    ['package, link unknown', portal(), 'PKG', 'badgePortalPackage'],
    [
      'package, link shown by the page',
      portal({ facts: facts(LINK) }),
      'OK',
      'badgePortalComplete',
    ],
    // Anyone can write `#@tenant/` into a portal URL: a suggestion to confirm, never "OK".
    [
      'package, tenant in the URL only',
      portal({ tenant: 'contoso.com' }),
      'PKG',
      'badgePortalPackage',
    ],
    ['portal page that is no package', portal({ accessPackageId: null }), '', 'actionTitle'],
  ] as [string, TabState | undefined, string, string][])('%s → %s', (_, state, text, titleKey) => {
    const badge = badgeFor(state);
    expect(badge.text).toBe(text);
    expect(badge.titleKey).toBe(titleKey);
  });

  it("uses the admin's own directory hint from the settings", () => {
    expect(badgeFor(portal(), 'contoso.com').text).toBe('OK');
    expect(badgeFor(portal(), 'not a domain').text).toBe('PKG');
  });

  it('a package partners cannot request is not "OK", whether or not its link is complete', () => {
    for (const hint of ['contoso.com', ''])
      expect(badgeFor(portal(), hint, true)).toEqual({
        text: '!',
        color: '#bc4b09',
        titleKey: 'badgePortalBlocked',
      });
    // Only packages: a My Access page's badge does not depend on it.
    expect(badgeFor({ type: 'my-access-page', status: 'complete' }, '', true).text).toBe('OK');
  });
});

describe('portalLink', () => {
  it.each([
    ['the link the page shows', portal({ facts: facts(LINK) }), '', LINK],
    ['the URL tenant alone (not confirmed)', portal({ tenant: 'fabrikam.com' }), '', null],
    [
      "the admin's hint before the URL tenant",
      portal({ tenant: 'fabrikam.com' }),
      'contoso.com',
      `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
    ],
    [
      'the default hint, on the US cloud',
      portal({ cloud: 'usgov' }),
      'contoso.us',
      `https://myaccess.microsoft.us/@contoso.us#/access-packages/${G}`,
    ],
    [
      'the hint of a shown link without package',
      portal({ facts: facts('https://myaccess.microsoft.com/@contoso.com') }),
      '',
      `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
    ],
    ['nothing', portal(), '', null],
  ])('from %s', (_, state, hint, expected) => {
    expect(portalLink(state, hint)).toBe(expected);
  });
});

describe('mergeReport', () => {
  const page = (id: string | null): TabReport => ({
    type: 'portal-page',
    accessPackageId: id,
    tenant: null,
    cloud: 'global',
  });
  const shown = (link: string | null): TabReport => ({
    type: 'portal-facts',
    ...facts(link, true),
  });

  it('keeps facts for the same package, in either order of arrival', () => {
    expect(mergeReport(mergeReport(undefined, page(G)), shown(LINK))).toEqual(
      portal({ facts: facts(LINK, true) }),
    );
    expect(mergeReport(mergeReport(undefined, shown(LINK)), page(G))).toEqual(
      portal({ facts: facts(LINK, true) }),
    );
  });
  it('drops facts when the URL moves to another package', () => {
    expect(
      mergeReport(mergeReport(mergeReport(undefined, page(G)), shown(LINK)), page(G2)),
    ).toMatchObject({ accessPackageId: G2, facts: null });
  });
  it('ignores a frame showing another package', () => {
    const other = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G2}`;
    expect(mergeReport(mergeReport(undefined, page(G)), shown(other))).toMatchObject({
      accessPackageId: G,
      facts: null,
    });
  });
  it('a My Access report replaces whatever was there', () => {
    const m: TabReport = { type: 'my-access-page', status: 'other' };
    expect(mergeReport(portal(), m)).toEqual(m);
  });
});

describe('stateForUrl', () => {
  const my: TabState = { type: 'my-access-page', status: 'complete' };
  it.each<[string, TabState, string | null, boolean]>([
    ['portal state on a portal page', portal(), 'https://entra.microsoft.com/#view/x', true],
    [
      'portal state on a US Government portal page',
      portal(),
      'https://portal.azure.us/#home',
      true,
    ],
    [
      'portal state after leaving for another site',
      portal(),
      'https://www.bing.com/search?q=x',
      false,
    ],
    [
      'portal state on a look-alike host',
      portal(),
      'https://entra.microsoft.com.evil.example/',
      false,
    ],
    ['My Access state on My Access', my, 'https://myaccess.microsoft.com/@contoso.com', true],
    ['My Access state on a portal page', my, 'https://portal.azure.com/', false],
    ['unknown URL keeps the state', portal(), null, true],
  ])('%s', (_, state, url, kept) => {
    expect(stateForUrl(state, url)).toBe(kept ? state : undefined);
  });
});

describe('portalDirectory: where the directory came from, best first', () => {
  const SHOWN = `https://myaccess.microsoft.com/@shown.onmicrosoft.com#/access-packages/${G}`;
  const link = (hint: string, host = 'myaccess.microsoft.com') =>
    `https://${host}/@${hint}#/access-packages/${G}`;
  const all = { graph: 'graph.onmicrosoft.com', admin: 'admin.com' };
  it.each<
    [
      string,
      PortalTabState,
      { graph?: string | null; admin?: string },
      string | null,
      string | null,
    ]
  >([
    ['the page beats all', portal({ facts: facts(SHOWN), tenant: 'url.com' }), all, 'page', SHOWN],
    [
      'Graph beats the admin and the URL',
      portal({ tenant: 'url.com' }),
      all,
      'graph',
      link(all.graph),
    ],
    [
      'the admin beats the URL',
      portal({ tenant: 'url.com' }),
      { admin: 'admin.com' },
      'admin',
      link('admin.com'),
    ],
    ['the URL last', portal({ tenant: 'url.com' }), {}, 'url', link('url.com')],
    [
      "the page's hint, when the link it shows lacks the package",
      portal({ facts: facts('https://myaccess.microsoft.com/@shown.com'), tenant: 'url.com' }),
      all,
      'page',
      link('shown.com'),
    ],
    [
      "not a link of another package (a late frame's), nor its hint",
      portal({ facts: facts(`https://myaccess.microsoft.com/@other.com#/access-packages/${G2}`) }),
      { admin: 'admin.com' },
      'admin',
      link('admin.com'),
    ],
    [
      'an invalid hint is skipped, not used',
      portal({ tenant: 'url.com' }),
      { graph: 'not a domain', admin: 'https://x' },
      'url',
      link('url.com'),
    ],
    [
      'the US Government host for a US Government portal',
      portal({ cloud: 'usgov' }),
      { graph: 'contoso.onmicrosoft.us' },
      'graph',
      link('contoso.onmicrosoft.us', 'myaccess.microsoft.us'),
    ],
    ['nothing known', portal(), {}, null, null],
    ['no package', portal({ accessPackageId: null, tenant: 'url.com' }), all, null, null],
  ])('%s', (_, state, hints, source, expected) => {
    const found = portalDirectory(state, hints);
    expect(found?.source ?? null).toBe(source);
    expect(found?.link ?? null).toBe(expected);
  });

  it('only the page, Graph and the admin confirm; the badge agrees', () => {
    expect(['page', 'graph', 'admin', 'url'].map((s) => isConfirmed(s as 'url'))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(badgeFor(portal({ tenant: 'url.com' }), 'admin.com').text).toBe('OK');
    expect(badgeFor(portal({ tenant: 'url.com' })).text).toBe('PKG');
    // Graph's directory (the tenant the popup read the package from) confirms it too.
    expect(badgeFor(portal({ tenant: 'url.com' }), '', false, 'contoso.com').text).toBe('OK');
    expect(badgeFor(portal({ tenant: 'url.com' }), '', false, 'not a domain').text).toBe('PKG');
  });
});
