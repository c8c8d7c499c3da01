// The My Access notice in Firefox: the same journeys as the Chromium suite's my-access test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, G } from '../e2e/shared/fixtures.mjs';
import {
  COMPLETE,
  HINT_LABEL,
  ID_LABEL,
  MISSING_HINT,
  NOT_A_DIRECTORY,
  NOTICE,
  NOTICE_NEVER,
  OTHER_ID,
  REPAIR,
} from '../e2e/shared/journeys.mjs';
import { button, byLabel, eventually, fill, firefoxSuite, waitFor } from './harness.mjs';

const ff = firefoxSuite();
const PAGE = fixture('my-access.html');
const MY_ACCESS = 'https://myaccess.microsoft.com/';
const noticeShown = (page) => page.evaluate((s) => document.querySelector(s) !== null, NOTICE);
/** The notice's text, read through its open shadow root. */
const noticeText = (page) =>
  page.evaluate((s) => document.querySelector(s)?.shadowRoot?.textContent ?? '', NOTICE);
const stored = () => ff.ext(() => browser.storage.local.get(['recentHints', 'dismissedNotices']));

test('the notice comes for a link without a hint, and follows hash-only navigation', async () => {
  ff.serve(MY_ACCESS, PAGE);
  const page = await ff.page();
  await page.goto(COMPLETE);
  assert.equal(await eventually(() => ff.badgeOf(page), 'OK'), 'OK');
  assert.equal(await noticeShown(page), false);

  // Opened fresh on a link that lost its directory hint.
  await page.goto(MISSING_HINT);
  assert.equal(await eventually(() => ff.badgeOf(page), '!'), '!');
  assert.equal(await eventually(() => noticeShown(page), true), true);

  await page.evaluate(() => (location.hash = '#/request-history'));
  assert.equal(await eventually(() => ff.badgeOf(page), ''), '');
  assert.equal(await eventually(() => noticeShown(page), false), false);

  await page.evaluate((id) => (location.hash = `#/access-packages/${id}`), OTHER_ID);
  assert.equal(await eventually(() => ff.badgeOf(page), '!'), '!');
  assert.equal(await eventually(() => noticeShown(page), true), true);
});

test('the notice repairs a link without a directory hint, and a dismissal sticks', async () => {
  ff.serve(MY_ACCESS, PAGE);
  const page = await ff.page();
  await page.goto(MISSING_HINT);
  const input = await waitFor(() => byLabel(page, HINT_LABEL));
  assert.match(await noticeText(page), /This My Access link is incomplete/);
  assert.match(await noticeText(page), /does not say which organisation/);
  const repair = await page.waitForSelector(`${NOTICE} >>> ${REPAIR}`);
  assert.equal(await repair.evaluate((b) => b.disabled), true);
  await fill(page, input, 'not a domain');
  assert.match(await noticeText(page), new RegExp(NOT_A_DIRECTORY.replace(/[.]/g, '\\.')));
  assert.equal(await repair.evaluate((b) => b.disabled), true);
  await fill(page, input, 'Contoso.OnMicrosoft.com');
  await repair.click();
  assert.equal(await eventually(() => page.url(), COMPLETE), COMPLETE);
  assert.equal(await eventually(() => ff.badgeOf(page), 'OK'), 'OK');
  assert.equal(await noticeShown(page), false);

  // The hint the user confirmed is offered next time; "Don't show again", and it stays away.
  const other = `https://myaccess.microsoft.com/#/access-packages/${OTHER_ID}`;
  await page.goto(other);
  const next = await waitFor(() => byLabel(page, HINT_LABEL));
  assert.equal(await next.evaluate((i) => i.value), 'contoso.onmicrosoft.com');
  await (await button(page, NOTICE_NEVER)).click();
  await (await waitFor(() => button(page, 'Close'))).click();
  assert.equal(await eventually(() => noticeShown(page), false), false);
  await page.reload();
  assert.equal(await eventually(() => ff.badgeOf(page), '!'), '!');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await noticeShown(page), false, 'a dismissed notice stays dismissed for that link');
  assert.deepEqual(await stored(), {
    recentHints: ['contoso.onmicrosoft.com'],
    dismissedNotices: [other],
  });
});

test('a link whose package ID was cut off, opened fresh, gets the notice for the ID', async () => {
  ff.serve(MY_ACCESS, PAGE);
  const page = await ff.page();
  await page.goto(
    `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G.slice(0, 18)}`,
  );
  assert.equal(await eventually(() => ff.badgeOf(page), '!'), '!');
  const id = await waitFor(() => byLabel(page, ID_LABEL));
  assert.match(await noticeText(page), /access package ID is incomplete \(cut off\)/);
  assert.equal(await byLabel(page, HINT_LABEL).then((h) => h.evaluate((e) => e === null)), true);
  await fill(page, id, G);
  await (await page.waitForSelector(`${NOTICE} >>> ${REPAIR}`)).click();
  assert.equal(await eventually(() => page.url(), COMPLETE), COMPLETE);
  assert.equal(await eventually(() => ff.badgeOf(page), 'OK'), 'OK');
});

test('a %23/ that should have been #/ is repaired in place', async () => {
  ff.serve(MY_ACCESS, PAGE);
  const page = await ff.page();
  await page.goto(`https://myaccess.microsoft.com/@contoso.com%23/access-packages/${G}`);
  const fixed = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`;
  assert.equal(await eventually(() => page.url(), fixed), fixed);
  assert.equal(await eventually(() => ff.badgeOf(page), 'OK'), 'OK');
  assert.equal(await noticeShown(page), false);
});

test('page script cannot work the notice: synthetic clicks and keys do nothing', async () => {
  ff.serve(MY_ACCESS, PAGE);
  await ff.ext(() => browser.storage.local.set({ recentHints: ['fabrikam.com'] }));
  const page = await ff.page();
  await page.goto(MISSING_HINT);
  await waitFor(() => byLabel(page, HINT_LABEL));
  await page.evaluate(() => (window.sameDocument = true));
  await page.evaluate(() => {
    const root = document.querySelector('[data-testid="ald-notice"]').shadowRoot;
    for (const b of root.querySelectorAll('button:not([data-testid])')) b.click();
    const input = root.querySelector('input');
    input.value = 'attacker.onmicrosoft.com';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    root.querySelector('[data-testid="ald-repair"]').click();
    for (const key of ['Enter', 'Escape'])
      input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(page.url(), MISSING_HINT);
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page did not navigate');
  assert.equal(await noticeShown(page), true);
  assert.deepEqual(await stored(), { recentHints: ['fabrikam.com'] });

  // The user's own keys still work: Escape in the notice closes it for now, keeping nothing.
  const input = await byLabel(page, HINT_LABEL);
  await input.focus();
  await page.keyboard.press('Escape');
  assert.equal(await eventually(() => noticeShown(page), false), false);
  assert.deepEqual(await stored(), { recentHints: ['fabrikam.com'] });
});
