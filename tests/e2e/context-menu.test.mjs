import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually, G, withExtension } from './harness.mjs';

test(
  'context menu: "Check this My Access link" on a link opens the check with repair',
  { timeout: 60_000 },
  async () => {
    await withExtension(async ({ context, worker }) => {
      // The item exists for links and selections (update() fails for an unknown id).
      // (onInstalled may still be running when the worker first answers: poll, bounded.)
      const exists = () =>
        worker.evaluate(
          () =>
            new Promise((resolve) =>
              chrome.contextMenus.update('ald-check-link', {}, () =>
                resolve(!chrome.runtime.lastError),
              ),
            ),
        );
      assert.equal(await eventually(exists, true), true);

      // A real click cannot be made headless; dispatch the click event the browser would send.
      const opened = context.waitForEvent('page');
      await worker.evaluate((id) => {
        chrome.contextMenus.onClicked.dispatch(
          {
            menuItemId: 'ald-check-link',
            linkUrl: `https://myaccess.microsoft.com/#/access-packages/${id}`,
            editable: false,
            pageUrl: 'https://outlook.office.com/mail/',
          },
          {
            id: 1,
            index: 0,
            windowId: 1,
            highlighted: true,
            active: true,
            pinned: false,
            incognito: false,
          },
        );
      }, G);
      const page = await opened;
      await page.waitForLoadState();
      assert.match(page.url(), /popup\.html\?check=/);
      const verdict = page.getByTestId('verdict');
      assert.match(await verdict.textContent(), /Genuine but incomplete/);
      await page.getByLabel("Organisation's domain or tenant ID").fill('contoso.com');
      assert.equal(
        await page.getByTestId('canonical').textContent(),
        `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
      );
    });
  },
);

test(
  'context menu: a selected text with a dangerous link is called dangerous',
  { timeout: 60_000 },
  async () => {
    await withExtension(async ({ context, worker }) => {
      const opened = context.waitForEvent('page');
      await worker.evaluate(() => {
        chrome.contextMenus.onClicked.dispatch(
          {
            menuItemId: 'ald-check-link',
            selectionText:
              'please open https://myaccess.microsoft.com@evil.example/#/access-packages/x today',
            editable: false,
            pageUrl: 'https://mail.example/',
          },
          {
            id: 1,
            index: 0,
            windowId: 1,
            highlighted: true,
            active: true,
            pinned: false,
            incognito: false,
          },
        );
      });
      const page = await opened;
      await page.waitForLoadState();
      assert.match(
        await page.getByTestId('verdict').textContent(),
        /It really leads to: evil\.example/,
      );
    });
  },
);

test(
  'context menu: a link whose text shows My Access but whose target goes elsewhere is dangerous',
  { timeout: 60_000 },
  async () => {
    await withExtension(async ({ context, worker }) => {
      const opened = context.waitForEvent('page');
      // The user selected the link's text and right-clicked the link: both reach the check.
      await worker.evaluate((id) => {
        chrome.contextMenus.onClicked.dispatch(
          {
            menuItemId: 'ald-check-link',
            linkUrl: 'https://evil.example/login',
            selectionText: `https://myaccess.microsoft.com/@contoso.com#/access-packages/${id}`,
            editable: false,
            pageUrl: 'https://mail.example/',
          },
          {
            id: 1,
            index: 0,
            windowId: 1,
            highlighted: true,
            active: true,
            pinned: false,
            incognito: false,
          },
        );
      }, G);
      const page = await opened;
      await page.waitForLoadState();
      const verdict = page.getByTestId('verdict');
      assert.match(await verdict.textContent(), /Dangerous/);
      assert.match(await verdict.textContent(), /It really leads to: evil\.example/);
      assert.equal(await verdict.locator('[data-code="text-target-mismatch"]').count(), 1);
    });
  },
);
