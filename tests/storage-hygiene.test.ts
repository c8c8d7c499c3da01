// Storage hygiene: the code paths that write storage run against the fake browser, then everything in
// storage.local is searched for anything token-shaped. Sign-in secrets belong in storage.session only.
// vitest: own process (its storage items must write their version key: they do when first used)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserGraph } from '../components/graph/graph-env';
import { DEFAULT_SETTINGS } from '../lib/settings/settings';
import { historyStore, rememberHint, saveAnswers, settingsStore } from '../lib/storage';
import { fakeGraph, fixture, PACKAGE_ID } from './graph/fake-graph';

const CLIENT_ID = '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c';
const TENANT = 'contoso.onmicrosoft.com';
const TOKEN_URL = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`;
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
// Shaped like the identity platform's: a JWT access token, long opaque code and refresh tokens.
const CODE = '1.AXEAZmFrZS1hdXRob3JpemF0aW9uLWNvZGUtZm9yLXRlc3Rz_aGVsbG8tY29kZS1zdHJpbmc';
const REFRESHED = {
  ...fixture('token-response.json'),
  access_token: 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJyZWZyZXNoZWQifQ.c2lnbmF0dXJl',
  refresh_token:
    'AwABAAAAvPM1KaPlrEqdFSBzjqfTGBCmLdgfSTLEMPGYuNHSUYBrqqf_ZT_p5uEAEJJ_nZ3UmphWygRNy2C3jJ239gV',
};

// What counts as token-shaped.
const JWT = /eyJ[\w-]*\.[\w-]+\.[\w-]*/;
const LONG_BASE64URL = /[A-Za-z0-9_-]{40,}/;
const SECRET_KEY = /token|code|verifier|secret|state|password|assertion|credential/i;

/** Every key path and string in `value` that looks like a secret, or a key that names one. */
function tokenShaped(value: unknown, path = ''): string[] {
  if (typeof value === 'string')
    return JWT.test(value) || LONG_BASE64URL.test(value) ? [`${path}: ${value}`] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => [
    ...(SECRET_KEY.test(key) || JWT.test(key) || LONG_BASE64URL.test(key)
      ? [`${path}/${key} (key)`]
      : []),
    ...tokenShaped(v, `${path}/${key}`),
  ]);
}

/** A sign-in world: the fake browser's identity and permissions, a token endpoint and Graph. Records every secret it hands out or sees. */
function signInWorld() {
  const secrets = new Set<string>([CODE]);
  const graph = fakeGraph();
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url !== TOKEN_URL) return graph.fetch(input, init);
    const body = new URLSearchParams(typeof init?.body === 'string' ? init.body : '');
    for (const k of ['code', 'code_verifier', 'refresh_token'])
      if (body.get(k)) secrets.add(body.get(k)!);
    const answer =
      body.get('grant_type') === 'refresh_token' ? REFRESHED : fixture('token-response.json');
    secrets.add(String(answer.access_token)).add(String(answer.refresh_token));
    return Response.json(answer);
  });
  fakeBrowser.permissions.request = async () => true;
  fakeBrowser.permissions.contains = async () => true;
  fakeBrowser.identity.getRedirectURL = () => REDIRECT;
  fakeBrowser.identity.launchWebAuthFlow = async ({ url }) => {
    const q = new URL(url).searchParams;
    for (const k of ['state', 'code_challenge']) secrets.add(q.get(k)!);
    return `${REDIRECT}?code=${CODE}&state=${q.get('state')}`;
  };
  return { secrets, graph };
}

async function everything(area: 'local' | 'session'): Promise<Record<string, unknown>> {
  return fakeBrowser.storage[area].get(null);
}

beforeEach(() => vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000));
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('storage hygiene', () => {
  it('recognises token-shaped values and keys (the check itself)', () => {
    expect(
      tokenShaped({ a: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake-access-token.signature' }),
    ).toHaveLength(1);
    expect(
      tokenShaped({ a: [{ b: 'AwABAAAAvPM1KaPlrEqdFSBzjqfTGBCmLdgfSTLEMPGYuNHSUYBrq' }] }),
    ).toHaveLength(1);
    expect(tokenShaped({ refreshToken: null, pkceVerifier: 1, state: 'x', code: '' })).toHaveLength(
      4,
    );
    expect(
      tokenShaped({
        link: `https://myaccess.microsoft.com/@contoso.com#/access-packages/${PACKAGE_ID}`,
        graphClientId: CLIENT_ID,
        [PACKAGE_ID]: { hidden: true },
      }),
    ).toEqual([]);
  });

  it('settings, history, hints, answers and a Graph sign-in leave nothing token-shaped in storage.local', async () => {
    const { secrets, graph } = signInWorld();

    // Settings, history, a confirmed hint, answers: what the popup and options write.
    await settingsStore.save({
      ...DEFAULT_SETTINGS,
      defaultHint: 'contoso.com',
      organization: 'Contoso',
      graphClientId: CLIENT_ID,
    });
    await historyStore.add({
      link: `https://myaccess.microsoft.com/@contoso.com#/access-packages/${PACKAGE_ID}`,
      verdict: 'valid',
      directoryHint: 'contoso.com',
      at: '2027-01-15T10:00:00.000Z',
      action: 'shared',
    });
    await rememberHint('contoso.com');
    await saveAnswers(PACKAGE_ID, { hidden: true, externalPolicy: false });

    // Sign-in as the options page does it (then it saves the client id and the organization's hint).
    const { tokens, organization } = await browserGraph.signIn({
      clientId: CLIENT_ID,
      tenant: TENANT,
      cloud: 'global',
    });
    await settingsStore.save({
      ...(await settingsStore.load()),
      graphClientId: CLIENT_ID,
      ...(organization?.hint ? { defaultHint: organization.hint } : {}),
    });
    // Two hours on, reading a package refreshes the tokens (a second write of the sign-in).
    vi.mocked(Date.now).mockReturnValue(1_800_000_000_000 + 2 * 3600_000);
    await browserGraph.readPackage(PACKAGE_ID);

    const local = await everything('local');
    // Nothing token-shaped in storage.local, and none of the secrets of this sign-in anywhere in it.
    expect(tokenShaped(local)).toEqual([]);
    const text = JSON.stringify(local);
    expect(secrets.size).toBeGreaterThanOrEqual(7);
    for (const secret of secrets)
      expect(
        text.includes(secret),
        `a sign-in secret in storage.local: ${secret.slice(0, 8)}…`,
      ).toBe(false);
    // Only the keys that belong there (a new one is a decision: add it here).
    expect(Object.keys(local).sort()).toEqual([
      'answers',
      'history',
      'recentHints',
      'settings',
      'settings$',
    ]);

    // The sign-in really happened (both token sets were used), and its tokens sit in session storage.
    expect(tokens.accessToken).toBe(fixture('token-response.json').access_token);
    expect(graph.calls.some((c) => c.auth === `Bearer ${REFRESHED.access_token}`)).toBe(true);
    expect(Object.keys(await everything('session'))).toEqual(['graphTokens']);
    expect(await everything('session')).toMatchObject({
      graphTokens: { accessToken: REFRESHED.access_token, refreshToken: REFRESHED.refresh_token },
    });
  });

  it('signing out leaves storage.session without tokens', async () => {
    signInWorld();
    await browserGraph.signIn({ clientId: CLIENT_ID, tenant: TENANT, cloud: 'global' });
    await browserGraph.signOut();
    expect(await everything('session')).toEqual({});
    expect(tokenShaped(await everything('local'))).toEqual([]);
  });
});
