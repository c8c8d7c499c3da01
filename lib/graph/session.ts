// Sign-in and tokens, with the browser injected: opening the sign-in page, storing tokens
// (session storage: never on disk) and fetch are the caller's. Tokens never reach a log or a message.
import {
  authorizeUrl,
  codeTokenRequest,
  parseTokenSet,
  readRedirect,
  readTokenResponse,
  refreshTokenRequest,
  sessionEndsAt,
  type SignInConfig,
  type TokenRequest,
  type TokenSet,
} from './auth';
import { createPkce, randomToken } from './pkce';
import { GraphProblem, asGraphProblem } from './problems';

export interface SessionDeps {
  fetch: typeof fetch;
  now(): number;
  /** Opens the sign-in page; resolves with the URL the identity platform redirected to. */
  launch(url: string): Promise<string>;
  load(): Promise<unknown>;
  save(tokens: TokenSet): Promise<void>;
  clear(): Promise<void>;
  crypto?: Crypto;
}

/** Refresh a little before expiry, so a token never dies between the check and the call. */
const EARLY_MS = 2 * 60 * 1000;

async function redeem(
  deps: SessionDeps,
  request: TokenRequest,
  config: Pick<TokenSet, 'cloud' | 'clientId' | 'tenant' | 'signedInAt'>,
): Promise<TokenSet> {
  let res: Response;
  try {
    res = await deps.fetch(request.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: request.body,
    });
  } catch (e) {
    throw asGraphProblem(e);
  }
  const json: unknown = await res.json().catch(() => null);
  return readTokenResponse(res.status, json, config, deps.now());
}

export function createGraphSession(deps: SessionDeps) {
  let refreshing: Promise<TokenSet> | null = null;

  async function current(): Promise<TokenSet | null> {
    return parseTokenSet(await deps.load().catch(() => null));
  }

  async function refresh(tokens: TokenSet): Promise<TokenSet> {
    try {
      const next = await redeem(deps, refreshTokenRequest(tokens), tokens);
      // The identity platform may not rotate the refresh token: keep the one we have.
      const kept = { ...next, refreshToken: next.refreshToken ?? tokens.refreshToken };
      await deps.save(kept);
      return kept;
    } catch (e) {
      const problem = asGraphProblem(e);
      // A refused refresh token means signing in again; a network failure does not.
      if (problem.code !== 'offline' && problem.code !== 'server-error') {
        await deps.clear();
        throw new GraphProblem('session-expired');
      }
      throw problem;
    }
  }

  return {
    current,
    async signIn(config: SignInConfig): Promise<TokenSet> {
      // The sign-in's 24 hours run from here, the earliest they can start: never shown too late.
      const signedInAt = deps.now();
      const pkce = await createPkce(deps.crypto);
      const state = randomToken(deps.crypto);
      let redirected: string;
      try {
        redirected = await deps.launch(authorizeUrl(config, state, pkce.challenge));
      } catch (e) {
        if (e instanceof GraphProblem) throw e;
        // Chromium: "Authorization page could not be loaded." when offline; anything else is the window closed.
        throw new GraphProblem(
          /could not be loaded/i.test(String((e as Error)?.message))
            ? 'offline'
            : 'sign-in-cancelled',
        );
      }
      const code = readRedirect(redirected, state, config.redirectUri);
      const tokens = await redeem(deps, codeTokenRequest(config, code, pkce.verifier), {
        ...config,
        signedInAt,
      });
      await deps.save(tokens);
      return tokens;
    },
    /** A valid access token, refreshed when close to expiry; problems say what the user must do. */
    async accessToken(): Promise<TokenSet> {
      const tokens = await current();
      if (!tokens) throw new GraphProblem('not-signed-in');
      // Past the sign-in's end no refresh can succeed: say so without asking.
      if (deps.now() >= sessionEndsAt(tokens)) {
        await deps.clear();
        throw new GraphProblem('session-expired');
      }
      if (tokens.expiresAt - deps.now() > EARLY_MS) return tokens;
      if (!tokens.refreshToken) {
        await deps.clear();
        throw new GraphProblem('session-expired');
      }
      // One refresh at a time: parallel Graph calls share it.
      refreshing ??= refresh(tokens).finally(() => (refreshing = null));
      return refreshing;
    },
    signOut: () => deps.clear(),
  };
}

export type GraphSession = ReturnType<typeof createGraphSession>;
