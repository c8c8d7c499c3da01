import assert from 'node:assert/strict';
import {
  eventually,
  extensionTest,
  shareOneBrowser,
  openOptions,
  openPopup,
  POPUP_VIEWPORT,
  popupOnPortalPackage,
  popupUrl,
  WITH_CLIPBOARD,
} from './harness.mjs';
import {
  COMPLETE as LINK,
  HINT_LABEL,
  SHARE_CHANNELS,
  SHARE_NOTE,
  SHARE_TO,
} from './shared/journeys.mjs';
import { assertEmailFlavours, clipboardFlavours } from './shared/popup-steps.mjs';

shareOneBrowser();

extensionTest(
  'sharing: each channel produces its compose URL, and "Copy email" puts HTML and text on the clipboard',
  async (browser) => {
    const page = await openPopup(browser, LINK);
    // Capture, do not open: the extension's own tabs API is replaced in this page only.
    await page.evaluate(() => {
      window.__opened = [];
      chrome.tabs.create = async (o) => void window.__opened.push(['create', o.url]);
      chrome.tabs.update = async (o) => void window.__opened.push(['update', o.url]);
    });
    await page.getByRole('button', { name: 'Share by email' }).click();
    await page.getByLabel('To (optional)').fill(SHARE_TO);
    await page.getByLabel('Personal note (optional)').fill(SHARE_NOTE);
    for (const { name } of SHARE_CHANNELS) {
      await page.getByRole('button', { name }).click();
      await page
        .getByTestId('share-status')
        .getByText(`A new email is ready in ${name}.`)
        .waitFor();
    }
    const opened = await page.evaluate(() => window.__opened);
    assert.equal(opened.length, SHARE_CHANNELS.length);
    assert.deepEqual(
      opened.map(([how]) => how),
      SHARE_CHANNELS.map((c) => c.how),
    );
    SHARE_CHANNELS.forEach(({ url }, i) => assert.match(opened[i][1], url));
    const mailto = opened[0][1];
    assert.ok(decodeURIComponent(mailto).includes(LINK));
    assert.ok(decodeURIComponent(mailto).includes(SHARE_NOTE));

    await page.getByRole('button', { name: 'Copy email' }).click();
    await page
      .getByTestId('share-status')
      .getByText(/Email copied/)
      .waitFor();
    assertEmailFlavours(await page.evaluate(clipboardFlavours), LINK);
  },
  WITH_CLIPBOARD,
);

extensionTest(
  'options: a custom template is used by the popup’s email',
  async (browser) => {
    const page = await openOptions(browser);
    await page.getByLabel(/organisation’s name/).fill('Contoso Ltd');
    await page.getByLabel('Subject').fill('Your access: {packageName}');
    await page.getByLabel('Body').fill('Hi,\n{link}\nRegards, {organization}');
    await page.getByTestId('template-preview').getByText('Regards, Contoso Ltd').waitFor();
    // Saved as typed (or, on a page with a Save button, when it is pressed).
    const save = page.getByRole('button', { name: 'Save', exact: true });
    if ((await save.count()) > 0) await save.click();
    await page.getByText('Saved', { exact: true }).first().waitFor();

    await page.goto(popupUrl(browser.extensionId, LINK));
    await page.getByRole('button', { name: 'Share by email' }).click();
    await page.getByRole('button', { name: 'Copy email' }).click();
    await page
      .getByTestId('share-status')
      .getByText(/Email copied/)
      .waitFor();
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      `Hi,\n${LINK}\nRegards, Contoso Ltd`,
    );
  },
  WITH_CLIPBOARD,
);

/** The element's box in the page's viewport, and the viewport's height. */
const bounds = (locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: r.height, viewport: innerHeight };
  });
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? null);

/** The admin's popup on a package page at 400×600, with its complete link (typing the directory
 * where the page did not give it). */
async function adminPopup(ctx) {
  const popup = await popupOnPortalPackage(ctx);
  await popup.setViewportSize(POPUP_VIEWPORT);
  const share = popup.getByRole('button', { name: 'Share by email' });
  const hint = popup.getByLabel(HINT_LABEL);
  await share.or(hint).first().waitFor();
  if (await hint.isVisible()) await hint.fill('contoso.onmicrosoft.com');
  await share.waitFor();
  return popup;
}

extensionTest(
  'in a 400×600 popup the share panel scrolls into view and takes the focus when it opens',
  async (ctx) => {
    // A partner's link: the panel opens below the link's buttons.
    const page = await openPopup(ctx, LINK, { viewport: POPUP_VIEWPORT });
    await page.getByRole('button', { name: 'Share by email' }).click();
    const panel = page.getByTestId('share-panel');
    await panel.waitFor();
    assert.equal(await eventually(() => focusedId(page), 'share-to'), 'share-to');
    // Typing goes straight into the first field.
    await page.keyboard.type(SHARE_TO);
    assert.equal(await page.getByLabel('To (optional)').inputValue(), SHARE_TO);
    let box = await bounds(panel);
    assert.ok(box.height <= box.viewport, `the panel fits: ${JSON.stringify(box)}`);
    assert.ok(box.top >= 0 && box.bottom <= box.viewport + 1, `in view: ${JSON.stringify(box)}`);

    // An admin's package page: a long view, whose sharing asks first when partners are blocked.
    const popup = await adminPopup(ctx);
    await popup.getByRole('button', { name: 'Share by email' }).click();
    const adminPanel = popup.getByTestId('share-panel');
    await adminPanel.waitFor();
    assert.equal(await eventually(() => focusedId(popup), 'share-to'), 'share-to');
    box = await bounds(adminPanel);
    assert.ok(box.top >= 0 && box.top < box.viewport, `in view: ${JSON.stringify(box)}`);
    assert.ok(
      box.bottom <= box.viewport + 1 || box.top <= 1,
      `whole, or its top first: ${JSON.stringify(box)}`,
    );
    // The buttons of the panel can be reached without scrolling by hand.
    const copy = adminPanel.getByRole('button', { name: 'Copy email' });
    const copyBox = await bounds(copy);
    assert.ok(
      copyBox.bottom <= copyBox.viewport + 1,
      `Copy email in view: ${JSON.stringify(copyBox)}`,
    );
  },
  { timeout: 90_000 },
);

extensionTest(
  'a confirmation that sharing would not help partners comes into view with the focus on Cancel',
  async (ctx) => {
    const popup = await adminPopup(ctx);
    // The admin says the catalog is not open to external users: partners cannot request it.
    await popup.getByText('Can a partner request it?').click();
    const question = popup.getByLabel('Is its catalog enabled for external users?');
    await question.selectOption({ label: 'No' });
    await popup.getByRole('button', { name: 'Share by email' }).click();
    const gmail = popup.getByTestId('share-panel').getByRole('button', { name: 'Gmail' });
    await gmail.click();
    const confirm = popup.getByTestId('share-confirm');
    await confirm.waitFor();
    const cancel = confirm.getByRole('button', { name: 'Cancel' });
    assert.equal(
      await eventually(() => cancel.evaluate((b) => b === document.activeElement), true),
      true,
    );
    const box = await bounds(confirm);
    assert.ok(box.top >= 0 && box.bottom <= box.viewport + 1, `in view: ${JSON.stringify(box)}`);
    // Cancel with the keyboard: the focus goes back to the button that asked.
    await popup.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    assert.equal(
      await eventually(() => gmail.evaluate((b) => b === document.activeElement), true),
      true,
    );
  },
  { timeout: 90_000 },
);
