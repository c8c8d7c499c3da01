// The catalog page in the real browser: an admin signs in (fake identity platform, as in the
// Graph tests), lists 2,000 packages of 100 catalogs from a fake Graph, filters, copies them as a
// table and exports CSV; throttling and a refused catalog show; the popup leads there.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  answerGraph,
  catalogGuid,
  generateTenant,
  packageGuid,
} from '../fixtures/catalog-tenant.mjs';
import { axeViolations, eventually, shareOneBrowser, WITH_CLIPBOARD } from './harness.mjs';
import { json, startSignIn, untilSignedIn, withFakeSignIn } from './graph-fakes.mjs';

shareOneBrowser();

const tenant = generateTenant(); // 100 catalogs, 2,000 packages

/**
 * Graph over the generated tenant, only with the issued token. `plan` may answer a URL first
 * (throttling); `refuse` lists catalogs whose packages this admin may not read.
 */
async function routeTenant(context, accessToken, { refuse = [], plan = () => undefined } = {}) {
  const calls = [];
  await context.route('https://graph.microsoft.com/**', async (route) => {
    const url = route.request().url();
    calls.push(url);
    if (route.request().headers().authorization !== `Bearer ${accessToken}`)
      return json(route, 401, { error: { code: 'InvalidAuthenticationToken' } });
    const planned = plan(url);
    if (planned) return json(route, planned.status, planned.body ?? {}, planned.headers);
    const a = answerGraph(tenant, url, { refuse });
    return json(route, a.status, a.body);
  });
  return calls;
}

/** Signed in, Graph answering from the generated tenant (`graphOptions` as for routeTenant). */
async function signedIn(context, extensionId, authorize, graphOptions) {
  const { options, graphCalls } = await startSignIn(
    { context, extensionId, authorize },
    { graph: routeTenant, graphOptions },
  );
  await untilSignedIn(options);
  return { options, calls: graphCalls };
}

const progress = (page) => page.getByTestId('catalog-progress');
async function loaded(page, timeout = 60_000) {
  await page.locator('[data-testid="catalog-progress"][data-phase="done"]').waitFor({ timeout });
  return progress(page).textContent();
}

