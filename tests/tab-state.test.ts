import { describe, expect, it } from 'vitest';
import type { RuntimeMessage } from '../lib/messages';
import {
  badgeFor,
  mergeReport,
  portalLink,
  stateForUrl,
  type PortalTabState,
  type TabState,
} from '../lib/tab-state';
import { G, G2 } from './fixtures/link-rows';

const portal = (over: Partial<PortalTabState> = {}): PortalTabState => ({
  type: 'portal',
  accessPackageId: G,
  tenant: null,
  cloud: 'global',
  facts: null,
  ...over,
});
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
      { type: 'my-access-page', status: 'complete', canonical: LINK },
      'OK',
      'badgeComplete',
    ],
    [
      'incomplete My Access link',
      { type: 'my-access-page', status: 'incomplete', canonical: null },
      '!',
      'badgeIncomplete',
    ],
    [
      'look-alike page',
      { type: 'my-access-page', status: 'dangerous', canonical: null },
      '!!',
      'badgeDangerous',
    ],
    [
      'other My Access page',
      { type: 'my-access-page', status: 'other', canonical: null },
      '',
      'actionTitle',
    ],
    ['package, link unknown', portal(), 'PKG', 'badgePortalPackage'],
    [
      'package, link shown by the page',
      portal({ facts: facts(LINK) }),
      'OK',
      'badgePortalComplete',
    ],
    ['package, tenant in the URL', portal({ tenant: 'contoso.com' }), 'OK', 'badgePortalComplete'],
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
});

describe('portalLink', () => {
  it.each([
    ['the link the page shows', portal({ facts: facts(LINK) }), '', LINK],
    [
      'the URL tenant',
      portal({ tenant: 'fabrikam.com' }),
      '',
      `https://myaccess.microsoft.com/@fabrikam.com#/access-packages/${G}`,
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
  const page = (id: string | null): RuntimeMessage => ({
    type: 'portal-page',
    accessPackageId: id,
    tenant: null,
    cloud: 'global',
  });
  const shown = (link: string | null): RuntimeMessage => ({
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
    const m: RuntimeMessage = { type: 'my-access-page', status: 'other', canonical: null };
    expect(mergeReport(portal(), m)).toEqual(m);
  });
});

describe('stateForUrl', () => {
  const my: TabState = { type: 'my-access-page', status: 'complete', canonical: LINK };
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
