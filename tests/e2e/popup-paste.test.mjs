// A paste into the popup as Chromium delivers it: a ClipboardEvent with both flavours of a copied email.
import assert from 'node:assert/strict';
import { dispatchPaste } from '../fixtures/paste-event.mjs';
import { eventually, extensionTest, G, shareOneBrowser, openFocusedPopup } from './harness.mjs';

shareOneBrowser();

const LINK = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`;
const LOOKALIKE = `https://myaccess-microsoft.com/@contoso.com#/access-packages/${G}`;

/** Dispatches in the page the paste a Ctrl+V would (see dispatchPaste); whether it was taken. */
const paste = (page, flavours) => page.locator('#paste').evaluate(dispatchPaste, flavours);

extensionTest(
  'paste of an email with a genuine link and a look-alike: the text goes in, the popup opens on the look-alike and counts in words',
  async (browser) => {
    const requested = [];
    await browser.context.route('https://tracker.example/**', (route) => {
      requested.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    const page = await openFocusedPopup(browser);
    const plain = `Hi Anna,\n\nRequest it here: ${LINK}\nor here: ${LOOKALIKE}\n`;
    const html = `<html><body>\n<!--StartFragment--><p class=MsoNormal>Hi Anna,</p><p class=MsoNormal>Request it here: <a href="${LINK}"><span style='color:#0563C1'>${LINK}</span></a><br>or here: <a href="${LOOKALIKE}">${LOOKALIKE}</a><img src="https://tracker.example/pixel.gif" width=1 height=1></p><!--EndFragment-->\n</body>\n</html>`;
    assert.equal(await paste(page, { 'text/plain': plain, 'text/html': html }), true);

    const box = page.getByLabel('Paste a link or a whole email');
    assert.equal(await box.inputValue(), plain);
    const found = page.getByRole('region', { name: /links found/ });
    await found.waitFor();
    assert.equal(
      (await found.locator('p').textContent()).trim(),
      '2 links found: 1 dangerous, 1 genuine',
    );
    // The list in text order, the look-alike chosen: said in words and by aria-pressed.
    assert.deepEqual(await found.getByRole('listitem').allTextContents(), [
      `Genuine and complete — ${LINK}`,
      `Dangerous: not a real My Access link — ${LOOKALIKE}`,
    ]);
    assert.match(await found.getByRole('button', { pressed: true }).textContent(), /^Dangerous/);
    const verdict = page.getByTestId('verdict');
    assert.equal(await verdict.getAttribute('data-verdict'), 'dangerous');
    assert.equal(
      await verdict.getByRole('heading').textContent(),
      'Dangerous: not a real My Access link',
    );
    // The pasted HTML was read in a detached document: its image never loaded (though one in the page would).
    assert.deepEqual(requested, []);
    await page.evaluate(() =>
      document.body.append(
        Object.assign(new Image(), { src: 'https://tracker.example/control.gif', alt: '' }),
      ),
    );
    assert.deepEqual(
      await eventually(() => requested.join(), 'https://tracker.example/control.gif'),
      'https://tracker.example/control.gif',
    );

    // The user's own choice, by keyboard.
    await found.getByRole('button', { name: /Genuine and complete/ }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await verdict.getAttribute('data-verdict'), 'valid');
    assert.match(
      await found.getByRole('button', { pressed: true }).textContent(),
      /^Genuine and complete/,
    );

    // The paste is one step of the box's undo history, as a native paste is.
    await box.focus();
    await page.keyboard.press('Control+z');
    assert.equal(await box.inputValue(), '');
    await page.getByText(/Nothing to check yet/).waitFor();
  },
);

extensionTest(
  'paste with the caret inside text: the plain text goes in at the caret, and the popup checks the whole',
  async (browser) => {
    const page = await openFocusedPopup(browser);
    await page.keyboard.insertText('Link: [], thanks');
    await page.evaluate(() => document.getElementById('paste').setSelectionRange(6, 8));
    assert.equal(
      await paste(page, { 'text/plain': LINK, 'text/html': `<a href="${LINK}">${LINK}</a>` }),
      true,
    );
    assert.equal(
      await page.getByLabel('Paste a link or a whole email').inputValue(),
      `Link: ${LINK}, thanks`,
    );
    assert.equal(
      await page.evaluate(() => document.getElementById('paste').selectionStart),
      6 + LINK.length,
    );
    assert.equal(await page.getByTestId('verdict').getAttribute('data-verdict'), 'valid');
    // One link, whether from the text or its anchor: no list.
    assert.equal(await page.getByText(/links found/).count(), 0);
  },
);

extensionTest(
  'paste of an email whose genuine-looking link points elsewhere: the popup says dangerous',
  async (browser) => {
    const page = await openFocusedPopup(browser);
    const plain = `Request it here: ${LINK}`;
    const html = `<html><body>\n<!--StartFragment--><p>Request it here: <a href="https://evil.example/x"><span>${LINK}</span></a></p><!--EndFragment-->\n</body>\n</html>`;
    assert.equal(await paste(page, { 'text/plain': plain, 'text/html': html }), true);
    // The text looks genuine, and is what the box shows...
    assert.equal(await page.getByLabel('Paste a link or a whole email').inputValue(), plain);
    // ...but the link it stands for goes to evil.example: the popup opens on that.
    const verdict = page.getByTestId('verdict');
    assert.equal(await verdict.getAttribute('data-verdict'), 'dangerous');
    assert.match(await verdict.textContent(), /It really leads to: evil\.example/);
    assert.equal(await page.getByRole('button', { name: 'Copy link' }).count(), 0);
    // One link, the anchor: its genuine-looking text is only what it displays, not a second link.
    assert.equal(await page.getByRole('region', { name: /links found/ }).count(), 0);
    assert.equal(await verdict.locator('[data-code="text-target-mismatch"]').count(), 1);
  },
);
