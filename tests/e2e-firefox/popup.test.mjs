// The popup, sharing, the options page and the context menu in Firefox: the journeys the
// Chromium suite runs (popup-journeys, popup-options, share, context-menu), on the Firefox build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { G } from '../e2e/shared/fixtures.mjs';
import {
  assertEmailFlavours,
  clipboardFlavours,
  repairByKeyboard,
} from '../e2e/shared/popup-steps.mjs';
import {
  AXE_POPUP_STATES,
  COMPLETE,
  HINT_LABEL,
  LOOKALIKE,
  MENU_CLICKS,
  PASTE_LABEL,
  SAFE_LINKS_EMAIL,
  SHARE_CHANNELS,
  SHARE_NOTE,
  SHARE_TO,
} from '../e2e/shared/journeys.mjs';
import {
  axeViolations,
  button,
  byLabel,
  eventually,
  fill,
  firefoxSuite,
  insertText,
  navigateExtension,
  ORIGIN,
  replaceText,
  textOf,
  waitFor,
} from './harness.mjs';

const ff = firefoxSuite();
const popupOn = (text) => ff.extensionPage(`popup.html?check=${encodeURIComponent(text)}`);
const clipboardText = (page) => page.evaluate(() => navigator.clipboard.readText());
const verdictText = (page) => textOf(page, '[data-testid="verdict"]');

/** Opens the popup page and waits until the paste box has the focus, as it has when the popup opens. */
async function openPopup() {
  const page = await ff.extensionPage('popup.html');
  await page.waitForFunction(() => document.activeElement?.id === 'paste');
  return page;
}

test('popup: a Safe Links-wrapped, truncated link in an email is repaired and copied', async () => {
  const page = await openPopup();
  await insertText(page, SAFE_LINKS_EMAIL);
  await page.waitForSelector('[data-testid="verdict"]');
  assert.match(await verdictText(page), /Genuine but incomplete/);
  assert.match(await verdictText(page), /safe ?links/i);
  await fill(page, await byLabel(page, HINT_LABEL), 'contoso.onmicrosoft.com');
  assert.equal(await textOf(page, '[data-testid="canonical"]'), COMPLETE);
  await (await button(page, 'Copy link')).click();
  await waitFor(() => button(page, 'Copied'));
  assert.equal(await clipboardText(page), COMPLETE);
});

/**
 * A real Ctrl+V of both flavours into the paste box. (Firefox's ClipboardEvent constructor drops a
 * clipboardData passed to it, so the Chromium suite's synthetic paste event carries nothing here.)
 */
async function realPaste(page, plain, html) {
  await page.evaluate(
    (plain, html) =>
      navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([plain], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]),
    plain,
    html,
  );
  await page.focus('#paste');
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
}

test('paste of an email with a genuine link and a look-alike: the text goes in, the popup opens on the look-alike', async () => {
  const page = await openPopup();
  const link = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`;
  const lookalike = `https://myaccess-microsoft.com/@contoso.com#/access-packages/${G}`;
  const plain = `Hi Anna,\n\nRequest it here: ${link}\nor here: ${lookalike}\n`;
  const html = `<html><body>\n<!--StartFragment--><p class=MsoNormal>Hi Anna,</p><p class=MsoNormal>Request it here: <a href="${link}"><span style='color:#0563C1'>${link}</span></a><br>or here: <a href="${lookalike}">${lookalike}</a></p><!--EndFragment-->\n</body>\n</html>`;
  await realPaste(page, plain, html);
  assert.equal(await page.$eval('#paste', (t) => t.value), plain);
  await page.waitForSelector('[data-testid="verdict"][data-verdict="dangerous"]');
  const items = await page.$$eval('section[aria-labelledby="links-found"] li', (lis) =>
    lis.map((li) => li.textContent.trim()),
  );
  assert.match(await textOf(page, '#links-found'), /^\s*2 links found: 1 dangerous, 1 genuine\s*$/);
  assert.deepEqual(items, [
    `Genuine and complete — ${link}`,
    `Dangerous: not a real My Access link — ${lookalike}`,
  ]);
  assert.match(
    await page.$eval(
      'section[aria-labelledby="links-found"] button[aria-pressed="true"]',
      (b) => b.textContent,
    ),
    /^Dangerous/,
  );
});

