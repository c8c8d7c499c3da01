// OAuth 2.0 authorization code flow with PKCE against the Microsoft identity platform, as pure
// functions: build the authorize URL, read the redirect, build and read token requests.
import { cloudHosts, graphScope, type GraphCloud } from './clouds';
import { GraphProblem, type GraphProblemCode } from './problems';

export interface SignInConfig {
  clientId: string;
  /** The admin's own tenant (a domain or a tenant id), not `common`: guest admins land in the right directory. */
  tenant: string;
  cloud: GraphCloud;
  redirectUri: string;
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  /** When the access token expires (about an hour; refreshed silently), epoch milliseconds. */
  expiresAt: number;
  /**
   * When the sign-in started, epoch milliseconds. It ends 24 hours later whatever the refreshes:
   * the identity platform's limit for refresh tokens of single-page applications.
   */
  signedInAt: number;
  cloud: GraphCloud;
  clientId: string;
  tenant: string;
}

const TENANT =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$|^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$|^organizations$/i;
const CLIENT_ID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

export function isClientId(v: string): boolean {
  return CLIENT_ID.test(v);
}

function endpoint(
  config: Pick<SignInConfig, 'cloud' | 'tenant'>,
  path: 'authorize' | 'token',
): string {
  // The tenant goes into a path: only a domain, a GUID or `organizations` gets there.
  if (!TENANT.test(config.tenant)) throw new GraphProblem('unknown-tenant');
  return `${cloudHosts(config.cloud).login}/${encodeURIComponent(config.tenant)}/oauth2/v2.0/${path}`;
}

export function authorizeUrl(config: SignInConfig, state: string, challenge: string): string {
  if (!isClientId(config.clientId)) throw new GraphProblem('bad-client-id');
  const q = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: config.redirectUri,
    scope: graphScope(config.cloud),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    prompt: 'select_account',
  });
  return `${endpoint(config, 'authorize')}?${q}`;
}

/** How long a sign-in lasts: refresh tokens issued to single-page applications live 24 hours. */
export const SESSION_MS = 24 * 60 * 60 * 1000;

/** When the sign-in ends (not the access token: that one is renewed silently until then). */
export function sessionEndsAt(tokens: Pick<TokenSet, 'signedInAt'>): number {
  return tokens.signedInAt + SESSION_MS;
}

/**
 * AADSTS codes that say what the admin must fix; anything else is a plain failure.
 * Microsoft's list: https://docs.microsoft.com/en-us/azure/active-directory/develop/reference-aadsts-error-codes
 */
export function classify(error: string, description: string): GraphProblemCode {
  const aadsts = /AADSTS(\d+)/.exec(description)?.[1];
  // 65004: the user declined the consent prompt (before access_denied, which it comes with).
  if (aadsts === '65004') return 'consent-declined';
  // 65001 and consent_required: consent is missing for any permission (not only the admin-only
  // one, e.g. User.Read where user consent is off); 90094: the grant needs an administrator.
  if (aadsts === '65001' || aadsts === '90094' || error === 'consent_required')
    return 'consent-required';
  // 9002326: the redirect URI is not under the Single-page application platform.
  if (aadsts === '9002326') return 'spa-platform';
  // 50011: the redirect URI sent is not one the app registration lists.
  if (aadsts === '50011') return 'redirect-mismatch';
  // 9002327: SPA tokens "may only be redeemed via cross-origin requests"; reported (Microsoft Q&A,
  // MSAL issues) when the token request carries no Origin header.
  if (aadsts === '9002327') return 'no-origin';
  // 700016: no app with this client id in that tenant (registered elsewhere, or not consented there).
  if (aadsts === '700016') return 'unknown-client';
  // 50194: a single-tenant app signed in through `/common` or `/organizations`: name the tenant.
  if (aadsts === '50194') return 'single-tenant-endpoint';
  if (aadsts === '90002' || aadsts === '900023') return 'unknown-tenant';
  if (aadsts === '700082' || aadsts === '700084' || aadsts === '70008' || aadsts === '50173')
    return 'session-expired';
  if (error === 'access_denied') return 'sign-in-cancelled';
  return 'sign-in-failed';
}

/** The authorization code from the redirect, after checking it answers our own request. */
export function readRedirect(
  redirected: string,
  expectedState: string,
  redirectUri: string,
): string {
  let url: URL;
  try {
    url = new URL(redirected);
  } catch {
    throw new GraphProblem('sign-in-failed');
  }
  if (!redirected.startsWith(redirectUri)) throw new GraphProblem('sign-in-failed');
  // Some errors come back in the fragment; codes always in the query (response_mode=query).
  const params = url.search ? url.searchParams : new URLSearchParams(url.hash.slice(1));
  if (params.get('state') !== expectedState) throw new GraphProblem('sign-in-failed');
  const error = params.get('error');
  if (error) throw new GraphProblem(classify(error, params.get('error_description') ?? ''));
  const code = params.get('code');
  if (!code) throw new GraphProblem('sign-in-failed');
  return code;
}

export interface TokenRequest {
  url: string;
  body: string;
}

export function codeTokenRequest(
  config: SignInConfig,
  code: string,
  verifier: string,
): TokenRequest {
  const body = new URLSearchParams({
    client_id: config.clientId,
    grant_type: 'authorization_code',
    code,
    redirect_uri: config.redirectUri,
    code_verifier: verifier,
    scope: graphScope(config.cloud),
  });
  return { url: endpoint(config, 'token'), body: body.toString() };
}

export function refreshTokenRequest(tokens: TokenSet): TokenRequest {
  const body = new URLSearchParams({
    client_id: tokens.clientId,
    grant_type: 'refresh_token',
    refresh_token: tokens.refreshToken ?? '',
    scope: graphScope(tokens.cloud),
  });
  return { url: endpoint(tokens, 'token'), body: body.toString() };
}

/** The token endpoint's answer as a TokenSet, or the problem it reports. */
export function readTokenResponse(
  status: number,
  json: unknown,
  config: Pick<TokenSet, 'cloud' | 'clientId' | 'tenant' | 'signedInAt'>,
  now: number,
): TokenSet {
  const r = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (status !== 200 || typeof r.error === 'string') {
    if (status >= 500) throw new GraphProblem('server-error');
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    throw new GraphProblem(classify(text(r.error), text(r.error_description)));
  }
  if (typeof r.access_token !== 'string' || r.access_token === '')
    throw new GraphProblem('bad-response');
  const expiresIn = Number(r.expires_in);
  return {
    accessToken: r.access_token,
    refreshToken: typeof r.refresh_token === 'string' ? r.refresh_token : null,
    expiresAt: now + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000,
    signedInAt: config.signedInAt,
    cloud: config.cloud,
    clientId: config.clientId,
    tenant: config.tenant,
  };
}

/** Stored tokens, when they have exactly the shape we write; anything else counts as signed out. */
export function parseTokenSet(raw: unknown): TokenSet | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (
    typeof r.accessToken !== 'string' ||
    typeof r.expiresAt !== 'number' ||
    typeof r.signedInAt !== 'number' ||
    typeof r.clientId !== 'string' ||
    typeof r.tenant !== 'string'
  )
    return null;
  if (r.refreshToken !== null && typeof r.refreshToken !== 'string') return null;
  if (r.cloud !== 'global' && r.cloud !== 'usgov-high' && r.cloud !== 'usgov-dod') return null;
  return {
    accessToken: r.accessToken,
    refreshToken: r.refreshToken,
    expiresAt: r.expiresAt,
    signedInAt: r.signedInAt,
    cloud: r.cloud,
    clientId: r.clientId,
    tenant: r.tenant,
  };
}
