import { describe, expect, it } from 'vitest';
import { sessionEndsAt, type TokenSet } from '../../lib/graph/auth';
import { challengeFor } from '../../lib/graph/pkce';
import { GraphProblem } from '../../lib/graph/problems';
import { createGraphSession } from '../../lib/graph/session';
import { fixture, SIGN_IN_CONFIG } from './fake-graph';

const NOW = 1_800_000_000_000;

/** A fake identity platform: the authorize step remembers the challenge; the token step checks the verifier. */
function world(
  opts: {
    tokenAnswer?: { status: number; body: unknown };
    launch?: (url: string) => Promise<string>;
  } = {},
) {
  let stored: unknown;
  let challenge = '';
  const tokenBodies: URLSearchParams[] = [];
  const fetch: typeof globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = new URLSearchParams(typeof init?.body === 'string' ? init.body : '');
    tokenBodies.push(body);
    const url = input instanceof Request ? input.url : input.toString();
    if (url !== 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token')
      return new Response('{}', { status: 404 });
    if (
      body.get('grant_type') === 'authorization_code' &&
      (await challengeFor(body.get('code_verifier') ?? '')) !== challenge
    ) {
      return Response.json(
        {
          error: 'invalid_grant',
          error_description:
            'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.',
        },
        { status: 400 },
      );
    }
    const answer = opts.tokenAnswer ?? { status: 200, body: fixture('token-response.json') };
    return Response.json(answer.body, { status: answer.status });
  };
  const deps = {
    fetch,
    now: () => NOW,
    launch:
      opts.launch ??
      ((url: string) => {
        const q = new URL(url).searchParams;
        challenge = q.get('code_challenge') ?? '';
        return Promise.resolve(`${q.get('redirect_uri')}?code=auth-code&state=${q.get('state')}`);
      }),
    load: () => Promise.resolve(stored),
    save: (t: TokenSet) => Promise.resolve(void (stored = t)),
    clear: () => Promise.resolve(void (stored = undefined)),
  };
  return {
    session: createGraphSession(deps),
    tokenBodies,
    stored: () => stored,
    set: (v: unknown) => void (stored = v),
  };
}

const problem = (p: Promise<unknown>) =>
  p.then(
    () => 'no problem',
    (e: unknown) => (e instanceof GraphProblem ? e.code : String(e)),
  );

