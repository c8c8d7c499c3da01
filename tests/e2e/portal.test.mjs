import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badgeOf, eventually, fixture, G, oneBrowserPerFile, withExtension } from './harness.mjs';

oneBrowserPerFile();

// Another package of the same tenant, listed before G in the package grid fixtures.
const G2 = '0f0e0d0c-0b0a-4909-8807-060504030201';
const SALES = {
  packageName: 'Sales partners',
  hidden: true,
  catalogName: 'General',
  link: `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`,
};

const BLADE = `#view/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/~/overview/entitlementId/${G}`;
const tabState = (worker) =>
  worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return (await chrome.storage.session.get(`tab:${tab.id}`))[`tab:${tab.id}`] ?? null;
  });

// A portal test: a fresh browser with the extension, 60 s at most.
const portalTest = (name, fn) => test(name, { timeout: 60_000 }, () => withExtension(fn));

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

portalTest(
  'Entra admin center: the overview in an iframe completes the package link; leaving clears the badge',
  async ({ context, worker, serve }) => {
    await serve('https://entra.microsoft.com/**', fixture('entra-shell.html'));
    await serve(
      'https://entra.microsoft.com/fixtures/entra-overview-frame.html',
      fixture('entra-overview-frame.html'),
    );
    const page = await context.newPage();
    await page.goto(`https://entra.microsoft.com/${BLADE}`);
    // The URL names the package at once; the frame renders the link a moment later.
    assert.equal(await eventually(() => badgeOf(worker, page), 'OK'), 'OK');
    const state = await tabState(worker);
    assert.deepEqual(state.facts, SALES);
    assert.equal(state.accessPackageId, G);

    await page.evaluate(
      () => (location.hash = '#view/Microsoft_AAD_ERM/DashboardBlade/~/elmEntitlement'),
    );
    assert.equal(await eventually(() => badgeOf(worker, page), ''), '');
    assert.equal((await tabState(worker)).accessPackageId, null);
  },
);

portalTest(
  'Azure portal: an overview in the top document, and a catalog page that is no package',
  async ({ context, worker, serve }) => {
    await serve('https://portal.azure.com/**', fixture('azure-overview.html'));
    const page = await context.newPage();
    await page.goto(`https://portal.azure.com/${BLADE}`);
    assert.equal(await eventually(() => badgeOf(worker, page), 'OK'), 'OK');
    assert.equal((await tabState(worker)).facts.hidden, false);

    await serve('https://portal.azure.com/**', fixture('catalog.html'));
    await page.goto(
      'https://portal.azure.com/#view/Microsoft_Azure_ELMAdmin/CatalogBlade/catalogId/0b7c7f2e-5a1d-4c3b-9e8f-112233445566',
    );
    assert.equal(await eventually(() => badgeOf(worker, page), ''), '');
  },
);

portalTest(
  'a package whose directory is unknown shows PKG; badges are per tab',
  async ({ context, worker, serve }) => {
    await serve('https://entra.microsoft.com/**', fixture('catalog.html'));
    await serve('https://myaccess.microsoft.com/**', fixture('my-access.html'));
    const portal = await context.newPage();
    await portal.goto(`https://entra.microsoft.com/${BLADE}`);
    const partner = await context.newPage();
    await partner.goto(`https://myaccess.microsoft.com/#/access-packages/${G}`);
    assert.equal(await eventually(() => badgeOf(worker, partner), '!'), '!');
    assert.equal(await eventually(() => badgeOf(worker, portal), 'PKG'), 'PKG');
    assert.equal(await badgeOf(worker, partner), '!');
  },
);

portalTest(
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
    assert.equal(await eventually(() => badgeOf(worker, page), 'OK'), 'OK');
    // What the frame shows, not the grid in the top document (Contractors, Facilities, No).
    assert.deepEqual((await tabState(worker)).facts, SALES);

    // The top frame moves to another package: the frame is told, and its blade (still G's) is
    // no longer read as that package's.
    await showPackage(page, G2);
    assert.equal(await eventually(() => badgeOf(worker, page), 'PKG'), 'PKG');
    const moved = await tabState(worker);
    assert.equal(moved.accessPackageId, G2);
    assert.equal(moved.facts, null);

    // And back: the frame reads G's blade again.
    await showPackage(page, G);
    assert.equal(await eventually(() => badgeOf(worker, page), 'OK'), 'OK');
    assert.deepEqual((await tabState(worker)).facts, SALES);
  },
);

portalTest(
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

portalTest(
  'Azure portal: blades in the top document; only the overview blade is read, not the package grid before it',
  async ({ context, worker, serve }) => {
    await serve('https://portal.azure.com/**', fixture('azure-blades-shell.html'));
    const page = await context.newPage();
    await page.goto(`https://portal.azure.com/${BLADE}`);
    assert.equal(await eventually(() => badgeOf(worker, page), 'OK'), 'OK');
    assert.deepEqual((await tabState(worker)).facts, SALES);
  },
);

portalTest(
  'a directory only the portal URL names (#@tenant/) is a suggestion: the badge stays PKG',
  async ({ context, worker, serve }) => {
    await serve('https://entra.microsoft.com/**', fixture('catalog.html'));
    const page = await context.newPage();
    await page.goto(`https://entra.microsoft.com/#@fabrikam.onmicrosoft.com/${BLADE.slice(1)}`);
    assert.equal(await eventually(() => badgeOf(worker, page), 'PKG'), 'PKG');
    assert.equal((await tabState(worker)).tenant, 'fabrikam.onmicrosoft.com');
  },
);
