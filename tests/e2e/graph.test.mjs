// Microsoft Graph in the real browser: PKCE sign-in through a fake Microsoft identity platform,
// tokens kept in session storage, and the popup reading the package from a fake Graph.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import {
  axeViolations,
  EXTENSION_DIR,
  G,
  shareOneBrowser,
  popupOnPortalPackage,
} from './harness.mjs';
import {
  assertPkceSignIn,
  assertTokensInSessionOnly,
  EM,
  GRAPH_ORIGINS,
  graphFixture,
  json,
  routeGraph,
  startSignIn,
  untilSignedIn,
  withFakeSignIn,
} from './graph-fakes.mjs';

shareOneBrowser();

/** The popup for package G once Graph checked it, with "Can a partner request it?" open. */
async function checkedPopup(ctx) {
  const popup = await popupOnPortalPackage(ctx);
  await popup.getByTestId('graph-checked').waitFor({ timeout: 15_000 });
  await popup.getByText('Can a partner request it?').click();
  return popup;
}

// A Graph test: in Chromium with the fake identity platform to sign in to; 90 s at most.
const graphTest = (name, fn) => test(name, { timeout: 90_000 }, withFakeSignIn(fn));

/** The eligibility finding with this code. */
const finding = (popup, code) => popup.getByTestId('eligibility').locator(`[data-code="${code}"]`);

test('the manifest asks for Graph and sign-in hosts only as optional permissions', () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.permissions, ['storage', 'contextMenus', 'activeTab', 'identity']);
  assert.equal(manifest.host_permissions, undefined);
  assert.deepEqual(manifest.optional_host_permissions, GRAPH_ORIGINS);
  // The toolbar button's tooltip in the user's language (WXT takes it from the popup's <title>).
  assert.equal(manifest.action.default_title, '__MSG_actionTitle__');
});

graphTest('admin signs in with PKCE, then the popup checks the package with Graph', async (ctx) => {
  const { worker, extensionId, authorize } = ctx;
  const { options, log, accessToken, graphCalls } = await startSignIn(ctx);
  await untilSignedIn(options);
  // No directory hint was set: sign-in went to `organizations`, and the hint came from Graph.
  assert.match(
    await options.getByTestId('graph-status').textContent(),
    /filled in from your organisation: contoso\.onmicrosoft\.com/,
  );
  assert.equal(authorize.requests.length, 1);
  const params = authorize.requests[0].params;
  assert.equal(authorize.requests[0].path, '/organizations/oauth2/v2.0/authorize');
  assert.equal(params.redirect_uri, `https://${extensionId}.chromiumapp.org/`);
  assertPkceSignIn(params, log);
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
  assertTokensInSessionOnly(stored, accessToken);
  // "Signed in until" is the end of the sign-in, 24 hours after it started (the access
  // token itself lasts about an hour), written in the page's language.
  const { signedInAt, expiresAt } = stored.session.graphTokens;
  assert.ok(Math.abs(signedInAt - Date.now()) < 5 * 60_000, String(signedInAt));
  const [until, tokenEnd] = await options.evaluate(
    (ms) =>
      ms.map((t) =>
        new Intl.DateTimeFormat(document.documentElement.lang, {
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          hour: '2-digit',
          minute: '2-digit',
        }).format(t),
      ),
    [signedInAt + 24 * 3600_000, expiresAt],
  );
  const status = await options.getByTestId('graph-status').textContent();
  assert.ok(status.includes(`until ${until}`), status);
  assert.ok(!status.includes(tokenEnd), status);

  const popup = await checkedPopup(ctx);
  assert.match(
    await finding(popup, 'policy-specific-organizations').textContent(),
    /Among users not yet in your directory, only users of these connected organisations can request it: Fabrikam\. \(from Microsoft Graph\)/,
  );
  // Each rule links the Microsoft Learn page that states it.
  assert.equal(
    await finding(popup, 'hidden').locator('a').getAttribute('href'),
    'https://learn.microsoft.com/entra/id-governance/entitlement-management-access-package-edit',
  );
  assert.match(await finding(popup, 'hidden').textContent(), /from Microsoft Graph/);
  await popup.getByLabel(/Partner's email or domain/).fill('joe@northwindtraders.com');
  assert.match(
    await finding(popup, 'partner-not-covered').textContent(),
    /No policy for users not in your directory covers northwindtraders\.com/,
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
});

graphTest(
  'sign-in without consent says so; Graph throttling names the wait and a retry reads the package',
  async (ctx) => {
    const { options } = await startSignIn(ctx, {
      answers: [{ status: 400, file: 'token-error-consent.json' }],
      graphOptions: {
        packageAnswers: [
          { status: 429, file: 'error-429.json', headers: { 'Retry-After': '120' } },
        ],
      },
      hint: 'contoso.onmicrosoft.com',
    });
    assert.match(
      await options.getByTestId('graph-problem').textContent({ timeout: 15_000 }),
      /missing consent for one of its permissions \(EntitlementManagement\.Read\.All/,
    );
    assert.equal(await options.getByTestId('graph-status').textContent(), 'Not signed in.');
    assert.equal(ctx.authorize.requests[0].path, '/contoso.onmicrosoft.com/oauth2/v2.0/authorize');
    await options.getByRole('button', { name: 'Sign in to Microsoft Graph' }).click();
    await untilSignedIn(options);

    const popup = await popupOnPortalPackage(ctx);
    assert.match(
      await popup.getByTestId('graph-problem').textContent({ timeout: 15_000 }),
      /Microsoft Graph is overloaded: try again in 120 seconds/,
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
);

graphTest(
  'an app from another tenant is named as such; a role that cannot list connected organisations leaves partners "not checked", not blocked',
  async (ctx) => {
    const { options } = await startSignIn(ctx, {
      answers: [{ status: 400, file: 'token-error-unknown-client.json' }],
      // Catalog reader cannot list connected organisations: Graph answers 403 (this route,
      // added after the fixtures', wins over them).
      graph: async (context, accessToken) => {
        await routeGraph(context, accessToken);
        await context.route(`${EM}/connectedOrganizations**`, (route) =>
          json(route, 403, graphFixture('error-403.json')),
        );
      },
      hint: 'contoso.onmicrosoft.com',
    });
    const problem = options.getByTestId('graph-problem');
    assert.equal(await problem.getAttribute('data-code', { timeout: 15_000 }), 'unknown-client');
    assert.match(
      await problem.textContent(),
      /no app with this client ID \(AADSTS700016\)\. Register the app in the tenant that owns the access packages/,
    );
    await options.getByRole('button', { name: 'Sign in to Microsoft Graph' }).click();
    await untilSignedIn(options);

    const popup = await checkedPopup(ctx);
    assert.match(
      await finding(popup, 'organizations-unchecked').textContent(),
      /Identity Governance Administrator/,
    );
    await popup.getByLabel(/Partner's email or domain/).fill('joe@northwindtraders.com');
    assert.match(
      await finding(popup, 'partner-unchecked').textContent(),
      /Not checked: does a policy cover northwindtraders\.com\?/,
    );
    assert.equal(await finding(popup, 'partner-not-covered').count(), 0);
    assert.equal(await popup.locator('[data-severity="error"]').count(), 0);
    // Unknown is not a reason to hold sharing back.
    await popup.getByRole('button', { name: 'Share by email' }).click();
    await popup.getByRole('button', { name: 'Copy email' }).click();
    await popup.getByText(/Email copied/).waitFor({ timeout: 5_000 });
    assert.equal(await popup.getByTestId('share-confirm').count(), 0);
  },
);
