import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, G, oneBrowserPerFile, withExtension } from './harness.mjs';

oneBrowserPerFile();

test(
  'popup: a Safe Links-wrapped, truncated link in an email is repaired and copied',
  { timeout: 60_000 },
  async () => {
    await withExtension(
      async ({ context, extensionId }) => {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/popup.html`);
        const wrapped = `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent(`https://myaccess.microsoft.com/#/access-packages/${G}`)}&data=05%7C02%7Canna%40fabrikam.com&reserved=0`;
        const email = `Hi Anna,\n\nplease request access here:\n${wrapped}\n\nBest regards,\nBob`;
        // The paste box has focus when the popup opens: type without clicking anywhere.
        await page.waitForFunction(() => document.activeElement?.id === 'paste');
        await page.keyboard.insertText(email);
        const verdict = page.getByTestId('verdict');
        assert.match(await verdict.textContent(), /Genuine but incomplete/);
        assert.match(await verdict.textContent(), /Microsoft Defender Safe Links/);
        await page.getByLabel("Organisation's domain or tenant ID").fill('contoso.onmicrosoft.com');
        const canonical = `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`;
        assert.equal(await page.getByTestId('canonical').textContent(), canonical);
        await page.getByRole('button', { name: 'Copy link' }).click();
        await page.getByRole('button', { name: 'Copied' }).waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), canonical);
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
  },
);

test(
  'popup: a look-alike is called dangerous, with where it really leads',
  { timeout: 60_000 },
  async () => {
    await withExtension(async ({ context, extensionId }) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await page
        .getByLabel('Paste a link or a whole email')
        .fill(`https://myaccess.microsoft.com.evil.example/@contoso.com#/access-packages/${G}`);
      const text = await page.getByTestId('verdict').textContent();
      assert.match(text, /Dangerous/);
      assert.match(text, /It really leads to: myaccess\.microsoft\.com\.evil\.example/);
      assert.equal(await page.getByRole('button', { name: 'Copy link' }).count(), 0);
    });
  },
);

test(
  'options: each change is saved as it is made, and survives a reload',
  { timeout: 60_000 },
  async () => {
    await withExtension(async ({ context, extensionId }) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      assert.equal(await page.getByRole('button', { name: 'Save' }).count(), 0);
      const hint = page.getByLabel(/directory hint/);
      await hint.fill('contoso');
      await page.getByText('Not saved: correct the field marked in red.').waitFor();
      await hint.fill('Contoso.OnMicrosoft.com');
      await page.getByTestId('save-status').getByText('Saved').waitFor();
      await page.getByLabel('Your organisation’s cloud').selectOption('usgov-high');
      // The email language follows the browser's (English here) until one is picked.
      assert.equal(await page.getByLabel('Language of the emails you share').inputValue(), 'en');
      await page.getByText('Follows your browser’s language until you pick one.').waitFor();
      await page.getByLabel('Language of the emails you share').selectOption('fr');
      await page.getByLabel('Domain or tenant ID').fill('fabrikam.com');
      await page.getByLabel('Display name (optional)').fill('Fabrikam');
      await page.getByRole('button', { name: 'Add directory' }).click();
      await page.getByTestId('known-directories').getByText('Fabrikam', { exact: true }).waitFor();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="save-status"]')?.dataset.status === 'saved',
      );
      await page.reload();
      await page.waitForFunction(
        () => document.querySelector('#default-hint')?.value === 'contoso.onmicrosoft.com',
      );
      assert.equal(await page.getByLabel('Your organisation’s cloud').inputValue(), 'usgov-high');
      assert.equal(await page.getByLabel('Language of the emails you share').inputValue(), 'fr');
      assert.match(await page.getByTestId('known-directories').textContent(), /fabrikam\.com/);
    });
  },
);

test(
  'options: no horizontal scroll at 400 px; clearing the history offers an undo',
  { timeout: 60_000 },
  async () => {
    await withExtension(async ({ context, extensionId, worker }) => {
      const link = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`;
      await worker.evaluate((entry) => chrome.storage.local.set({ history: [entry] }), {
        link,
        verdict: 'valid',
        directoryHint: 'contoso.com',
        at: new Date().toISOString(),
        action: 'checked',
      });
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await page.getByTestId('template-preview').waitFor();
      const overflow = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        wide: [...document.querySelectorAll('main *')]
          .filter(
            (el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5,
          )
          .map((el) => el.tagName + (el.id ? `#${el.id}` : '')),
      }));
      assert.deepEqual(overflow.wide, []);
      assert.ok(
        overflow.scroll <= overflow.client,
        `page is ${overflow.scroll}px wide in a ${overflow.client}px window`,
      );
      // Accessible in both themes, with the known-directory list and the policy-free page.
      await page.getByLabel('Domain or tenant ID').fill('fabrikam.com');
      await page.getByRole('button', { name: 'Add directory' }).click();
      await page.getByTestId('known-directories').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'options, light');
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.deepEqual(await axeViolations(page), [], 'options, dark');
      await page.getByRole('button', { name: 'Clear history' }).click();
      await page.getByText('History cleared').waitFor();
      const stored = () =>
        worker.evaluate(async () => (await chrome.storage.local.get('history')).history);
      assert.deepEqual(await stored(), []);
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.getByText('History restored').waitFor();
      assert.equal((await stored())[0].link, link);
    });
  },
);
