import { describe, expect, it } from 'vitest';
import {
  acceptedFrom,
  createDropLog,
  parsePortalWatch,
  parseRuntimeMessage,
  PORTAL_HOSTS,
  tabPackage,
  type DropReason,
  type MessageSenderInfo,
  type RuntimeMessage,
} from '../lib/messages';
import { G as P } from './fixtures/link-rows';

describe('parseRuntimeMessage accepts exactly the shapes it knows', () => {
  it.each([
    [{ type: 'my-access-page', status: 'complete' }],
    [{ type: 'my-access-page', status: 'other' }],
    [{ type: 'portal-page', accessPackageId: null, tenant: null, cloud: 'global' }],
    [{ type: 'portal-frame-query' }],
    [
      {
        type: 'portal-page',
        accessPackageId: '6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
        tenant: 'contoso.com',
        cloud: 'usgov',
      },
    ],
    [
      {
        type: 'portal-facts',
        packageName: 'Sales',
        hidden: true,
        catalogName: 'General',
        link: null,
      },
    ],
  ])('%j', (m) => {
    expect(parseRuntimeMessage(m)).toEqual(m);
  });

  it('drops unknown fields', () => {
    expect(
      parseRuntimeMessage({
        type: 'my-access-page',
        status: 'other',
        canonical: 'https://myaccess.microsoft.com/@a.com#/access-packages/x',
        extra: '<script>',
      }),
    ).toEqual({ type: 'my-access-page', status: 'other' });
  });

  it.each([
    [null],
    ['check-text'],
    [[]],
    [{}],
    [{ type: 'unknown' }],
    [{ type: 'my-access-page', status: 'great' }],
    [{ type: 'my-access-page' }],
    [{ type: 'my-access-page', status: 42 }],
    [{ type: 'portal-facts', packageName: null, hidden: 'yes', catalogName: null, link: null }],
    [{ type: 'portal-page', accessPackageId: null, tenant: null, cloud: 'china' }],
    [{ type: 'check-text', text: 'x' }],
    [
      {
        type: 'portal-page',
        accessPackageId: { toString: (): string => 'x' },
        tenant: null,
        cloud: 'global',
      },
    ],
  ])('rejects %j', (m) => {
    expect(parseRuntimeMessage(m)).toBeUndefined();
  });
});

