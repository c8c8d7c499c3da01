import { describe, expect, it } from 'vitest';
import * as auth from '../../lib/graph/auth';
import { ALL_GRAPH_ORIGINS, cloudOrigins } from '../../lib/graph/clouds';
import { base64url, challengeFor, createPkce } from '../../lib/graph/pkce';
import { GraphProblem } from '../../lib/graph/problems';
import { fixture, REDIRECT, SIGN_IN_CONFIG } from './fake-graph';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof GraphProblem ? e.code : `not a GraphProblem: ${String(e)}`;
  }
  return 'no problem';
}

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
  it('makes a fresh 43-character URL-safe verifier each time', async () => {
    const [a, b] = await Promise.all([createPkce(), createPkce()]);
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(await challengeFor(a.verifier));
  });
  it('encodes base64url without padding', () => {
    expect(base64url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
  });
});

describe('authorize URL', () => {
  it.each<[string, auth.SignInConfig, string, string]>([
    [
      'global',
      SIGN_IN_CONFIG,
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
      'https://graph.microsoft.com/EntitlementManagement.Read.All https://graph.microsoft.com/User.Read offline_access',
    ],
    [
      'GCC High',
      { ...SIGN_IN_CONFIG, cloud: 'usgov-high' },
      'https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
      'https://graph.microsoft.us/EntitlementManagement.Read.All https://graph.microsoft.us/User.Read offline_access',
    ],
    [
      'DoD',
      { ...SIGN_IN_CONFIG, cloud: 'usgov-dod', tenant: '84841066-274d-4ec0-a5c1-276be684bdd3' },
      'https://login.microsoftonline.us/84841066-274d-4ec0-a5c1-276be684bdd3/oauth2/v2.0/authorize',
      'https://dod-graph.microsoft.us/EntitlementManagement.Read.All https://dod-graph.microsoft.us/User.Read offline_access',
    ],
  ])('%s', (_, config, endpoint, scope) => {
    const url = new URL(auth.authorizeUrl(config, 'state-1', 'challenge-1'));
    expect(`${url.origin}${url.pathname}`).toBe(endpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: SIGN_IN_CONFIG.clientId,
      response_type: 'code',
      response_mode: 'query',
      redirect_uri: REDIRECT,
      scope,
      state: 'state-1',
      code_challenge: 'challenge-1',
      code_challenge_method: 'S256',
      prompt: 'select_account',
    });
  });
  it.each([
    ['a client id that is not a GUID', { ...SIGN_IN_CONFIG, clientId: 'my-app' }, 'bad-client-id'],
    [
      'a tenant with a path in it',
      { ...SIGN_IN_CONFIG, tenant: 'contoso.com/../common' },
      'unknown-tenant',
    ],
    ['an empty tenant', { ...SIGN_IN_CONFIG, tenant: '' }, 'unknown-tenant'],
  ])('refuses %s', (_, config, code) => {
    expect(codeOf(() => auth.authorizeUrl(config, 's', 'c'))).toBe(code);
  });
  it('asks for exactly the sign-in and Graph hosts of the chosen cloud', () => {
    expect(cloudOrigins('usgov-dod')).toEqual([
      'https://login.microsoftonline.us/*',
      'https://dod-graph.microsoft.us/*',
    ]);
    expect(ALL_GRAPH_ORIGINS).toEqual([
      'https://login.microsoftonline.com/*',
      'https://graph.microsoft.com/*',
      'https://login.microsoftonline.us/*',
      'https://graph.microsoft.us/*',
      'https://dod-graph.microsoft.us/*',
    ]);
  });
});

describe('redirect', () => {
  it.each([
    ['the code', `${REDIRECT}?code=0.AQoA-code&state=s1&session_state=x`, '0.AQoA-code'],
    [
      'another state (a forged or stale answer)',
      `${REDIRECT}?code=c&state=other`,
      'sign-in-failed',
    ],
    ['no state', `${REDIRECT}?code=c`, 'sign-in-failed'],
    ['another redirect URI', 'https://evil.example/?code=c&state=s1', 'sign-in-failed'],
    [
      'the user declined consent (its own message, not "an administrator must consent")',
      `${REDIRECT}?error=access_denied&error_description=AADSTS65004%3a+User+declined+to+consent&state=s1`,
      'consent-declined',
    ],
    [
      'cancelled',
      `${REDIRECT}?error=access_denied&error_description=the+user+canceled&state=s1`,
      'sign-in-cancelled',
    ],
    [
      'admin consent needed',
      `${REDIRECT}?error=access_denied&error_description=AADSTS90094%3a+The+grant+requires+admin+permission&state=s1`,
      'consent-required',
    ],
    [
      'unknown app',
      `${REDIRECT}?error=unauthorized_client&error_description=AADSTS700016%3a+Application+not+found&state=s1`,
      'unknown-client',
    ],
    [
      'a single-tenant app signed in through organizations',
      `${REDIRECT}?error=invalid_request&error_description=AADSTS50194%3a+Application+is+not+configured+as+a+multi-tenant+application.&state=s1`,
      'single-tenant-endpoint',
    ],
    ['an error in the fragment', `${REDIRECT}#error=consent_required&state=s1`, 'consent-required'],
    ['no code', `${REDIRECT}?state=s1`, 'sign-in-failed'],
    ['not a URL', 'nonsense', 'sign-in-failed'],
  ])('%s', (_, url, expected) => {
    let got: string;
    try {
      got = auth.readRedirect(url, 's1', REDIRECT);
    } catch (e) {
      got = (e as GraphProblem).code;
    }
    expect(got).toBe(expected);
  });
});

