import assert from 'node:assert/strict';
import { eventually, extensionTest, G, shareOneBrowser } from './harness.mjs';
import { HINT_LABEL, MENU_CLICKS } from './shared/journeys.mjs';

shareOneBrowser();

// The tab a menu click comes from, as Chromium reports it.
const TAB = {
  id: 1,
  index: 0,
  windowId: 1,
  highlighted: true,
  active: true,
  pinned: false,
  incognito: false,
};

/** Dispatches the click Chromium would send to the real listener; returns the page it opens. */
async function menuClick({ context, worker }, info) {
  // A real click cannot be made headless; dispatch the click event the browser would send.
  const opened = context.waitForEvent('page');
  await worker.evaluate(
    ([info, tab]) => chrome.contextMenus.onClicked.dispatch(info, tab),
    [info, TAB],
  );
  const page = await opened;
  await page.waitForLoadState();
  return page;
}

extensionTest(
  'context menu: "Check this My Access link" on a link opens the check with repair',
  async (browser) => {
    // The item exists for links and selections (update() fails for an unknown id).
    // (onInstalled may still be running when the worker first answers: poll, bounded.)
    const exists = () =>
      browser.worker.evaluate(
        () =>
          new Promise((resolve) =>
            chrome.contextMenus.update('ald-check-link', {}, () =>
              resolve(!chrome.runtime.lastError),
            ),
          ),
      );
    assert.equal(await eventually(exists, true), true);

    const page = await menuClick(browser, MENU_CLICKS[0].info);
    assert.match(page.url(), /popup\.html\?check=/);
    const verdict = page.getByTestId('verdict');
    assert.match(await verdict.textContent(), MENU_CLICKS[0].verdict);
    await page.getByLabel(HINT_LABEL).fill('contoso.com');
    assert.equal(
      await page.getByTestId('canonical').textContent(),
      `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
    );
  },
);

extensionTest(
  'context menu: a selected text with a dangerous link is called dangerous',
  async (browser) => {
    const page = await menuClick(browser, MENU_CLICKS[1].info);
    assert.match(await page.getByTestId('verdict').textContent(), MENU_CLICKS[1].verdict);
  },
);

extensionTest(
  'context menu: a link whose text shows My Access but whose target goes elsewhere is dangerous',
  async (browser) => {
    // The user selected the link's text and right-clicked the link: both reach the check.
    const page = await menuClick(browser, MENU_CLICKS[2].info);
    const verdict = page.getByTestId('verdict');
    assert.match(await verdict.textContent(), MENU_CLICKS[2].verdict);
    assert.equal(await verdict.locator(`[data-code="${MENU_CLICKS[2].code}"]`).count(), 1);
  },
);