describe('acceptedFrom binds each message to the frame that may send it', () => {
  const OWN = 'own-extension-id';
  const MESSAGES: Record<RuntimeMessage['type'], RuntimeMessage> = {
    'my-access-page': { type: 'my-access-page', status: 'complete' },
    'portal-page': { type: 'portal-page', accessPackageId: null, tenant: null, cloud: 'global' },
    'portal-frame-query': { type: 'portal-frame-query' },
    'portal-facts': {
      type: 'portal-facts',
      packageName: 'Sales',
      hidden: null,
      catalogName: null,
      link: null,
    },
  };
  // The page each message speaks for, and a page of the other kind.
  const HOME = {
    'my-access-page': 'https://myaccess.microsoft.com',
    'portal-page': 'https://entra.microsoft.com',
    'portal-frame-query': 'https://entra.microsoft.com',
    'portal-facts': 'https://portal.azure.us',
  };
  const OTHER = {
    'my-access-page': 'https://portal.azure.com',
    'portal-page': 'https://myaccess.microsoft.us',
    'portal-frame-query': 'https://myaccess.microsoft.com',
    'portal-facts': 'https://myaccess.microsoft.com',
  };
  // Facts count only in a tab whose own URL is an access package page.
  const PACKAGE_PAGE = `/#view/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/~/overview/entitlementId/${P}`;
  const tabPage = (t: RuntimeMessage['type'], origin: string) =>
    t === 'portal-facts' ? `${origin}${PACKAGE_PAGE}` : `${origin}/`;

  /** A content script's sender, as Chromium gives it, in tab 7. */
  const frame = (origin: string, frameId: number, tabUrl?: string): MessageSenderInfo => ({
    id: OWN,
    url: `${origin}/#view/x`,
    origin,
    frameId,
    tab: { id: 7, ...(tabUrl === undefined ? {} : { url: tabUrl }) },
  });
  const KINDS: Record<string, (type: RuntimeMessage['type']) => MessageSenderInfo> = {
    'right origin, top frame': (t) => frame(HOME[t], 0, tabPage(t, HOME[t])),
    'right origin, sub-frame': (t) => frame(HOME[t], 3, tabPage(t, HOME[t])),
    'wrong origin': (t) => frame(OTHER[t], 0, tabPage(t, OTHER[t])),
    'http instead of https': (t) =>
      frame(HOME[t].replace('https:', 'http:'), 0, tabPage(t, HOME[t].replace('https:', 'http:'))),
    'look-alike origin': (t) =>
      frame(`${HOME[t]}.evil.example`, 0, tabPage(t, `${HOME[t]}.evil.example`)),
    'missing tab': (t) => ({ ...frame(HOME[t], 0), tab: undefined }),
    'foreign extension id': (t) => ({
      ...frame(HOME[t], 0, tabPage(t, HOME[t])),
      id: 'another-extension',
    }),
    'extension page without tab': () => ({
      id: OWN,
      url: `chrome-extension://${OWN}/popup.html`,
      origin: `chrome-extension://${OWN}`,
    }),
  };
  const EXPECTED: Record<string, Record<RuntimeMessage['type'], true | DropReason>> = {
    'right origin, top frame': {
      'my-access-page': true,
      'portal-page': true,
      'portal-frame-query': true,
      'portal-facts': true,
    },
    'right origin, sub-frame': {
      'my-access-page': 'sub-frame',
      'portal-page': 'sub-frame',
      'portal-frame-query': true,
      'portal-facts': true,
    },
    'wrong origin': {
      'my-access-page': 'wrong-origin',
      'portal-page': 'wrong-origin',
      'portal-frame-query': 'wrong-origin',
      'portal-facts': 'wrong-origin',
    },
    'http instead of https': {
      'my-access-page': 'wrong-origin',
      'portal-page': 'wrong-origin',
      'portal-frame-query': 'wrong-origin',
      'portal-facts': 'wrong-origin',
    },
    'look-alike origin': {
      'my-access-page': 'wrong-origin',
      'portal-page': 'wrong-origin',
      'portal-frame-query': 'wrong-origin',
      'portal-facts': 'wrong-origin',
    },
    'missing tab': {
      'my-access-page': 'no-tab',
      'portal-page': 'no-tab',
      'portal-frame-query': 'no-tab',
      'portal-facts': 'no-tab',
    },
    'foreign extension id': {
      'my-access-page': 'foreign-extension',
      'portal-page': 'foreign-extension',
      'portal-frame-query': 'foreign-extension',
      'portal-facts': 'foreign-extension',
    },
    'extension page without tab': {
      'my-access-page': 'no-tab',
      'portal-page': 'no-tab',
      'portal-frame-query': 'no-tab',
      'portal-facts': 'no-tab',
    },
  };
  const cases = Object.keys(KINDS).flatMap((kind) =>
    (Object.keys(MESSAGES) as RuntimeMessage['type'][]).map((type) => [type, kind] as const),
  );

  it.each(cases)('%s from %s', (type, kind) => {
    const expected = EXPECTED[kind]![type];
    expect(acceptedFrom(MESSAGES[type], KINDS[kind]!(type), OWN)).toEqual(
      expected === true ? { ok: true, tabId: 7 } : { ok: false, reason: expected },
    );
  });

  const facts = MESSAGES['portal-facts'];
  it.each<[string, MessageSenderInfo, true | DropReason]>([
    [
      'a portal sub-frame in a tab showing another site',
      frame('https://entra.microsoft.com', 3, 'https://evil.example/'),
      'wrong-top',
    ],
    [
      'a portal sub-frame whose tab URL is withheld',
      frame('https://entra.microsoft.com', 3),
      'wrong-top',
    ],
    [
      'a portal top frame whose tab URL is withheld, on a package page',
      {
        ...frame('https://entra.microsoft.com', 0),
        url: `https://entra.microsoft.com${PACKAGE_PAGE}`,
      },
      true,
    ],
    [
      'a portal top frame whose tab URL is withheld, on another page',
      frame('https://entra.microsoft.com', 0),
      'wrong-top',
    ],
    [
      'a portal frame in a US Government portal tab on a package page',
      frame('https://entra.microsoft.us', 2, `https://portal.azure.us${PACKAGE_PAGE}`),
      true,
    ],
    [
      'a portal frame in a portal tab that shows no package',
      frame('https://entra.microsoft.us', 2, 'https://portal.azure.us/#home'),
      'wrong-top',
    ],
    [
      'a React view frame (sandbox-1.reactblade.portal.azure.net) in a package tab',
      frame(
        'https://sandbox-1.reactblade.portal.azure.net',
        5,
        `https://entra.microsoft.com${PACKAGE_PAGE}`,
      ),
      true,
    ],
    [
      'an extension UI frame (*.hosting.portal.azure.net) in a package tab',
      frame(
        'https://elmadmin.hosting.portal.azure.net',
        2,
        `https://portal.azure.com${PACKAGE_PAGE}`,
      ),
      true,
    ],
    [
      'a React view frame whose tab shows no package',
      frame(
        'https://sandbox-1.reactblade.portal.azure.net',
        5,
        'https://entra.microsoft.com/#home',
      ),
      'wrong-top',
    ],
    [
      'a React view frame in a tab of another site (the frame host is no proof)',
      frame(
        'https://sandbox-1.reactblade.portal.azure.net',
        5,
        `https://evil.example${PACKAGE_PAGE}`,
      ),
      'wrong-top',
    ],
    [
      'a React view frame as the top of a tab',
      frame(
        'https://sandbox-1.reactblade.portal.azure.net',
        0,
        'https://sandbox-1.reactblade.portal.azure.net/',
      ),
      'wrong-top',
    ],
    [
      'the bare frame domain (not a sub-domain)',
      frame('https://reactblade.portal.azure.net', 5, `https://entra.microsoft.com${PACKAGE_PAGE}`),
      'wrong-origin',
    ],
    [
      'a look-alike of a frame host',
      frame(
        'https://sandbox-1.reactblade.portal.azure.net.evil.example',
        5,
        `https://entra.microsoft.com${PACKAGE_PAGE}`,
      ),
      'wrong-origin',
    ],
    [
      'another portal.azure.net sub-domain',
      frame(
        'https://evilreactblade.portal.azure.net',
        5,
        `https://entra.microsoft.com${PACKAGE_PAGE}`,
      ),
      'wrong-origin',
    ],
    [
      'a React view frame sandboxed without allow-same-origin (opaque origin, URL on the frame host)',
      {
        ...frame(
          'https://sandbox-1.reactblade.portal.azure.net',
          5,
          `https://entra.microsoft.com${PACKAGE_PAGE}`,
        ),
        origin: 'null',
      },
      true,
    ],
    [
      'an opaque-origin frame whose URL is elsewhere',
      {
        ...frame('https://evil.example', 5, `https://entra.microsoft.com${PACKAGE_PAGE}`),
        origin: 'null',
      },
      'wrong-origin',
    ],
    [
      'an opaque-origin frame on a portal host (not a frame host)',
      {
        ...frame('https://entra.microsoft.com', 5, `https://entra.microsoft.com${PACKAGE_PAGE}`),
        origin: 'null',
      },
      'wrong-origin',
    ],
    [
      'a frame host over http',
      frame(
        'http://sandbox-1.reactblade.portal.azure.net',
        5,
        `https://entra.microsoft.com${PACKAGE_PAGE}`,
      ),
      'wrong-origin',
    ],
    ['a frame with a port', frame('https://entra.microsoft.com:8443', 0), 'wrong-origin'],
    [
      'a frame whose URL disagrees with its origin',
      { ...frame('https://entra.microsoft.com', 0), url: 'https://evil.example/' },
      'wrong-origin',
    ],
    [
      'userinfo before a look-alike host',
      {
        ...frame('https://entra.microsoft.com', 0),
        origin: undefined,
        url: 'https://entra.microsoft.com@evil.example/',
      },
      'wrong-origin',
    ],
    [
      'an opaque origin',
      { ...frame('https://entra.microsoft.com', 0), origin: 'null' },
      'wrong-origin',
    ],
    [
      'a frame that gives no origin and no URL',
      { id: OWN, frameId: 0, tab: { id: 7 } },
      'wrong-origin',
    ],
    [
      'only a URL (no origin field)',
      { id: OWN, url: `https://portal.azure.com${PACKAGE_PAGE}`, frameId: 0, tab: { id: 7 } },
      true,
    ],
    [
      'an upper-case host (browsers normalise it)',
      {
        ...frame('https://entra.microsoft.com', 0),
        origin: undefined,
        url: `https://ENTRA.Microsoft.com${PACKAGE_PAGE}`,
      },
      true,
    ],
    [
      'no tab id',
      { ...frame('https://entra.microsoft.com', 0), tab: { url: 'https://entra.microsoft.com/' } },
      'no-tab',
    ],
    ['the no-tab id', { ...frame('https://entra.microsoft.com', 0), tab: { id: -1 } }, 'no-tab'],
    [
      'no sender id',
      { ...frame('https://entra.microsoft.com', 0), id: undefined },
      'foreign-extension',
    ],
  ])('portal-facts from %s', (_, sender, expected) => {
    expect(acceptedFrom(facts, sender, OWN)).toEqual(
      expected === true ? { ok: true, tabId: 7 } : { ok: false, reason: expected },
    );
  });

  it.each<[string, RuntimeMessage['type'], MessageSenderInfo, string, DropReason]>([
    [
      'a My Access top frame in a tab whose URL is already another site is stale',
      'my-access-page',
      frame('https://myaccess.microsoft.com', 0, 'https://evil.example/'),
      OWN,
      'wrong-top',
    ],
    [
      'a top frame without frameId counts as a sub-frame',
      'portal-page',
      { ...frame('https://portal.azure.com', 0), frameId: undefined },
      OWN,
      'sub-frame',
    ],
    [
      'an empty own id accepts nothing',
      'portal-page',
      { ...frame('https://portal.azure.com', 0), id: '' },
      '',
      'foreign-extension',
    ],
  ])('%s', (_, type, sender, own, reason) => {
    expect(acceptedFrom(MESSAGES[type], sender, own)).toEqual({ ok: false, reason });
  });
});

