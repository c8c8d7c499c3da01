import assert from 'node:assert/strict';
import {
  axeViolations,
  extensionTest,
  G,
  shareOneBrowser,
  openFocusedPopup,
  openOptions,
  openPopup,
  WITH_CLIPBOARD,
} from './harness.mjs';
import {
  COMPLETE,
  HINT_LABEL,
  LOOKALIKE,
  PASTE_LABEL,
  SAFE_LINKS_EMAIL,
} from './shared/journeys.mjs';

shareOneBrowser();

extensionTest(
  'popup: a Safe Links-wrapped, truncated link in an email is repaired and copied',
  async (browser) => {
    // The paste box has focus when the popup opens: type without clicking anywhere.
    const page = await openFocusedPopup(browser);
    await page.keyboard.insertText(SAFE_LINKS_EMAIL);
    const verdict = page.getByTestId('verdict');
    assert.match(await verdict.textContent(), /Genuine but incomplete/);
    assert.match(await verdict.textContent(), /Microsoft Defender Safe Links/);
    await page.getByLabel(HINT_LABEL).fill('contoso.onmicrosoft.com');
    assert.equal(await page.getByTestId('canonical').textContent(), COMPLETE);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), COMPLETE);
  },
  WITH_CLIPBOARD,
);

extensionTest(
  'popup: a look-alike is called dangerous, with where it really leads',
  async (browser) => {
    const page = await openPopup(browser);
    await page.getByLabel(PASTE_LABEL).fill(LOOKALIKE);
    const text = await page.getByTestId('verdict').textContent();
    assert.match(text, /Dangerous/);
    assert.match(text, /It really leads to: myaccess\.microsoft\.com\.evil\.example/);
    assert.equal(await page.getByRole('button', { name: 'Copy link' }).count(), 0);
  },
);

extensionTest(
  'options: each change is saved as it is made, and survives a reload',
  async (browser) => {
    const page = await openOptions(browser);
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
  },
);

extensionTest(
  'options: no horizontal scroll at 400 px; clearing the history offers an undo',
  async (browser) => {
    const { worker } = browser;
    const link = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`;
    await worker.evaluate((entry) => chrome.storage.local.set({ history: [entry] }), {
      link,
      verdict: 'valid',
      directoryHint: 'contoso.com',
      at: new Date().toISOString(),
      action: 'checked',
    });
    const page = await openOptions(browser, { viewport: { width: 400, height: 600 } });
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
  },
);
