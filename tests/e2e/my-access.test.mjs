import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badgeOf, eventually, fixture, G, withExtension } from './harness.mjs';

const PAGE = fixture('my-access.html');
const COMPLETE = `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`;
const status = (page) => page.evaluate(() => document.documentElement.dataset.aldStatus ?? 'none');

test('the My Access content script judges the page and follows hash-only navigation', { timeout: 60_000 }, async () => {
  await withExtension(async ({ context, worker, serve }) => {
    await serve('https://myaccess.microsoft.com/**', PAGE);
    const page = await context.newPage();
    await page.goto(COMPLETE);
    assert.equal(await eventually(() => status(page), 'complete'), 'complete');
    assert.equal(await eventually(() => badgeOf(worker, page), 'OK'), 'OK');
    assert.equal(await page.locator('[data-testid="ald-notice"]').count(), 0);

    // A link that lost its directory hint: the partner would land in their own directory.
    await page.goto(`https://myaccess.microsoft.com/#/access-packages/${G}`);
    assert.equal(await eventually(() => status(page), 'incomplete'), 'incomplete');
    assert.equal(await eventually(() => badgeOf(worker, page), '!'), '!');
    await page.locator('[data-testid="ald-notice"]').waitFor();

    // Hash-only navigation elsewhere in My Access removes the notice and the warning...
    await page.evaluate(() => (location.hash = '#/request-history'));
    assert.equal(await eventually(() => status(page), 'other'), 'other');
    assert.equal(await eventually(() => page.locator('[data-testid="ald-notice"]').count(), 0), 0);
    assert.equal(await eventually(() => badgeOf(worker, page), ''), '');

    // ...and hash-only navigation to another incomplete package link brings them back.
    await page.evaluate(() => (location.hash = '#/access-packages/0b7c7f2e-5a1d-4c3b-9e8f-112233445566'));
    assert.equal(await eventually(() => status(page), 'incomplete'), 'incomplete');
    await page.locator('[data-testid="ald-notice"]').waitFor();
    assert.equal(await eventually(() => badgeOf(worker, page), '!'), '!');
  });
});

test('the notice repairs a link without a directory hint, and a dismissal sticks', { timeout: 60_000 }, async () => {
  await withExtension(async ({ context, serve }) => {
    await serve('https://myaccess.microsoft.com/**', PAGE);
    const page = await context.newPage();
    await page.goto(`https://myaccess.microsoft.com/#/access-packages/${G}`);
    const notice = page.locator('[data-testid="ald-notice"]');
    await notice.waitFor();
    // The text lives in the open shadow root; Playwright's CSS locators pierce it, textContent does not.
    const card = notice.getByRole('dialog', { name: 'This My Access link is incomplete' });
    assert.match(await card.textContent(), /does not say which organisation/);
    const repair = page.locator('[data-testid="ald-repair"]');
    assert.equal(await repair.isDisabled(), true);
    await page.getByLabel("Organisation's domain or tenant ID").fill('not a domain');
    assert.match(await card.getByRole('alert').textContent(), /not a domain \(contoso\.com\)/);
    assert.equal(await repair.isDisabled(), true);
    await page.getByLabel("Organisation's domain or tenant ID").fill('Contoso.OnMicrosoft.com');
    await repair.click();
    await page.waitForURL(`https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`);
    assert.equal(await eventually(() => status(page), 'complete'), 'complete');

    // The hint the user confirmed is offered next time.
    await page.goto(`https://myaccess.microsoft.com/#/access-packages/0b7c7f2e-5a1d-4c3b-9e8f-112233445566`);
    await notice.waitFor();
    assert.equal(await page.getByLabel("Organisation's domain or tenant ID").inputValue(), 'contoso.onmicrosoft.com');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await notice.count(), 0);
    await page.reload();
    assert.equal(await eventually(() => status(page), 'incomplete'), 'incomplete');
    await page.waitForTimeout(300);
    assert.equal(await notice.count(), 0, 'a dismissed notice stays dismissed for that link');
  });
});

test('a %23/ that should have been #/ is repaired in place', { timeout: 60_000 }, async () => {
  await withExtension(async ({ context, serve }) => {
    await serve('https://myaccess.microsoft.com/**', PAGE);
    const page = await context.newPage();
    await page.goto(`https://myaccess.microsoft.com/@contoso.com%23/access-packages/${G}`);
    await page.waitForURL(`https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`);
    assert.equal(await eventually(() => status(page), 'complete'), 'complete');
  });
});