describe('createDropLog', () => {
  it('counts per reason and logs each drop once, without the content', () => {
    const lines: string[] = [];
    const log = createDropLog((l) => lines.push(l));
    log.drop('wrong-origin', 'portal-page');
    log.drop('wrong-origin', 'portal-page');
    log.drop('malformed');
    expect(log.counts()).toEqual({ 'wrong-origin': 2, malformed: 1 });
    expect(lines).toEqual([
      'runtime message dropped: wrong-origin (portal-page), 1 so far',
      'runtime message dropped: wrong-origin (portal-page), 2 so far',
      'runtime message dropped: malformed, 1 so far',
    ]);
  });
});

describe('portal frames learn the package from the background, never from each other', () => {
  const OWN = 'own-extension-id';
  const PAGE = `https://entra.microsoft.com/#view/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/~/overview/entitlementId/${P}`;
  const query: RuntimeMessage = { type: 'portal-frame-query' };
  const reactFrame = (tabUrl: string): MessageSenderInfo => ({
    id: OWN,
    url: 'https://sandbox-1.reactblade.portal.azure.net/react/index.html',
    origin: 'https://sandbox-1.reactblade.portal.azure.net',
    frameId: 9,
    tab: { id: 7, url: tabUrl },
  });

  it.each<[string, MessageSenderInfo, string | null]>([
    ["the tab's package, from the tab's own URL", reactFrame(PAGE), P],
    ['none on another portal page', reactFrame('https://entra.microsoft.com/#home'), null],
    ['none without the tab URL', { ...reactFrame(PAGE), tab: { id: 7 } }, null],
    [
      "a top frame's own URL when the tab's is withheld",
      { id: OWN, url: PAGE, frameId: 0, tab: { id: 7 } },
      P,
    ],
  ])('tabPackage: %s', (_, sender, expected) => {
    expect(tabPackage(sender)).toBe(expected);
  });

  it('a frame may ask on any portal page, but only in a portal tab', () => {
    expect(acceptedFrom(query, reactFrame('https://entra.microsoft.com/#home'), OWN)).toEqual({
      ok: true,
      tabId: 7,
    });
    expect(acceptedFrom(query, reactFrame('https://evil.example/'), OWN)).toEqual({
      ok: false,
      reason: 'wrong-top',
    });
  });

  it.each<[string, unknown, { id?: string; tab?: unknown }, boolean]>([
    ['from the background', { type: 'portal-watch', accessPackageId: P }, { id: OWN }, true],
    ['that clears', { type: 'portal-watch', accessPackageId: null }, { id: OWN }, true],
    [
      'from a tab (another content script)',
      { type: 'portal-watch', accessPackageId: P },
      { id: OWN, tab: { id: 7 } },
      false,
    ],
    [
      'from another extension',
      { type: 'portal-watch', accessPackageId: P },
      { id: 'other' },
      false,
    ],
    ['malformed', { type: 'portal-watch', accessPackageId: 7 }, { id: OWN }, false],
    ['of another type', { type: 'portal-page', accessPackageId: P }, { id: OWN }, false],
  ])('parsePortalWatch: a message %s', (_, message, sender, ok) => {
    expect(parsePortalWatch(message, sender, OWN)).toEqual(ok ? message : undefined);
  });

  it('PORTAL_HOSTS are the admin portals, worldwide and US Government', () => {
    expect([...PORTAL_HOSTS].sort()).toEqual([
      'entra.microsoft.com',
      'entra.microsoft.us',
      'portal.azure.com',
      'portal.azure.us',
    ]);
  });
});
