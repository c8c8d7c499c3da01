// Microsoft Graph in the real browser: PKCE sign-in through a fake Microsoft identity platform,
// tokens kept in session storage, and the popup reading the package from a fake Graph.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { resolve } from 'node:path';
import { test } from 'node:test';
import {
  axeViolations,
  EXTENSION_DIR,
  eventually,
  G,
  popupOnPortalPackage,
  withExtension,
} from './harness.mjs';

const CLIENT_ID = '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c';
const GRAPH_FIXTURES = resolve('tests/fixtures/graph');
const graphFixture = (name) => readFileSync(resolve(GRAPH_FIXTURES, name), 'utf8');
const EM = 'https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement';
const GRAPH_ORIGINS = [
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
async function fakeAuthorizeServer() {
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

const json = (route, status, body, headers = {}) =>
  route.fulfill({
    status,
    contentType: 'application/json',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers,
  });

/** The token endpoint: redeems a code only with the verifier whose S256 hash is the challenge. */
async function routeTokenEndpoint(context, authorize, { answers = [] } = {}) {
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
async function routeGraph(context, accessToken, { packageAnswers = [] } = {}) {
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
async function allowGraphHosts(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome://extensions/?id=${extensionId}`);
  for (const origin of GRAPH_ORIGINS.slice(0, 2)) {
    await page.evaluate(
      ([id, o]) => new Promise((r) => chrome.developerPrivate.addHostPermission(id, o, r)),
      [extensionId, origin],
    );
  }
  await page.close();
}

async function signIn(options, extensionId, { hint = '' } = {}) {
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Application (client) ID of your app registration').fill(CLIENT_ID);
  if (hint) await options.getByLabel(/directory hint/).fill(hint);
  await options.getByRole('button', { name: 'Sign in to Microsoft Graph' }).click();
}

test('the manifest asks for Graph and sign-in hosts only as optional permissions', () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.permissions, ['storage', 'contextMenus', 'activeTab', 'identity']);
  assert.equal(manifest.host_permissions, undefined);
  assert.deepEqual(manifest.optional_host_permissions, GRAPH_ORIGINS);
});

test(
  'admin signs in with PKCE, then the popup checks the package with Graph',
  { timeout: 90_000 },
  async () => {
    const authorize = await fakeAuthorizeServer();
    try {
      await withExtension(
        async ({ context, worker, extensionId, serve }) => {
          await allowGraphHosts(context, extensionId);
          const { log, accessToken } = await routeTokenEndpoint(context, authorize);
          const graphCalls = await routeGraph(context, accessToken);

          const options = await context.newPage();
          await signIn(options, extensionId);
          await eventually(
            async () =>
              /Signed in to Contoso/.test(await options.getByTestId('graph-status').textContent()),
            true,
            { timeout: 15_000 },
          );
          // No directory hint was set: sign-in went to `organizations`, and the hint came from Graph.
          assert.match(
            await options.getByTestId('graph-status').textContent(),
            /filled in from your organisation: contoso\.onmicrosoft\.com/,
          );
          assert.equal(authorize.requests.length, 1);
          const params = authorize.requests[0].params;
          assert.equal(authorize.requests[0].path, '/organizations/oauth2/v2.0/authorize');
          assert.equal(params.redirect_uri, `https://${extensionId}.chromiumapp.org/`);
          assert.equal(
            params.scope,
            'https://graph.microsoft.com/EntitlementManagement.Read.All offline_access',
          );
          assert.equal(params.code_challenge_method, 'S256');
          assert.match(params.state, /^[A-Za-z0-9_-]{43}$/);
          assert.deepEqual(log, { redeemed: 1, pkceChecked: 1 });
          assert.equal(
            await options.getByTestId('redirect-uri').textContent(),
            `https://${extensionId}.chromiumapp.org/`,
          );
          assert.deepEqual(await axeViolations(options), []);

          // Tokens live in session storage only; the settings kept the client id.
          const stored = await worker.evaluate(async () => ({
            local: JSON.stringify(await chrome.storage.local.get(null)),
            session: await chrome.storage.session.get('graphTokens'),
          }));
          assert.equal(stored.local.includes(accessToken), false);
          assert.equal(stored.local.includes('refresh'), false);
          assert.equal(stored.session.graphTokens.accessToken, accessToken);
          assert.match(stored.local, new RegExp(CLIENT_ID));

          const popup = await popupOnPortalPackage({ context, worker, extensionId, serve });
          await popup.getByTestId('graph-checked').waitFor({ timeout: 15_000 });
          await popup.getByText('Can a partner request it?').click();
          assert.match(
            await popup.locator('[data-code="policy-specific-organizations"]').textContent(),
            /Only these connected organisations can request it: Fabrikam\. \(from Microsoft Graph\)/,
          );
          assert.match(
            await popup.locator('[data-code="hidden"]').textContent(),
            /from Microsoft Graph/,
          );
          await popup.getByLabel(/Partner's email or domain/).fill('joe@northwindtraders.com');
          assert.match(
            await popup.locator('[data-code="partner-not-covered"]').textContent(),
            /northwindtraders\.com is not covered/,
          );
          assert.equal(
            await popup.getByTestId('canonical').textContent(),
            `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`,
          );
          // Both pages of connected organisations were read, with the bearer token (else 401).
          assert.ok(
            graphCalls.some((u) => u.includes('$skiptoken=')),
            graphCalls.join('\n'),
          );
          assert.deepEqual(await axeViolations(popup), []);
          await popup.emulateMedia({ colorScheme: 'dark' });
          assert.deepEqual(await axeViolations(popup), []);
        },
        {
          args: [
            `--host-resolver-rules=MAP login.microsoftonline.com 127.0.0.1:${authorize.port}`,
            '--ignore-certificate-errors',
          ],
        },
      );
    } finally {
      await authorize.close();
    }
  },
);

test(
  'sign-in without consent says so; Graph throttling names the wait and a retry reads the package',
  { timeout: 90_000 },
  async () => {
    const authorize = await fakeAuthorizeServer();
    try {
      await withExtension(
        async ({ context, worker, extensionId, serve }) => {
          await allowGraphHosts(context, extensionId);
          const { accessToken } = await routeTokenEndpoint(context, authorize, {
            answers: [{ status: 400, file: 'token-error-consent.json' }],
          });
          await routeGraph(context, accessToken, {
            packageAnswers: [
              { status: 429, file: 'error-429.json', headers: { 'Retry-After': '120' } },
            ],
          });

          const options = await context.newPage();
          await signIn(options, extensionId, { hint: 'contoso.onmicrosoft.com' });
          assert.match(
            await options.getByTestId('graph-problem').textContent({ timeout: 15_000 }),
            /consented to EntitlementManagement\.Read\.All/,
          );
          assert.equal(await options.getByTestId('graph-status').textContent(), 'Not signed in.');
          assert.equal(
            authorize.requests[0].path,
            '/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
          );
          await options.getByRole('button', { name: 'Sign in to Microsoft Graph' }).click();
          await eventually(
            async () =>
              /Signed in to Contoso/.test(await options.getByTestId('graph-status').textContent()),
            true,
            { timeout: 15_000 },
          );

          const popup = await popupOnPortalPackage({ context, worker, extensionId, serve });
          assert.match(
            await popup.getByTestId('graph-problem').textContent({ timeout: 15_000 }),
            /Microsoft Graph is busy: try again in 120 seconds/,
          );
          await popup.getByRole('button', { name: 'Try again' }).click();
          await popup.getByTestId('graph-checked').waitFor();
          // Nothing blocks this package (no error finding): sharing asks no confirmation.
          await popup.getByText('Can a partner request it?').click();
          await popup.getByRole('button', { name: 'Share by email' }).focus();
          await popup.keyboard.press('Enter');
          await popup.getByRole('button', { name: 'Email app' }).waitFor();
          assert.equal(await popup.getByTestId('share-confirm').count(), 0);
        },
        {
          args: [
            `--host-resolver-rules=MAP login.microsoftonline.com 127.0.0.1:${authorize.port}`,
            '--ignore-certificate-errors',
          ],
        },
      );
    } finally {
      await authorize.close();
    }
  },
);
