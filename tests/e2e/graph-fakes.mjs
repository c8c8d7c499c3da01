// The fake Microsoft identity platform and Graph that the browser tests sign in to and read from:
// shared by the Graph tests (one package) and the catalog page tests (thousands of packages).
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { resolve } from 'node:path';
import { eventually, G, whenSharingEnds, withExtension } from './harness.mjs';

export const CLIENT_ID = '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c';
export const GRAPH_FIXTURES = resolve('tests/fixtures/graph');
export const graphFixture = (name) => readFileSync(resolve(GRAPH_FIXTURES, name), 'utf8');
export const EM = 'https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement';
export const GRAPH_ORIGINS = [
  'https://login.microsoftonline.com/*',
  'https://graph.microsoft.com/*',
  'https://login.microsoftonline.us/*',
  'https://graph.microsoft.us/*',
  'https://dod-graph.microsoft.us/*',
];

/**
 * The authorize endpoint, over real HTTPS: Chromium's sign-in window is outside Playwright's
 * routing, so login.microsoftonline.com is mapped to this server. It checks the request and
 * remembers the challenge for the token endpoint, as the identity platform does.
 */
export async function fakeAuthorizeServer() {
  const issued = new Map(); // code → { challenge, redirectUri, clientId }
  const requests = [];
  const server = createServer(
    {
      key: readFileSync(resolve(GRAPH_FIXTURES, 'tls/key.pem')),
      cert: readFileSync(resolve(GRAPH_FIXTURES, 'tls/cert.pem')),
    },
    (req, res) => {
      const url = new URL(req.url, 'https://login.microsoftonline.com');
      const q = url.searchParams;
      requests.push({ path: url.pathname, params: Object.fromEntries(q) });
      if (
        !url.pathname.endsWith('/oauth2/v2.0/authorize') ||
        q.get('response_type') !== 'code' ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('code_challenge') ||
        q.get('client_id') !== CLIENT_ID
      ) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('AADSTS900144: malformed request');
        return;
      }
      const code = `0.AQoA-${randomBytes(12).toString('hex')}`;
      issued.set(code, {
        challenge: q.get('code_challenge'),
        redirectUri: q.get('redirect_uri'),
        clientId: q.get('client_id'),
      });
      const back = new URL(q.get('redirect_uri'));
      back.search = new URLSearchParams({
        code,
        state: q.get('state') ?? '',
        session_state: 'fake-session',
      }).toString();
      res.writeHead(302, { location: back.toString() }).end();
    },
  );
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    issued,
    requests,
    port: server.address().port,
    close: () => new Promise((r) => server.close(r)),
  };
}

export const json = (route, status, body, headers = {}) =>
  route.fulfill({
    status,
    contentType: 'application/json',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers,
  });

/** The token endpoint: redeems a code only with the verifier whose S256 hash is the challenge. */
export async function routeTokenEndpoint(context, authorize, { answers = [] } = {}) {
  const log = { redeemed: 0, pkceChecked: 0 };
  const accessToken = JSON.parse(graphFixture('token-response.json')).access_token;
  await context.route('https://login.microsoftonline.com/*/oauth2/v2.0/token', async (route) => {
    const body = new URLSearchParams(route.request().postData() ?? '');
    const planned = answers.shift();
    if (planned) return json(route, planned.status, graphFixture(planned.file));
    const grant = authorize.issued.get(body.get('code'));
    if (body.get('grant_type') !== 'authorization_code' || !grant)
      return json(route, 400, {
        error: 'invalid_grant',
        error_description: 'AADSTS70000: unknown code',
      });
    const challenge = createHash('sha256')
      .update(body.get('code_verifier') ?? '')
      .digest('base64url');
    log.pkceChecked++;
    if (
      challenge !== grant.challenge ||
      body.get('redirect_uri') !== grant.redirectUri ||
      body.get('client_id') !== grant.clientId
    ) {
      return json(route, 400, {
        error: 'invalid_grant',
        error_description:
          'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.',
      });
    }
    authorize.issued.delete(body.get('code')); // codes are single-use
    log.redeemed++;
    return json(route, 200, graphFixture('token-response.json'));
  });
  return { log, accessToken };
}

/** Graph v1.0, answering from the saved fixtures, only with the issued bearer token. */
export async function routeGraph(context, accessToken, { packageAnswers = [] } = {}) {
  const calls = [];
  const pages = {
    [`${EM}/accessPackages/${G}?$expand=catalog,assignmentPolicies`]:
      'access-package-expanded.json',
    [`${EM}/connectedOrganizations`]: 'connected-organizations-page1.json',
    [`${EM}/connectedOrganizations?$skiptoken=ZmFicmlrYW0tcGFnZS0y`]:
      'connected-organizations-page2.json',
    ['https://graph.microsoft.com/v1.0/organization?$select=id,displayName,verifiedDomains']:
      'organization.json',
  };
  await context.route('https://graph.microsoft.com/**', async (route) => {
    const url = decodeURIComponent(route.request().url());
    calls.push(url);
    if (route.request().headers().authorization !== `Bearer ${accessToken}`)
      return json(route, 401, {
        error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' },
      });
    if (url.includes('/accessPackages/') && packageAnswers.length) {
      const a = packageAnswers.shift();
      return json(route, a.status, graphFixture(a.file), a.headers);
    }
    return pages[url]
      ? json(route, 200, graphFixture(pages[url]))
      : json(route, 404, graphFixture('error-404.json'));
  });
  return calls;
}

