import assert from 'node:assert/strict';
import {
  assertBadge,
  badgeOf,
  extensionTest,
  fixture,
  G,
  shareOneBrowser,
  serveEntraOverview,
} from './harness.mjs';
import { BLADE, ENTRA_FACTS as SALES, OTHER_ID } from './shared/journeys.mjs';

shareOneBrowser();

// Another package of the same tenant, listed before G in the package grid fixtures.
const G2 = '0f0e0d0c-0b0a-4909-8807-060504030201';
const tabState = (worker) =>
  worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return (await chrome.storage.session.get(`tab:${tab.id}`))[`tab:${tab.id}`] ?? null;
  });

/** Opens `url` in a new tab and asserts that its badge comes to say `badge`. */
async function openWithBadge({ context, worker }, url, badge) {
  const page = await context.newPage();
  await page.goto(url);
  await assertBadge(worker, page, badge);
  return page;
}

/** Serves the Entra shell whose overview is a React view in a sandbox-1.reactblade frame. */
async function serveReactBlade(serve) {
  await serve('https://entra.microsoft.com/**', fixture('entra-reactblade-shell.html'));
  await serve(
    'https://sandbox-1.reactblade.portal.azure.net/**',
    fixture('reactblade-overview.html'),
  );
}

/** Moves the top frame's URL to the overview of another package. */
const showPackage = (page, id) =>
  page.evaluate(
    (id) => (location.hash = location.hash.replace(/entitlementId\/[^/]+/, `entitlementId/${id}`)),
    id,
  );

extensionTest(
  'Entra admin center: the overview in an iframe completes the package link; leaving clears the badge',
  async (browser) => {
    const { worker } = browser;
    await serveEntraOverview(browser.serve);
    // The URL names the package at once; the frame renders the link a moment later.
    const page = await openWithBadge(browser, `https://entra.microsoft.com/${BLADE}`, 'OK');
    const state = await tabState(worker);
    assert.deepEqual(state.facts, SALES);
    assert.equal(state.accessPackageId, G);

    await page.evaluate(
      () => (location.hash = '#view/Microsoft_AAD_ERM/DashboardBlade/~/elmEntitlement'),
    );
    await assertBadge(worker, page, '');
    assert.equal((await tabState(worker)).accessPackageId, null);
  },
);

extensionTest(
  'Azure portal: an overview in the top document, and a catalog page that is no package',
  async (browser) => {
    const { worker, serve } = browser;
    await serve('https://portal.azure.com/**', fixture('azure-overview.html'));
    const page = await openWithBadge(browser, `https://portal.azure.com/${BLADE}`, 'OK');
    assert.equal((await tabState(worker)).facts.hidden, false);

    await serve('https://portal.azure.com/**', fixture('catalog.html'));
    await page.goto(
      `https://portal.azure.com/#view/Microsoft_Azure_ELMAdmin/CatalogBlade/catalogId/${OTHER_ID}`,
    );
    await assertBadge(worker, page, '');
  },
);

extensionTest(
  'a package whose directory is unknown shows PKG; badges are per tab',
  async ({ context, worker, serve }) => {
    await serve('https://entra.microsoft.com/**', fixture('catalog.html'));
    await serve('https://myaccess.microsoft.com/**', fixture('my-access.html'));
    const portal = await context.newPage();
    await portal.goto(`https://entra.microsoft.com/${BLADE}`);
    const partner = await context.newPage();
    await partner.goto(`https://myaccess.microsoft.com/#/access-packages/${G}`);
    await assertBadge(worker, partner, '!');
    await assertBadge(worker, portal, 'PKG');
    assert.equal(await badgeOf(worker, partner), '!');
  },
);

extensionTest(
  'Entra admin center: the overview as a React view in a cross-origin sandbox-1.reactblade.portal.azure.net frame, beside the package grid',
  async ({ context, worker, serve }) => {
    await serveReactBlade(serve);
    const page = await context.newPage();
    await page.goto(`https://entra.microsoft.com/${BLADE}`);
    assert.ok(
      page
        .frames()
        .some((f) => f.url().startsWith('https://sandbox-1.reactblade.portal.azure.net/')),
      'the overview frame is on the React view host',
    );
    await assertBadge(worker, page, 'OK');
    // What the frame shows, not the grid in the top document (Contractors, Facilities, No).
    assert.deepEqual((await tabState(worker)).facts, SALES);

    // The top frame moves to another package: the frame is told, and its blade (still G's) is
    // no longer read as that package's.
    await showPackage(page, G2);
    await assertBadge(worker, page, 'PKG');
    const moved = await tabState(worker);
    assert.equal(moved.accessPackageId, G2);
    assert.equal(moved.facts, null);

    // And back: the frame reads G's blade again.
    await showPackage(page, G);
    await assertBadge(worker, page, 'OK');
    assert.deepEqual((await tabState(worker)).facts, SALES);
  },
);

extensionTest(
  'a React view frame in a portal tab that shows no package reports nothing',
  async ({ context, worker, serve }) => {
    await serveReactBlade(serve);
    const page = await context.newPage();
    await page.goto(
      'https://entra.microsoft.com/#view/Microsoft_AAD_ERM/DashboardBlade/~/elmEntitlement',
    );
    const frame = page.frames().find((f) => f.url().includes('reactblade'));
    await frame.waitForSelector('#portal-link', { state: 'attached' });
    // Give a frame that wrongly reported time to do it.
    await page.waitForTimeout(1_000);
    assert.equal(await badgeOf(worker, page), '');
    assert.equal(await tabState(worker), null);
  },
);

extensionTest(
  'Azure portal: blades in the top document; only the overview blade is read, not the package grid before it',
  async (browser) => {
    await browser.serve('https://portal.azure.com/**', fixture('azure-blades-shell.html'));
    await openWithBadge(browser, `https://portal.azure.com/${BLADE}`, 'OK');
    assert.deepEqual((await tabState(browser.worker)).facts, SALES);
  },
);

extensionTest(
  'a directory only the portal URL names (#@tenant/) is a suggestion: the badge stays PKG',
  async (browser) => {
    await browser.serve('https://entra.microsoft.com/**', fixture('catalog.html'));
    const url = `https://entra.microsoft.com/#@fabrikam.onmicrosoft.com/${BLADE.slice(1)}`;
    await openWithBadge(browser, url, 'PKG');
    assert.equal((await tabState(browser.worker)).tenant, 'fabrikam.onmicrosoft.com');
  },
);
