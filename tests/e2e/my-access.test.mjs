import assert from 'node:assert/strict';
import { assertBadge, eventually, extensionTest, fixture, G, shareOneBrowser } from './harness.mjs';
import {
  COMPLETE,
  HINT_LABEL,
  MISSING_HINT,
  NOT_A_DIRECTORY,
  NOTICE,
  NOTICE_NEVER as NEVER,
  OTHER_ID,
  REPAIR,
} from './shared/journeys.mjs';

shareOneBrowser();

const PAGE = fixture('my-access.html');
const OTHER = `https://myaccess.microsoft.com/#/access-packages/${OTHER_ID}`;
// The page's state as the user sees it: the toolbar badge ('OK' complete, '!' incomplete, ''
// nothing to say) and whether the notice is shown: the content script puts no status on the page.
const noticeShown = async (page) => (await page.locator(NOTICE).count()) > 0;
const stored = (worker) =>
  worker.evaluate(() => chrome.storage.local.get(['recentHints', 'dismissedNotices']));

// A My Access test: a fresh browser with the extension, the fixture page served for every My
// Access URL, and a new tab (`page`) to open it in; 60 s at most.
const myAccessTest = (name, fn) =>
  extensionTest(name, async (ctx) => {
    await ctx.serve('https://myaccess.microsoft.com/**', PAGE);
    return fn({ ...ctx, page: await ctx.context.newPage() });
  });

/** Opens `url` and waits for the notice, which it returns. */
async function noticeOn(page, url) {
  await page.goto(url);
  const notice = page.locator(NOTICE);
  await notice.waitFor();
  return notice;
}

/** Escape: the notice goes for now, and nothing is remembered. */
async function escapeForNow(page, worker) {
  await page.keyboard.press('Escape');
  assert.equal(await eventually(() => noticeShown(page), false), false);
  assert.deepEqual(await stored(worker), {});
}

myAccessTest(
  'the My Access content script judges the page and follows hash-only navigation',
  async ({ worker, page }) => {
    await page.goto(COMPLETE);
    await assertBadge(worker, page, 'OK');
    assert.equal(await noticeShown(page), false);

    // A link that lost its directory hint: the partner would land in their own directory.
    // (A new document starts with a clear badge, so '!' is this page's own verdict.)
    await page.goto(MISSING_HINT);
    await assertBadge(worker, page, '!');
    await page.locator(NOTICE).waitFor();

    // Hash-only navigation elsewhere in My Access removes the notice and the warning...
    await page.evaluate(() => (location.hash = '#/request-history'));
    await assertBadge(worker, page, '');
    assert.equal(await eventually(() => noticeShown(page), false), false);

    // ...and hash-only navigation to another incomplete package link brings them back.
    await page.evaluate((id) => (location.hash = `#/access-packages/${id}`), OTHER_ID);
    await assertBadge(worker, page, '!');
    await page.locator(NOTICE).waitFor();
  },
);