/**
 * Headless Chromium cannot show the permission prompt, so the test grants the optional hosts the
 * way the user's "Allow" would (chrome://extensions). The extension still asks; Chromium answers
 * "granted" without a prompt when the hosts are already allowed.
 */
export async function allowGraphHosts(context, extensionId) {
  const page = await context.newPage();
  // Only the page's script matters (developerPrivate), not its rendering: slow machines take a while.
  await page.goto(`chrome://extensions/?id=${extensionId}`, {
    waitUntil: 'domcontentloaded',
    timeout: 30_000,
  });
  for (const origin of GRAPH_ORIGINS.slice(0, 2)) {
    await page.evaluate(
      ([id, o]) => new Promise((r) => chrome.developerPrivate.addHostPermission(id, o, r)),
      [extensionId, origin],
    );
  }
  await page.close();
}

export async function signIn(options, extensionId, { hint = '' } = {}) {
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Application (client) ID of your app registration').fill(CLIENT_ID);
  if (hint) await options.getByLabel(/directory hint/).fill(hint);
  await options.getByRole('button', { name: 'Sign in to Microsoft Graph' }).click();
}

/**
 * The steps before every sign-in: the Graph hosts allowed, the token endpoint routed (`answers`
 * first), Graph routed (`graph(context, accessToken, graphOptions)`: the saved fixtures unless
 * given), and "Sign in" pressed on a new options page (with `hint` as the directory hint).
 */
export async function startSignIn(
  { context, extensionId, authorize },
  { answers, hint, graph = routeGraph, graphOptions } = {},
) {
  await allowGraphHosts(context, extensionId);
  const { log, accessToken } = await routeTokenEndpoint(context, authorize, { answers });
  const graphCalls = await graph(context, accessToken, graphOptions);
  const options = await context.newPage();
  await signIn(options, extensionId, { hint });
  return { options, log, accessToken, graphCalls };
}

/** The authorize server of the shared browser (`shareOneBrowser`), which a launch flag maps to it. */
let sharedAuthorize = null;

/**
 * A test body: runs `fn` (given the extension's context and `authorize`) in Chromium with
 * login.microsoftonline.com mapped to a fakeAuthorizeServer. With a shared browser the server is
 * shared too (started by the first such test, its logs emptied for each); else it is stopped after.
 */
export function withFakeSignIn(fn, { permissions = [] } = {}) {
  return async () => {
    if (!sharedAuthorize) {
      const server = await fakeAuthorizeServer();
      if (whenSharingEnds(server.close)) sharedAuthorize = server;
      else return signInWith(server, fn, permissions).finally(server.close);
    }
    sharedAuthorize.requests.length = 0;
    sharedAuthorize.issued.clear();
    return signInWith(sharedAuthorize, fn, permissions);
  };
}

const signInWith = (authorize, fn, permissions) =>
  withExtension((ctx) => fn({ ...ctx, authorize }), {
    permissions,
    args: [
      `--host-resolver-rules=MAP login.microsoftonline.com 127.0.0.1:${authorize.port}`,
      '--ignore-certificate-errors',
    ],
  });

/** Waits (15 s at most) until the options page says the admin is signed in to Contoso. */
export async function untilSignedIn(options) {
  await eventually(
    async () =>
      /Signed in to Contoso/.test(await options.getByTestId('graph-status').textContent()),
    true,
    { timeout: 15_000 },
  );
}

/** Asserts the authorize request asked for Graph's scopes with PKCE, and the token endpoint checked it. */
export function assertPkceSignIn(params, log) {
  assert.equal(
    params.scope,
    'https://graph.microsoft.com/EntitlementManagement.Read.All https://graph.microsoft.com/User.Read offline_access',
  );
  assert.equal(params.code_challenge_method, 'S256');
  assert.match(params.state, /^[A-Za-z0-9_-]{43}$/);
  assert.deepEqual(log, { redeemed: 1, pkceChecked: 1 });
}

/**
 * Asserts the tokens live in session storage only and the settings kept the client id.
 * `stored`: { local: storage.local as JSON, session: storage.session's graphTokens entry }.
 */
export function assertTokensInSessionOnly(stored, accessToken) {
  assert.equal(stored.local.includes(accessToken), false);
  assert.equal(stored.local.includes('refresh'), false);
  assert.equal(stored.session.graphTokens.accessToken, accessToken);
  assert.match(stored.local, new RegExp(CLIENT_ID));
}
