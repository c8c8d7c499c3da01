import assert from 'node:assert/strict';
import {
  axeViolations,
  extensionTest,
  extensionUrl,
  G,
  shareOneBrowser,
  openFocusedPopup,
  openOptions,
  openPopup,
  popupOnPortalPackage,
  popupUrl,
  WITH_CLIPBOARD,
} from './harness.mjs';
import { AXE_POPUP_STATES, COMPLETE, MISSING_HINT, PASTE_LABEL } from './shared/journeys.mjs';
import { repairByKeyboard } from './shared/popup-steps.mjs';

shareOneBrowser();

extensionTest(
  'popup opened on an Entra package tab shows the package, Hidden, and its complete link',
  async (browser) => {
    const popup = await popupOnPortalPackage(browser);
    const pkg = popup.getByTestId('package');
    await pkg.waitFor();
    assert.match(await pkg.textContent(), /Sales partners/);
    assert.match(await popup.getByTestId('hidden-note').textContent(), /Only the complete link/);
    assert.equal(await popup.getByTestId('canonical').textContent(), COMPLETE);
    await popup.getByText('Can a partner request it?').click();
    assert.match(
      await popup.locator('[data-code="hidden"]').textContent(),
      /Hidden: .*\(from this page\)/,
    );
  },
);

extensionTest(
  'popup works by keyboard alone: paste, repair, copy',
  async (browser) => {
    const page = await openFocusedPopup(browser);
    await page.keyboard.insertText(MISSING_HINT);
    await repairByKeyboard(page);
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
    );
    // The QR code opens from the keyboard too.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: 'QR code of the complete link' }).waitFor();
  },
  WITH_CLIPBOARD,
);

extensionTest(
  'axe-core finds no accessibility violations in the popup states and the options page',
  async ({ context, extensionId }) => {
    const page = await context.newPage();
    const states = AXE_POPUP_STATES;
    for (const text of states) {
      await page.goto(popupUrl(extensionId, text));
      await page.getByLabel(PASTE_LABEL).waitFor();
      assert.deepEqual(await axeViolations(page), [], `popup with ${text || 'nothing'}`);
    }
    await page.goto(popupUrl(extensionId, states[1]));
    await page.getByRole('button', { name: 'Share by email' }).click();
    await page.getByRole('button', { name: 'Show QR code' }).click();
    await page.getByRole('img', { name: 'QR code of the complete link' }).waitFor();
    // The share panel's code loads when it opens: scan it only once it is there.
    await page.getByRole('button', { name: 'Gmail' }).waitFor();
    assert.deepEqual(
      await axeViolations(page),
      [],
      'popup with the share panel and the QR code open',
    );
    // The scan can fail: an unlabelled field added to the page is reported.
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('input'), { type: 'text' })),
    );
    assert.match((await axeViolations(page)).join('\n'), /label/);
    await page.goto(extensionUrl(extensionId, 'options.html'));
    await page.getByLabel('Your organisation’s cloud').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'options');
    // Dark mode too: contrast is checked against the dark theme.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(popupUrl(extensionId, states[3]));
    await page.getByTestId('verdict').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'popup, dark');
  },
  { timeout: 90_000 },
);

extensionTest(
  'options: every setting survives a reload, and history size 0 keeps no history',
  async (browser) => {
    const page = await openOptions(browser);
    await page.getByLabel(/directory hint/).fill('contoso.onmicrosoft.com');
    await page.getByLabel('Language of the emails you share').selectOption('fr');
    await page.getByLabel(/Links kept in the history/).fill('0');
    // Each change is saved as it is made.
    await page.getByTestId('save-status').getByText('Saved').waitFor();
    await page.reload();
    await page.waitForFunction(
      () => document.querySelector('#default-hint')?.value === 'contoso.onmicrosoft.com',
    );
    assert.equal(await page.getByLabel('Language of the emails you share').inputValue(), 'fr');
    assert.equal(await page.getByLabel(/Links kept in the history/).inputValue(), '0');

    const popup = await openPopup(
      browser,
      `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
    );
    await popup.getByTestId('verdict').waitFor();
    await popup.waitForTimeout(300);
    assert.equal(await popup.getByText(/Recent links/).count(), 0);
  },
);