test(
  'an admin lists 2,000 packages, filters them, copies a table and exports CSV',
  { timeout: 180_000 },
  withFakeSignIn(async ({ context, extensionId, authorize }) => {
    const { options, calls } = await signedIn(context, extensionId, authorize);

    // The options page leads to the catalog page once signed in.
    const [page] = await Promise.all([
      context.waitForEvent('page'),
      options.getByTestId('open-catalog-page').click(),
    ]);
    assert.equal(new URL(page.url()).pathname, '/catalog.html');
    assert.equal(
      await loaded(page),
      '2,000 packages from 100 of 100 catalogs.',
      await progress(page).textContent(),
    );
    // Every page of every catalog was read: 2 of catalogs, 2 per catalog of packages.
    assert.equal(calls.filter((u) => u.includes('/accessPackages?')).length, 200);
    assert.equal(await page.getByTestId('catalog-row').count(), 100);
    assert.equal(await page.getByTestId('catalog-pager').textContent(), 'Rows 1–100 of 2,000');

    // The directory came from Graph: every link is complete.
    assert.equal(
      await page.getByLabel(/Directory for the links/).inputValue(),
      'contoso.onmicrosoft.com',
    );

    // Filter by text, then by finding.
    await page.getByLabel('Filter by name, catalog, ID or link').fill('legal catalog 004');
    assert.equal(await page.getByTestId('catalog-row').count(), 20);
    await page.getByLabel('Show', { exact: true }).selectOption('hidden');
    const hidden = page.getByTestId('catalog-row');
    assert.equal(await hidden.count(), 4);
    const first = hidden.first();
    assert.match(await first.textContent(), /Yes/);
    const id = await first.getAttribute('data-id');
    assert.equal(
      await first.locator('code').textContent(),
      `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${id}`,
    );
    // Each row links to its package in the admin portal.
    assert.match(
      await first.getByRole('link').getAttribute('href'),
      new RegExp(
        `^https://entra\\.microsoft\\.com/#view/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/~/overview/entitlementId/${id}/catalogId/${catalogGuid(4)}$`,
      ),
    );

    // "Partners cannot request it": catalog 3 is not enabled for external users.
    await page.getByLabel('Filter by name, catalog, ID or link').fill('catalog 003');
    await page.getByLabel('Show', { exact: true }).selectOption('blocked');
    assert.equal(await page.getByTestId('catalog-row').count(), 20);
    assert.match(
      await page.getByTestId('catalog-row').first().textContent(),
      /Catalog not enabled for external users\./,
    );

    // Select two rows; copy them as a table (HTML + plain text).
    await page.getByLabel('Filter by name, catalog, ID or link').fill('catalog 000');
    await page.getByLabel('Show', { exact: true }).selectOption('all');
    await page.getByLabel(/^Select =HYPERLINK/).check();
    await page.getByTestId('catalog-row').nth(1).getByRole('checkbox').check();
    assert.match(await page.getByTestId('catalog-selection').textContent(), /^2 selected/);
    await page.bringToFront();
    await page.getByRole('button', { name: 'Copy as table' }).click();
    // The status follows the clipboard write, which may take a moment on a busy machine.
    const status = () => page.getByTestId('catalog-status').textContent();
    assert.match(
      await eventually(status, (text) => /Copied/.test(text ?? '')),
      /Copied 2 rows as a table/,
    );
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        html: await (await item.getType('text/html')).text(),
        text: await (await item.getType('text/plain')).text(),
      };
    });
    assert.match(clip.html, /<table>/);
    // The hostile name is text in a cell, never markup (the clipboard re-serialises the HTML).
    assert.match(clip.html, /<td>=HYPERLINK\("https:\/\/evil\.example","Click"\)<\/td>/);
    assert.doesNotMatch(clip.html, /href="https:\/\/evil/);
    assert.equal(clip.text.trimEnd().split('\n').length, 3);
    assert.match(
      clip.text,
      new RegExp(`@contoso\\.onmicrosoft\\.com#/access-packages/${packageGuid(0, 1)}`),
    );

    // Export CSV of the same selection: formula-safe.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'access-packages.csv');
    const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
    assert.equal(csv.length, 4);
    assert.match(csv[0], /^"Access package","Catalog","Hidden","Complete link"/);
    assert.ok(
      csv.some((l) => l.startsWith(`"'=HYPERLINK(`)),
      csv.join('\n'),
    );

    // Per-row copy.
    await page
      .getByTestId('catalog-row')
      .filter({ hasText: '=HYPERLINK' })
      .getByRole('button', { name: 'Copy link' })
      .click();
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${packageGuid(0, 1)}`,
    );

    // Keyboard: sorting from the column header, pages with the pager.
    await page.getByLabel('Filter by name, catalog, ID or link').fill('');
    await page.getByRole('button', { name: 'Access package' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(
      await page.locator('th[aria-sort]').first().getAttribute('aria-sort'),
      'ascending',
    );
    await page.getByRole('button', { name: 'Next rows' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.getByTestId('catalog-pager').textContent(), 'Rows 101–200 of 2,000');

    assert.deepEqual(await axeViolations(page), []);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axeViolations(page), []);
  }, WITH_CLIPBOARD),
);

test(
  'throttling shows its wait; a refused catalog is listed and can be read again; Stop stops',
  { timeout: 180_000 },
  withFakeSignIn(async ({ context, extensionId, authorize }) => {
    const refuse = [catalogGuid(9)];
    let throttled = false;
    await signedIn(context, extensionId, authorize, {
      refuse,
      plan: (url) => {
        if (!throttled && url.includes(catalogGuid(5))) {
          throttled = true;
          return {
            status: 429,
            headers: { 'Retry-After': '3' },
            body: { error: { code: 'TooManyRequests' } },
          };
        }
        return undefined;
      },
    });
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/catalog.html`);
    assert.match(
      await page.getByTestId('catalog-wait').textContent({ timeout: 30_000 }),
      /Microsoft Graph asked to slow down: reading resumes in [1-3] s\./,
    );
    assert.equal(await loaded(page), '1,980 packages from 99 of 100 catalogs.');
    assert.equal(await page.getByTestId('catalog-wait').count(), 0);
    const failures = page.getByTestId('catalog-failures');
    assert.match(await failures.textContent(), /Catalogs not read: 1/);
    assert.match(await failures.textContent(), /Partner catalog 009: Microsoft Graph refused/);

    // The admin got the role meanwhile: only that catalog is read again.
    refuse.length = 0;
    await page.getByRole('button', { name: 'Try these catalogs again' }).click();
    assert.equal(await loaded(page), '2,000 packages from 100 of 100 catalogs.');
    assert.equal(await page.getByTestId('catalog-failures').count(), 0);

    // Stop while reading: what was read stays, the rest is said not to be.
    await page.getByRole('button', { name: 'Read again' }).click();
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.locator('[data-testid="catalog-progress"][data-phase="cancelled"]').waitFor();
    assert.match(await progress(page).textContent(), /^Stopped: .* The others were not read\.$/);
  }, WITH_CLIPBOARD),
);

test(
  'one catalog: the page the popup opens on a catalog page lists that catalog only',
  { timeout: 120_000 },
  withFakeSignIn(async ({ context, extensionId, authorize }) => {
    const { calls } = await signedIn(context, extensionId, authorize);
    // The URL the popup's "List this catalog's packages" opens (components/catalog/open-page.ts).
    // The popup reads the tab's URL through activeTab, which only a real toolbar click grants:
    // the popup's part is covered by tests/components/catalog-popup.test.tsx.
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/catalog.html?catalog=${catalogGuid(4)}`);
    assert.equal(await loaded(page), '20 packages from 1 of 1 catalogs.');
    assert.equal(
      await page.getByRole('heading', { level: 1 }).textContent(),
      'Access packages of the catalog “Legal catalog 004”',
    );
    assert.equal(await page.getByTestId('catalog-row').count(), 20);
    assert.equal(calls.filter((u) => u.endsWith('/catalogs')).length, 0);
    await page.getByRole('link', { name: 'Show every catalog' }).click();
    assert.equal(await loaded(page), '2,000 packages from 100 of 100 catalogs.');
  }, WITH_CLIPBOARD),
);
