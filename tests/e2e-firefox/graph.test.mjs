// Microsoft Graph in Firefox: PKCE sign-in through the fake identity platform, tokens in session
// storage only, and the popup reading the package from the fake Graph. The fakes are the Chromium
// suite's (graph-fakes), served through a local proxy: see fake-microsoft-proxy.mjs.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { G } from '../e2e/shared/fixtures.mjs';
import {
  assertPkceSignIn,
  assertTokensInSessionOnly,
  CLIENT_ID,
  fakeAuthorizeServer,
  GRAPH_ORIGINS,
  routeGraph,
  routeTokenEndpoint,
} from '../e2e/graph-fakes.mjs';
import { fakeMicrosoftProxy } from './fake-microsoft-proxy.mjs';
import {
  axeViolations,
  button,
  byLabel,
  eventually,
  EXTENSION_DIR,
  fill,
  firefoxSuite,
  openReasons,
  popupOnPortalPackage,
  textOf,
  waitFor,
} from './harness.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const authorize = await fakeAuthorizeServer();
const proxy = await fakeMicrosoftProxy({ authorize });
after(async () => {
  await proxy.close();
  await authorize.close();
});
const ff = firefoxSuite({
  proxyPort: proxy.port,
  // Headless Firefox cannot show the permission prompt: optional permissions are granted as the
  // user's "Allow" would. The add-on still asks for them.
  prefs: { 'extensions.webextOptionalPermissionPrompts': false },
});

const status = (page) => textOf(page, '[data-testid="graph-status"]');

async function signIn(options, { hint = '' } = {}) {
  await fill(
    options,
    await waitFor(() => byLabel(options, 'Application (client) ID of your app registration')),
    CLIENT_ID,
  );
  if (hint) await fill(options, await byLabel(options, /directory hint/), hint);
  await (await button(options, 'Sign in to Microsoft Graph')).click();
}

test('the manifest asks for Graph and sign-in hosts only as optional permissions', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.permissions, ['storage', 'contextMenus', 'activeTab', 'identity']);
  assert.equal(manifest.host_permissions, undefined);
  assert.deepEqual(
    manifest.optional_host_permissions ?? manifest.optional_permissions,
    GRAPH_ORIGINS,
  );
});

test('admin signs in with PKCE, then the popup checks the package with Graph', async () => {
  authorize.requests.length = 0;
  proxy.unrouteAll();
  const { log, accessToken } = await routeTokenEndpoint(proxy, authorize);
  const graphCalls = await routeGraph(proxy, accessToken);

  const options = await ff.extensionPage('options.html');
  await signIn(options);
  assert.equal(
    await eventually(async () => /Signed in to Contoso/.test(await status(options)), true, {
      timeout: 15_000,
    }),
    true,
    `${await status(options)} ${await textOf(options, '[data-testid="graph-problem"]')}`,
  );
  assert.match(
    await status(options),
    /filled in from your organisation: contoso\.onmicrosoft\.com/,
  );
  assert.equal(authorize.requests.length, 1);
  const { path, params } = authorize.requests[0];
  assert.equal(path, '/organizations/oauth2/v2.0/authorize');
  // Firefox's redirect URL for the add-on, shown on the options page for the app registration.
  assert.match(params.redirect_uri, /^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
  assert.equal(await textOf(options, '[data-testid="redirect-uri"]'), params.redirect_uri);
  assertPkceSignIn(params, log);
  assert.deepEqual(await axeViolations(options), []);

  // Tokens live in session storage only; the settings kept the client id.
  const stored = await ff.ext(async () => ({
    local: JSON.stringify(await browser.storage.local.get(null)),
    session: await browser.storage.session.get('graphTokens'),
  }));
  assertTokensInSessionOnly(stored, accessToken);

  const { popup } = await popupOnPortalPackage(ff);
  await popup.waitForSelector('[data-testid="graph-checked"]', { timeout: 15_000 });
  await openReasons(popup);
  await popup.waitForSelector('[data-code="policy-specific-organizations"]');
  assert.match(
    await textOf(popup, '[data-code="policy-specific-organizations"]'),
    /Among users not yet in your directory, only users of these connected organisations can request it: Fabrikam\. \(from Microsoft Graph\)/,
  );
  assert.match(await textOf(popup, '[data-code="hidden"]'), /from Microsoft Graph/);
  await fill(popup, await byLabel(popup, /Partner's email or domain/), 'joe@northwindtraders.com');
  await popup.waitForSelector('[data-code="partner-not-covered"]');
  assert.match(
    await textOf(popup, '[data-code="partner-not-covered"]'),
    /No policy for users not in your directory covers northwindtraders\.com/,
  );
  assert.equal(
    await textOf(popup, '[data-testid="canonical"]'),
    `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`,
  );
  // Both pages of connected organisations were read, with the bearer token (else 401).
  assert.ok(
    graphCalls.some((u) => u.includes('$skiptoken=')),
    graphCalls.join('\n'),
  );
  assert.deepEqual(await axeViolations(popup), []);
  try {
    await ff.colorScheme('dark');
    assert.deepEqual(await axeViolations(popup), [], 'popup, dark');
  } finally {
    await ff.colorScheme('light');
  }
});

test('sign-in without consent says so; Graph throttling names the wait and a retry reads the package', async () => {
  authorize.requests.length = 0;
  proxy.unrouteAll();
  const { accessToken } = await routeTokenEndpoint(proxy, authorize, {
    answers: [{ status: 400, file: 'token-error-consent.json' }],
  });
  await routeGraph(proxy, accessToken, {
    packageAnswers: [{ status: 429, file: 'error-429.json', headers: { 'Retry-After': '120' } }],
  });

  const options = await ff.extensionPage('options.html');
  await signIn(options, { hint: 'contoso.onmicrosoft.com' });
  await options.waitForSelector('[data-testid="graph-problem"]', { timeout: 15_000 });
  assert.match(
    await textOf(options, '[data-testid="graph-problem"]'),
    /missing consent for one of its permissions \(EntitlementManagement\.Read\.All/,
  );
  assert.equal(await status(options), 'Not signed in.');
  assert.equal(authorize.requests[0].path, '/contoso.onmicrosoft.com/oauth2/v2.0/authorize');
  await (await button(options, 'Sign in to Microsoft Graph')).click();
  assert.equal(
    await eventually(async () => /Signed in to Contoso/.test(await status(options)), true, {
      timeout: 15_000,
    }),
    true,
  );

  const { popup } = await popupOnPortalPackage(ff);
  await popup.waitForSelector('[data-testid="graph-problem"]', { timeout: 15_000 });
  assert.match(
    await textOf(popup, '[data-testid="graph-problem"]'),
    /Microsoft Graph is overloaded: try again in 120 seconds/,
  );
  await (await button(popup, 'Try again')).click();
  await popup.waitForSelector('[data-testid="graph-checked"]');
  await openReasons(popup);
  const share = await waitFor(() => button(popup, 'Share by email'));
  await share.focus();
  await popup.keyboard.press('Enter');
  await waitFor(() => button(popup, 'Email app'));
  assert.equal(await popup.$('[data-testid="share-confirm"]'), null);
});
