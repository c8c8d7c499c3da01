// Portal package pages, per-tab badges, the popup on a package tab, and what a content script can
// reach, in Firefox: the Chromium suite's portal and popup-journeys tests on the Firefox build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, G } from '../e2e/shared/fixtures.mjs';
import { BLADE, ENTRA_FACTS, MISSING_HINT } from '../e2e/shared/journeys.mjs';
import { eventually, firefoxSuite, openReasons, popupOnPortalPackage, textOf } from './harness.mjs';

const ff = firefoxSuite();
const tabState = (tabId) =>
  ff.ext(
    async (id) => (await browser.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null,
    tabId,
  );

function serveEntra() {
  // The later route wins where both match, as with Playwright's routing.
  ff.serve('https://entra.microsoft.com/', fixture('entra-shell.html'));
  ff.serve('https://entra.microsoft.com/fixtures/', fixture('entra-overview-frame.html'));
}

test('Entra admin center: the overview in an iframe completes the package link; leaving clears the badge', async () => {
  serveEntra();
  const page = await ff.page();
  await page.goto(`https://entra.microsoft.com/${BLADE}`);
  assert.equal(await eventually(() => ff.badgeOf(page), 'OK'), 'OK');
  const tabId = await ff.tabIdOf(page);
  assert.deepEqual(
    await eventually(
      async () => JSON.stringify((await tabState(tabId))?.facts),
      JSON.stringify(ENTRA_FACTS),
    ),
    JSON.stringify(ENTRA_FACTS),
  );
  assert.equal((await tabState(tabId)).accessPackageId, G);

  await page.evaluate(
    () => (location.hash = '#view/Microsoft_AAD_ERM/DashboardBlade/~/elmEntitlement'),
  );
  assert.equal(await eventually(() => ff.badgeOf(page), ''), '');
  assert.equal((await tabState(tabId)).accessPackageId, null);
});

test('Azure portal: an overview in the top document, and a catalog page that is no package', async () => {
  ff.serve('https://portal.azure.com/', fixture('azure-overview.html'));
  const page = await ff.page();
  await page.goto(`https://portal.azure.com/${BLADE}`);
  assert.equal(await eventually(() => ff.badgeOf(page), 'OK'), 'OK');
  const tabId = await ff.tabIdOf(page);
  assert.equal((await tabState(tabId)).facts.hidden, false);

  ff.serve('https://portal.azure.com/', fixture('catalog.html'));
  await page.goto(
    'https://portal.azure.com/#view/Microsoft_Azure_ELMAdmin/CatalogBlade/catalogId/0b7c7f2e-5a1d-4c3b-9e8f-112233445566',
  );
  assert.equal(await eventually(() => ff.badgeOf(page), ''), '');
});

test('a package whose directory is unknown shows PKG; badges are per tab', async () => {
  ff.serve('https://entra.microsoft.com/', fixture('catalog.html'));
  ff.serve('https://myaccess.microsoft.com/', fixture('my-access.html'));
  const portal = await ff.page();
  await portal.goto(`https://entra.microsoft.com/${BLADE}`);
  const partner = await ff.page();
  await partner.goto(MISSING_HINT);
  assert.equal(await eventually(() => ff.badgeOf(partner), '!'), '!');
  assert.equal(await eventually(() => ff.badgeOf(portal), 'PKG'), 'PKG');
  assert.equal(await ff.badgeOf(partner), '!');
});

test('popup opened on an Entra package tab shows the package, Hidden, and its complete link', async () => {
  const { popup } = await popupOnPortalPackage(ff);
  await popup.waitForSelector('[data-testid="package"]');
  assert.match(await textOf(popup, '[data-testid="package"]'), /Sales partners/);
  assert.match(await textOf(popup, '[data-testid="hidden-note"]'), /only .*complete link/i);
  assert.equal(await textOf(popup, '[data-testid="canonical"]'), ENTRA_FACTS.link);
  await openReasons(popup);
  await popup.waitForSelector('[data-code="hidden"]');
  assert.match(await textOf(popup, '[data-code="hidden"]'), /Hidden: .*\(from this page\)/);
});

test('a content script cannot read session storage, where the Graph tokens and tab states live', async () => {
  ff.serve('https://myaccess.microsoft.com/', fixture('my-access.html'));
  const secret = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake-access-token';
  await ff.ext(
    (accessToken) =>
      browser.storage.session.set({ graphTokens: { accessToken, expiresAt: Date.now() + 3.6e6 } }),
    secret,
  );
  const page = await ff.page();
  await page.goto(MISSING_HINT);
  assert.equal(await eventually(() => ff.badgeOf(page), '!'), '!');
  await ff.tabIdOf(page); // brings it to the front
  const reach = JSON.parse(
    await ff.contentScript(`(async () => {
      const out = { local: typeof browser.storage.local, session: typeof browser.storage.session };
      try {
        out.read = JSON.stringify(await browser.storage.session.get(null));
      } catch (e) {
        out.read = 'refused: ' + e.message;
      }
      return JSON.stringify(out);
    })()`),
  );
  // The content scripts' own world: it has local storage (the notice keeps hints there)...
  assert.equal(reach.local, 'object', JSON.stringify(reach));
  // ...and no session storage at all, so neither tokens nor other tabs' states.
  assert.equal(reach.session, 'undefined', JSON.stringify(reach));
  assert.doesNotMatch(reach.read, new RegExp(`${secret}|tab:`), JSON.stringify(reach));
  assert.match(reach.read, /^refused: /);
});