const aadsts = (error: string, description: string) => ({
  error,
  error_description: `${description} Trace ID: 0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e Correlation ID: 1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f Timestamp: 2026-11-24 09:37:15Z`,
  error_codes: [Number(/AADSTS(\d+)/.exec(description)![1])],
});

describe('token requests and responses', () => {
  it('redeems the code with the verifier, as a form', () => {
    const r = auth.codeTokenRequest(SIGN_IN_CONFIG, 'the-code', 'the-verifier');
    expect(r.url).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
    );
    expect(Object.fromEntries(new URLSearchParams(r.body))).toEqual({
      client_id: SIGN_IN_CONFIG.clientId,
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: REDIRECT,
      code_verifier: 'the-verifier',
      scope:
        'https://graph.microsoft.com/EntitlementManagement.Read.All https://graph.microsoft.com/User.Read offline_access',
    });
  });
  it('refreshes with the refresh token', () => {
    const tokens: auth.TokenSet = {
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: 0,
      signedInAt: 0,
      cloud: 'usgov-high',
      clientId: SIGN_IN_CONFIG.clientId,
      tenant: 'contoso.onmicrosoft.com',
    };
    const r = auth.refreshTokenRequest(tokens);
    expect(r.url).toBe(
      'https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token',
    );
    expect(new URLSearchParams(r.body).get('grant_type')).toBe('refresh_token');
    expect(new URLSearchParams(r.body).get('refresh_token')).toBe('r');
  });
  it('reads a token response', () => {
    const config = { ...SIGN_IN_CONFIG, signedInAt: 500 };
    expect(auth.readTokenResponse(200, fixture('token-response.json'), config, 1_000)).toEqual({
      accessToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake-access-token.signature',
      refreshToken: '0.AQoA-fake-refresh-token',
      expiresAt: 1_000 + 4299 * 1000,
      signedInAt: 500,
      cloud: 'global',
      clientId: SIGN_IN_CONFIG.clientId,
      tenant: SIGN_IN_CONFIG.tenant,
    });
  });
  it.each([
    ['consent missing', 400, fixture('token-error-consent.json'), 'consent-required'],
    [
      'SPA refresh token expired (24 h)',
      400,
      fixture('token-error-expired.json'),
      'session-expired',
    ],
    [
      'not registered as a single-page application',
      400,
      fixture('token-error-spa.json'),
      'spa-platform',
    ],
    [
      'a single-tenant app on the organizations endpoint',
      400,
      aadsts(
        'invalid_request',
        "AADSTS50194: Application '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c'(Access Link Doctor) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.",
      ),
      'single-tenant-endpoint',
    ],
    [
      'an app registered in another tenant',
      400,
      aadsts(
        'unauthorized_client',
        "AADSTS700016: Application with identifier '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c' was not found in the directory 'Fabrikam'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.",
      ),
      'unknown-client',
    ],
    [
      'a token request not made cross-origin (reported: no Origin header)',
      400,
      aadsts(
        'invalid_request',
        "AADSTS9002327: Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
      ),
      'no-origin',
    ],
    [
      'a redirect URI the app does not list',
      400,
      aadsts(
        'invalid_request',
        "AADSTS50011: The redirect URI 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/' specified in the request does not match the redirect URIs configured for the application.",
      ),
      'redirect-mismatch',
    ],
    ['server error', 503, null, 'server-error'],
    ['200 without a token', 200, { token_type: 'Bearer' }, 'bad-response'],
    ['200 that is not JSON', 200, null, 'bad-response'],
  ])('%s', (_, status, json, code) => {
    expect(
      codeOf(() => auth.readTokenResponse(status, json, { ...SIGN_IN_CONFIG, signedInAt: 0 }, 0)),
    ).toBe(code);
  });
  /** A stored token set with every field right. */
  const WELL_FORMED_SET = {
    accessToken: 'a',
    refreshToken: null,
    expiresAt: 1,
    signedInAt: 0,
    cloud: 'global',
    clientId: 'c',
    tenant: 't',
  };
  it.each([
    ['nothing stored', undefined, null],
    ['a string', 'token', null],
    [
      'an unknown cloud',
      {
        accessToken: 'a',
        refreshToken: null,
        expiresAt: 1,
        cloud: 'china',
        clientId: 'c',
        tenant: 't',
      },
      null,
    ],
    [
      'a set without the sign-in time (its end cannot be told: sign in again)',
      {
        accessToken: 'a',
        refreshToken: null,
        expiresAt: 1,
        cloud: 'global',
        clientId: 'c',
        tenant: 't',
      },
      null,
    ],
    // A fresh copy as the expected value, so the set read back is compared with the one stored.
    ['a well-formed set', WELL_FORMED_SET, { ...WELL_FORMED_SET }],
  ])('stored tokens: %s', (_, raw, expected) => {
    expect(auth.parseTokenSet(raw)).toEqual(expected);
  });
});
