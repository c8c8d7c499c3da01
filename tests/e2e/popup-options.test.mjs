import assert from 'node:assert/strict';
import { test } from 'node:test';
import { G, withExtension } from './harness.mjs';

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
        assert.match(await verdict.textContent(), /safelinks/);
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

test('options: settings survive a reload', { timeout: 60_000 }, async () => {
  await withExtension(async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const hint = page.getByLabel(/directory hint/);
    await hint.fill('contoso');
    assert.equal(await page.getByRole('button', { name: 'Save' }).isDisabled(), true);
    await hint.fill('Contoso.OnMicrosoft.com');
    await page.getByLabel('Default cloud').selectOption('usgov');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').waitFor();
    await page.reload();
    await page.waitForFunction(
      () => document.querySelector('#default-hint')?.value === 'contoso.onmicrosoft.com',
    );
    assert.equal(await page.getByLabel('Default cloud').inputValue(), 'usgov');
  });
});