myAccessTest(
  'the notice repairs a link without a directory hint, and a dismissal sticks',
  async ({ worker, page }) => {
    const notice = await noticeOn(page, MISSING_HINT);
    // The text lives in the open shadow root; Playwright's CSS locators pierce it, textContent does not.
    const card = notice.getByRole('dialog', { name: 'This My Access link is incomplete' });
    assert.match(await card.textContent(), /does not say which organisation/);
    const repair = page.locator(REPAIR);
    assert.equal(await repair.isDisabled(), true);
    await page.getByLabel(HINT_LABEL).fill('not a domain');
    assert.equal(await card.getByRole('alert').textContent(), NOT_A_DIRECTORY);
    assert.equal(await repair.isDisabled(), true);
    await page.getByLabel(HINT_LABEL).fill('Contoso.OnMicrosoft.com');
    await repair.click();
    await page.waitForURL(COMPLETE);
    await assertBadge(worker, page, 'OK');
    assert.equal(await noticeShown(page), false);

    // The hint the user confirmed is offered next time.
    await page.goto(OTHER);
    await notice.waitFor();
    assert.equal(await page.getByLabel(HINT_LABEL).inputValue(), 'contoso.onmicrosoft.com');
    await page.getByRole('button', { name: NEVER }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    assert.equal(await notice.count(), 0);
    await page.reload();
    await assertBadge(worker, page, '!');
    await page.waitForTimeout(300);
    assert.equal(await notice.count(), 0, 'a dismissed notice stays dismissed for that link');
  },
);

myAccessTest('a %23/ that should have been #/ is repaired in place', async ({ worker, page }) => {
  await page.goto(`https://myaccess.microsoft.com/@contoso.com%23/access-packages/${G}`);
  await page.waitForURL(`https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`);
  await assertBadge(worker, page, 'OK');
  assert.equal(await noticeShown(page), false);
});

myAccessTest(
  'page script cannot work the notice, and sees nothing of the extension but the notice',
  async ({ worker, page }) => {
    await worker.evaluate(() => chrome.storage.local.set({ recentHints: ['fabrikam.com'] }));
    // Every message posted to the page, from its first script on.
    await page.addInitScript(() => {
      window.pageMessages = [];
      addEventListener('message', (e) => window.pageMessages.push(JSON.stringify(e.data)));
    });
    await page.goto(MISSING_HINT);
    await page.locator(NOTICE).waitFor();
    await assertBadge(worker, page, '!');

    // The content script ran: no attribute, global, message or timing entry tells the page about it.
    assert.deepEqual(
      await page.evaluate(() => ({
        statusAttribute: document.documentElement.hasAttribute('data-ald-status'),
        attributes: [document.documentElement, document.body]
          .flatMap((e) => e.getAttributeNames())
          .filter((n) => /ald/i.test(n)),
        globals: Object.getOwnPropertyNames(window).filter((n) => /ald/i.test(n)),
        messages: window.pageMessages,
        timings: performance
          .getEntries()
          .filter((e) => e.name.startsWith('ald:'))
          .map((e) => e.name),
      })),
      { statusAttribute: false, attributes: [], globals: [], messages: [], timings: [] },
    );

    await page.evaluate(() => (window.sameDocument = true));
    const unchanged = async () => {
      await page.waitForTimeout(500);
      assert.equal(page.url(), MISSING_HINT);
      assert.equal(
        await page.evaluate(() => window.sameDocument),
        true,
        'the page did not navigate',
      );
      assert.equal(await noticeShown(page), true);
      assert.deepEqual(await stored(worker), { recentHints: ['fabrikam.com'] });
    };

    // Page script closes or dismisses through the open shadow root: `.click()` on every button
    // but Repair, and a dispatched Escape.
    await page.evaluate(() => {
      const root = document.querySelector('[data-testid="ald-notice"]').shadowRoot;
      for (const b of root.querySelectorAll('button:not([data-testid])')) b.click();
      for (const target of [root.querySelector('input'), root.querySelector('section')])
        target.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
        );
    });
    await unchanged();

    // Page script fills in its own directory and presses Repair: `.click()`, then Enter.
    const enabled = await page.evaluate(() => {
      const root = document.querySelector('[data-testid="ald-notice"]').shadowRoot;
      const input = root.querySelector('input');
      const repair = root.querySelector('[data-testid="ald-repair"]');
      input.value = 'attacker.onmicrosoft.com';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      repair.click();
      for (const target of [input, repair])
        target.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
        );
      return !repair.disabled;
    });
    assert.equal(enabled, true, 'the Repair button took the click');
    await unchanged();

    // The user's own typing and key presses still work: Enter on Repair...
    await page.getByLabel(HINT_LABEL).fill('Contoso.OnMicrosoft.com');
    await page.locator(REPAIR).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(COMPLETE);
    await assertBadge(worker, page, 'OK');
    assert.deepEqual((await stored(worker)).recentHints, [
      'contoso.onmicrosoft.com',
      'fabrikam.com',
    ]);

    // ...and the user's own "Don't show again".
    await page.goto(OTHER);
    await page.getByRole('button', { name: NEVER }).click();
    const dismissed = async () => JSON.stringify((await stored(worker)).dismissedNotices);
    assert.equal(await eventually(dismissed, JSON.stringify([OTHER])), JSON.stringify([OTHER]));
  },
);