describe('Graph session', () => {
  it('signs in with PKCE: the token endpoint accepts the verifier that matches the challenge', async () => {
    const w = world();
    const tokens = await w.session.signIn(SIGN_IN_CONFIG);
    expect(tokens.accessToken).toContain('fake-access-token');
    expect(tokens.expiresAt).toBe(NOW + 4299 * 1000);
    // The sign-in's own clock: its 24 hours start now, whatever the access token's hour.
    expect(tokens.signedInAt).toBe(NOW);
    expect(sessionEndsAt(tokens)).toBe(NOW + 24 * 3600_000);
    expect(w.stored()).toEqual(tokens);
    expect(w.tokenBodies[0]?.get('code')).toBe('auth-code');
  });

  it('refuses an answer to another sign-in (state mismatch) and redeems nothing', async () => {
    const w = world({
      launch: (url) =>
        Promise.resolve(`${new URL(url).searchParams.get('redirect_uri')}?code=c&state=forged`),
    });
    expect(await problem(w.session.signIn(SIGN_IN_CONFIG))).toBe('sign-in-failed');
    expect(w.tokenBodies).toHaveLength(0);
  });

  it.each([
    ['the window was closed', new Error('The user did not approve access.'), 'sign-in-cancelled'],
    [
      'the sign-in page could not be reached',
      new Error('Authorization page could not be loaded.'),
      'offline',
    ],
  ])('launch fails: %s', async (_, error, code) => {
    const w = world({ launch: async () => Promise.reject(error) });
    expect(await problem(w.session.signIn(SIGN_IN_CONFIG))).toBe(code);
  });

  it('reports missing consent from the token endpoint', async () => {
    const w = world({ tokenAnswer: { status: 400, body: fixture('token-error-consent.json') } });
    expect(await problem(w.session.signIn(SIGN_IN_CONFIG))).toBe('consent-required');
    expect(w.stored()).toBeUndefined();
  });

  it('is not signed in without tokens, or with corrupt ones', async () => {
    const w = world();
    expect(await problem(w.session.accessToken())).toBe('not-signed-in');
    w.set({ accessToken: 42 });
    expect(await problem(w.session.accessToken())).toBe('not-signed-in');
  });

  const tokens = (
    expiresAt: number,
    refreshToken: string | null = 'old-refresh',
    signedInAt = NOW - 3 * 3600_000,
  ): TokenSet => ({
    accessToken: 'old',
    refreshToken,
    expiresAt,
    signedInAt,
    cloud: 'global',
    clientId: SIGN_IN_CONFIG.clientId,
    tenant: SIGN_IN_CONFIG.tenant,
  });

  it('uses a token that is still good', async () => {
    const w = world();
    w.set(tokens(NOW + 30 * 60_000));
    expect((await w.session.accessToken()).accessToken).toBe('old');
    expect(w.tokenBodies).toHaveLength(0);
  });

  it('refreshes a token about to expire, once for parallel callers', async () => {
    const w = world();
    w.set(tokens(NOW + 60_000));
    const [a, b] = await Promise.all([w.session.accessToken(), w.session.accessToken()]);
    expect(a.accessToken).toContain('fake-access-token');
    expect(b).toEqual(a);
    expect(w.tokenBodies).toHaveLength(1);
    expect(w.tokenBodies[0]?.get('refresh_token')).toBe('old-refresh');
  });

  it('a refresh renews the access token but not the sign-in: its end stays where it was', async () => {
    const w = world();
    w.set(tokens(NOW + 60_000, 'old-refresh', NOW - 5 * 3600_000));
    const renewed = await w.session.accessToken();
    expect(renewed.expiresAt).toBe(NOW + 4299 * 1000);
    expect(renewed.signedInAt).toBe(NOW - 5 * 3600_000);
    expect(sessionEndsAt(renewed)).toBe(NOW + 19 * 3600_000);
    expect(w.stored()).toEqual(renewed);
  });

  it('past 24 hours the sign-in is over: signed out without a refresh attempt', async () => {
    const w = world();
    w.set(tokens(NOW - 1, 'old-refresh', NOW - 24 * 3600_000));
    expect(await problem(w.session.accessToken())).toBe('session-expired');
    expect(w.tokenBodies).toHaveLength(0);
    expect(w.stored()).toBeUndefined();
  });

  it('keeps the refresh token when the answer brings none', async () => {
    const { refresh_token: _, ...noRefresh } = fixture('token-response.json');
    const w = world({ tokenAnswer: { status: 200, body: noRefresh } });
    w.set(tokens(NOW - 1));
    expect((await w.session.accessToken()).refreshToken).toBe('old-refresh');
  });

  it('signs out when the refresh token has expired (24 h for single-page apps)', async () => {
    const w = world({ tokenAnswer: { status: 400, body: fixture('token-error-expired.json') } });
    w.set(tokens(NOW - 1));
    expect(await problem(w.session.accessToken())).toBe('session-expired');
    expect(w.stored()).toBeUndefined();
  });

  it('stays signed in when refreshing fails for lack of network', async () => {
    const w = world();
    const s = createGraphSession({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      now: () => NOW,
      launch: () => Promise.resolve(''),
      load: () => Promise.resolve(tokens(NOW - 1)),
      save: () => Promise.resolve(),
      clear: () => Promise.resolve(w.set('cleared')),
    });
    expect(await problem(s.accessToken())).toBe('offline');
    expect(w.stored()).toBeUndefined();
  });
});
