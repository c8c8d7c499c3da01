import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badgeOf, eventually, fixture, G, withExtension } from './harness.mjs';

const BLADE = `#view/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/~/overview/entitlementId/${G}`;
const tabState = (worker) =>
  worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return (await chrome.storage.session.get(`tab:${tab.id}`))[`tab:${tab.id}`] ?? null;
  });

test(
  'Entra admin center: the overview in an iframe completes the package link; leaving clears the badge',
  { timeout: 60_000 },
  async () => {
    await withExtension(async ({ context, worker, serve }) => {
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
      assert.deepEqual(state.facts, {
        packageName: 'Sales partners',
        hidden: true,
        catalogName: 'General',
        link: `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`,
      });
      assert.equal(state.accessPackageId, G);

      await page.evaluate(
        () => (location.hash = '#view/Microsoft_AAD_ERM/DashboardBlade/~/elmEntitlement'),
      );
      assert.equal(await eventually(() => badgeOf(worker, page), ''), '');
      assert.equal((await tabState(worker)).accessPackageId, null);
    });
  },
);

test(
  'Azure portal: an overview in the top document, and a catalog page that is no package',
  { timeout: 60_000 },
  async () => {
    await withExtension(async ({ context, worker, serve }) => {
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
    });
  },
);

test(
  'a package whose directory is unknown shows PKG; badges are per tab',
  { timeout: 60_000 },
  async () => {
    await withExtension(async ({ context, worker, serve }) => {
      await serve('https://entra.microsoft.com/**', fixture('catalog.html'));
      await serve('https://myaccess.microsoft.com/**', fixture('my-access.html'));
      const portal = await context.newPage();
      await portal.goto(`https://entra.microsoft.com/${BLADE}`);
      const partner = await context.newPage();
      await partner.goto(`https://myaccess.microsoft.com/#/access-packages/${G}`);
      assert.equal(await eventually(() => badgeOf(worker, partner), '!'), '!');
      assert.equal(await eventually(() => badgeOf(worker, portal), 'PKG'), 'PKG');
      assert.equal(await badgeOf(worker, partner), '!');
    });
  },
);
