// Main-thread time the content scripts spend per page and per navigation, in real Chromium:
// they record `ald:*` Performance API measures, read back here from the page.
import { fixture, G, withExtension } from '../../tests/e2e/harness.mjs';

const NAVIGATIONS = 40;

async function measures(page, name) {
  return page.evaluate(
    (n) => performance.getEntriesByName(`ald:${n}`).map((e) => e.duration),
    name,
  );
}

async function navigate(page, hashes) {
  for (let i = 0; i < NAVIGATIONS; i++) {
    await page.evaluate((h) => (location.hash = h), hashes[i % hashes.length]);
    await page.waitForFunction(
      (n) => performance.getEntriesByName(`ald:${n[0]}`).length >= n[1],
      [page.__ald, i + 2],
    );
  }
}

/** The first run on a freshly loaded page, over several loads (one load is too noisy to tell). */
async function firstRuns(page, name, url, loads = 15) {
  const runs = [];
  for (let i = 0; i < loads; i++) {
    await page.goto(url);
    await page.waitForFunction((n) => performance.getEntriesByName(`ald:${n}`).length > 0, name);
    runs.push((await measures(page, name))[0]);
  }
  return runs;
}

export async function benchContentScripts() {
  return withExtension(async ({ context, serve }) => {
    await serve('https://myaccess.microsoft.com/**', fixture('my-access.html'));
    await serve('https://portal.azure.com/**', fixture('catalog.html'));
    const out = {};

    // My Access: a page that needs nothing (a member's request history), then navigations.
    const my = await context.newPage();
    my.__ald = 'myaccess';
    out.myAccessIdle = await firstRuns(
      my,
      'myaccess',
      'https://myaccess.microsoft.com/#/request-history',
    );
    await navigate(my, [
      '#/access-reviews',
      `#/access-packages/${G}`,
      '#/request-approval',
      '#/overview',
    ]);
    out.myAccessNav = (await measures(my, 'myaccess')).slice(1);

    // Portal: a page that is not an access package, then navigations between blades.
    const portal = await context.newPage();
    portal.__ald = 'portal';
    out.portalIdle = await firstRuns(portal, 'portal', 'https://portal.azure.com/#home');
    await navigate(portal, [
      '#view/Microsoft_AAD_IAM/UsersManagementMenuBlade/~/MsGraphUsers',
      `#view/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/~/overview/entitlementId/${G}`,
      '#view/Microsoft_AAD_ERM/DashboardBlade/~/elmEntitlement',
    ]);
    out.portalNav = (await measures(portal, 'portal')).slice(1);
    return out;
  });
}