test('paste of an email whose genuine-looking link points elsewhere: the popup says dangerous', async () => {
  const page = await openPopup();
  const link = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`;
  const plain = `Request it here: ${link}`;
  const html = `<html><body>\n<!--StartFragment--><p>Request it here: <a href="https://evil.example/x"><span>${link}</span></a></p><!--EndFragment-->\n</body>\n</html>`;
  await realPaste(page, plain, html);
  // The box shows the genuine-looking text; the link it stands for (the HTML flavour) goes elsewhere.
  assert.equal(await eventually(() => page.$eval('#paste', (t) => t.value), plain), plain);
  await page.waitForSelector('[data-testid="verdict"][data-verdict="dangerous"]');
  assert.match(await verdictText(page), /It really leads to: evil\.example/);
  assert.ok(await page.$('[data-testid="verdict"] [data-code="text-target-mismatch"]'));
});

test('popup works by keyboard alone: paste, repair, copy, QR code', async () => {
  const page = await openPopup();
  await insertText(page, `https://myaccess.microsoft.com/#/access-packages/${G}`);
  await repairByKeyboard(page);
  await waitFor(() => button(page, 'Copied'));
  assert.equal(
    await clipboardText(page),
    `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
  );
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await waitFor(() => byLabel(page, 'QR code of the complete link'));
});

test('popup: a look-alike is called dangerous, with where it really leads', async () => {
  const page = await openPopup();
  await fill(page, await byLabel(page, PASTE_LABEL), LOOKALIKE);
  await page.waitForSelector('[data-testid="verdict"]');
  assert.match(await verdictText(page), /Dangerous/);
  assert.match(
    await verdictText(page),
    /It really leads to: myaccess\.microsoft\.com\.evil\.example/,
  );
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
  assert.equal(await (await button(page, 'Copy link')).evaluate((b) => b === null), true);
});

test('sharing: each channel makes its compose URL; "Copy email" copies HTML and text', async () => {
  const page = await popupOn(COMPLETE);
  // Capture, do not open: the add-on's tabs API is replaced in this page only.
  await page.evaluate(() => {
    window.__opened = [];
    browser.tabs.create = async (o) => void window.__opened.push(['create', o.url]);
    browser.tabs.update = async (o) => void window.__opened.push(['update', o.url]);
  });
  await (await waitFor(() => button(page, 'Share by email'))).click();
  await fill(page, await waitFor(() => byLabel(page, 'To (optional)')), SHARE_TO);
  await fill(page, await byLabel(page, 'Personal note (optional)'), SHARE_NOTE);
  for (const { name } of SHARE_CHANNELS) {
    await (await waitFor(() => button(page, name))).click();
    const status = `A new email is ready in ${name}.`;
    assert.equal(
      await eventually(() => textOf(page, '[data-testid="share-status"]'), status),
      status,
    );
  }
  const opened = await page.evaluate(() => window.__opened);
  assert.deepEqual(
    opened.map(([how]) => how),
    SHARE_CHANNELS.map((c) => c.how),
  );
  SHARE_CHANNELS.forEach(({ url }, i) => assert.match(opened[i][1], url));
  assert.ok(decodeURIComponent(opened[0][1]).includes(COMPLETE));
  assert.ok(decodeURIComponent(opened[0][1]).includes(SHARE_NOTE));

  await (await button(page, 'Copy email')).click();
  assert.match(
    await eventually(
      async () => /Email copied/.test(await textOf(page, '[data-testid="share-status"]')),
      true,
    ).then(() => textOf(page, '[data-testid="share-status"]')),
    /Email copied/,
  );
  assertEmailFlavours(await page.evaluate(clipboardFlavours), COMPLETE);
});

/** Saves the options: as typed on a page that saves each change, else with its Save button. */
async function saveOptions(page) {
  const save = await button(page, 'Save');
  if (await save.evaluate((b) => b !== null)) await save.click();
  const saved = () =>
    page.waitForFunction(
      () =>
        document.querySelector('[data-testid="save-status"]')?.dataset.status === 'saved' ||
        [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent === 'Saved'),
    );
  await saved();
  // "Saved" may still be the previous change's: each change saves at once, so let the last land.
  await new Promise((r) => setTimeout(r, 300));
  await saved();
}

test('options: every setting survives a reload, and history size 0 keeps no history', async () => {
  const page = await ff.extensionPage('options.html');
  const hint = await page.waitForSelector('#default-hint');
  await fill(page, hint, 'contoso');
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-testid="save-status"]')?.dataset.status;
    const save = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save');
    return status === 'invalid' || save?.disabled;
  });
  await fill(page, hint, 'Contoso.OnMicrosoft.com');
  // Another cloud than the default one, and French emails.
  const cloud = await page.$eval('#cloud', (s) => s.options[s.options.length - 1].value);
  await page.select('#cloud', cloud);
  await page.select('#email-language', 'fr');
  await fill(page, await page.$('#history-size'), '0');
  await saveOptions(page);
  await navigateExtension(page, 'options.html');
  await page.waitForFunction(
    () => document.querySelector('#default-hint')?.value === 'contoso.onmicrosoft.com',
  );
  const value = (selector) => page.$eval(selector, (e) => e.value);
  assert.equal(await value('#cloud'), cloud);
  assert.equal(await value('#email-language'), 'fr');
  assert.equal(await value('#history-size'), '0');

  await navigateExtension(page, `popup.html?check=${encodeURIComponent(COMPLETE)}`);
  await page.waitForSelector('[data-testid="verdict"]');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await page.evaluate(() => /Recent links/.test(document.body.textContent)), false);
});

test('options: a custom template is used by the popup’s email', async () => {
  const page = await ff.extensionPage('options.html');
  // Each field in one step: typed key by key, a half-typed {field} would be saved in between.
  await replaceText(page, await page.waitForSelector('#organization'), 'Contoso Ltd');
  await replaceText(page, await page.$('#template-subject'), 'Your access: {packageName}');
  await replaceText(page, await page.$('#template-body'), 'Hi,\n{link}\nRegards, {organization}');
  await page.waitForFunction(() =>
    document
      .querySelector('[data-testid="template-preview"]')
      ?.textContent.includes('Regards, Contoso Ltd'),
  );
  await saveOptions(page);

  await navigateExtension(page, `popup.html?check=${encodeURIComponent(COMPLETE)}`);
  await (await waitFor(() => button(page, 'Share by email'))).click();
  await (await waitFor(() => button(page, 'Copy email'))).click();
  const expected = `Hi,\n${COMPLETE}\nRegards, Contoso Ltd`;
  assert.equal(await eventually(() => clipboardText(page), expected), expected);
});

test('axe-core finds no violations in the popup states and options, light and dark', async () => {
  const page = await ff.extensionPage('popup.html');
  const popup = async (text) => {
    await navigateExtension(page, `popup.html${text ? `?check=${encodeURIComponent(text)}` : ''}`);
    await waitFor(() => byLabel(page, PASTE_LABEL));
  };
  for (const text of AXE_POPUP_STATES) {
    await popup(text);
    assert.deepEqual(await axeViolations(page), [], `popup with ${text || 'nothing'}`);
  }
  await popup(AXE_POPUP_STATES[1]);
  await (await waitFor(() => button(page, 'Share by email'))).click();
  await (await waitFor(() => button(page, 'Show QR code'))).click();
  await waitFor(() => byLabel(page, 'QR code of the complete link'));
  await waitFor(() => button(page, 'Gmail'));
  assert.deepEqual(await axeViolations(page), [], 'popup with the share panel and QR code open');
  await navigateExtension(page, 'options.html');
  await page.waitForSelector('#cloud');
  assert.deepEqual(await axeViolations(page), [], 'options');
  // Dark mode too: contrast is checked against the dark theme.
  try {
    await ff.colorScheme('dark');
    await popup(AXE_POPUP_STATES[3]);
    assert.equal(
      await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
      true,
    );
    assert.deepEqual(await axeViolations(page), [], 'popup, dark');
  } finally {
    await ff.colorScheme('light');
  }
  // The scan can fail: an unlabelled field added to the page is reported.
  await page.evaluate(() =>
    document.body.append(Object.assign(document.createElement('input'), { type: 'text' })),
  );
  assert.match((await axeViolations(page)).join('\n'), /label/);
});

/** Sends a context-menu click to the add-on's real onClicked listener; returns the tab it opens. */
async function menuClick(info) {
  const before = new Set(await ff.browser.pages());
  // A headless browser cannot open the menu: the test emits the click from the browser window,
  // as Firefox's own menu item does when the user picks it.
  await ff.chrome(
    `WebExtensionPolicy.getByID(${JSON.stringify(ff.extensionId)}).extension.emit(
      'webext-menu-menuitem-click', ${JSON.stringify(info)}, gBrowser.selectedTab)`,
  );
  let page;
  await eventually(async () => {
    page = (await ff.browser.pages()).find((p) => !before.has(p));
    return Boolean(page);
  }, true);
  assert.ok(page, 'the check opened in a new tab');
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict"]'));
  return page;
}

test('context menu: the item exists for links and selections', async () => {
  // update() fails for an unknown id.
  const exists = () =>
    ff.ext(() =>
      browser.contextMenus.update('ald-check-link', {}).then(
        () => true,
        () => false,
      ),
    );
  assert.equal(await eventually(exists, true), true);
});

for (const click of MENU_CLICKS) {
  test(`context menu: ${click.name}`, async () => {
    const page = await menuClick(click.info);
    const url = await page.evaluate(() => location.href);
    assert.ok(url.startsWith(`${ORIGIN}/popup.html?check=`), url);
    assert.match(await verdictText(page), click.verdict);
    if (click.code)
      assert.ok(await page.$(`[data-testid="verdict"] [data-code="${click.code}"]`), click.code);
  });
}

test('context menu: the opened check repairs the link', async () => {
  const page = await menuClick(MENU_CLICKS[0].info);
  await fill(page, await waitFor(() => byLabel(page, HINT_LABEL)), 'contoso.com');
  assert.equal(
    await textOf(page, '[data-testid="canonical"]'),
    `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
  );
});