myAccessTest(
  'keyboard: Escape closes the notice for now, Enter in its field repairs',
  async ({ worker, page }) => {
    const notice = await noticeOn(page, MISSING_HINT);

    // Escape from the field: gone for now, nothing remembered, back on the next visit.
    await page.getByLabel(HINT_LABEL).focus();
    await escapeForNow(page, worker);
    await page.reload();
    await notice.waitFor();

    // Escape from a button works the same; Tab reaches every way out.
    await page.getByLabel(HINT_LABEL).fill('contoso.com');
    const order = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const root = document.querySelector('[data-testid="ald-notice"]').shadowRoot;
          return root.activeElement?.textContent;
        }),
      );
    }
    assert.deepEqual(order, ['Open the repaired link', 'Not now', NEVER]);
    await escapeForNow(page, worker);

    // Enter in the field with something that is not a directory: nothing happens but the error.
    await page.reload();
    await notice.waitFor();
    await page.getByLabel(HINT_LABEL).fill('not a domain');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(page.url(), MISSING_HINT);
    assert.equal(await noticeShown(page), true);

    // Enter with a directory: the repaired link opens, and the directory is remembered.
    await page.getByLabel(HINT_LABEL).fill('Contoso.OnMicrosoft.com');
    await page.keyboard.press('Enter');
    await page.waitForURL(COMPLETE);
    await assertBadge(worker, page, 'OK');
    assert.deepEqual((await stored(worker)).recentHints, ['contoso.onmicrosoft.com']);
  },
);

myAccessTest(
  '"Don’t show again" is explicit, says so, and can be undone',
  async ({ worker, page }) => {
    const notice = await noticeOn(page, MISSING_HINT);
    const dismissed = async () => JSON.stringify((await stored(worker)).dismissedNotices ?? []);
    const link = JSON.stringify([MISSING_HINT]);

    await page.getByRole('button', { name: NEVER }).click();
    assert.equal(
      await notice.getByRole('status').textContent(),
      'This notice will not be shown again for this link.',
    );
    assert.equal(await eventually(dismissed, link), link);
    // The keyboard is on Undo: Enter undoes, and the notice is back, its field as it was.
    await page.keyboard.press('Enter');
    await page.getByLabel(HINT_LABEL).waitFor();
    assert.equal(await eventually(dismissed, '[]'), '[]');
    await page.reload();
    await notice.waitFor();

    // Dismissed for good: a reload shows nothing; the badge still warns.
    await page.getByRole('button', { name: NEVER }).click();
    assert.equal(await eventually(dismissed, link), link);
    await page.keyboard.press('Escape');
    assert.equal(await eventually(() => noticeShown(page), false), false);
    await page.reload();
    await assertBadge(worker, page, '!');
    await page.waitForTimeout(300);
    assert.equal(await notice.count(), 0);
  },
);

myAccessTest(
  'an organisation link is not called broken: the notice asks for no package ID',
  async ({ page }) => {
    const notice = await noticeOn(page, 'https://myaccess.microsoft.com/@contoso.com');
    const card = notice.getByRole('dialog', { name: 'Organisation link, not a package link' });
    assert.match(await card.textContent(), /opens the My Access of contoso\.com/);
    assert.equal(await notice.getByRole('textbox').count(), 0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    assert.equal(await eventually(() => noticeShown(page), false), false);
  },
);
