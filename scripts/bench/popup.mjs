// The popup in Chromium: time to its first interactive render beside that of a bare Preact page of
// the same extension (the ratio holds across machines), and a 1 MB paste with 200 links.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { EXTENSION_DIR, G, withExtension } from '../../tests/e2e/harness.mjs';

const BARE_DIR = 'bench-bare';

/**
 * Builds the bare page (scripts/bench/bare) with Vite into the built extension, for this run only:
 * `removeBarePage` takes it out again, and store zips are built afresh by `wxt zip`.
 */
export async function addBarePage() {
  await build({
    configFile: false,
    root: resolve('scripts/bench/bare'),
    base: `/${BARE_DIR}/`,
    logLevel: 'error',
    build: { outDir: join(EXTENSION_DIR, BARE_DIR), emptyOutDir: true },
  });
}

export function removeBarePage() {
  rmSync(join(EXTENSION_DIR, BARE_DIR), { recursive: true, force: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** From navigation start to the page's `ald:popup-ready` mark (the box focused and usable). */
async function openTime(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('ald:popup-ready').length > 0);
  return page.evaluate(() => performance.getEntriesByName('ald:popup-ready')[0].startTime);
}

/** About 1 MB of mail thread with 200 My Access links (some repeated, some cut, one look-alike). */
function bigMail() {
  const para =
    'Hello Anna, thanks for the call today. The quarterly report is attached: ' +
    'https://www.contoso.com/reports/q3?lang=en\n' +
    '> quoted reply text from an earlier mail, with a signature and a footer.\n';
  const id = (i) => `${G.slice(0, -4)}${String(i).padStart(4, '0')}`;
  const links = Array.from({ length: 200 }, (_, i) =>
    i % 50 === 49
      ? `https://myaccess-microsoft.com/@contoso.com#/access-packages/${id(i)}`
      : i % 10 === 9
        ? `https://myaccess.microsoft.com/#/access-packages/${id(i)}`
        : `https://myaccess.microsoft.com/@contoso.com#/access-packages/${id(i % 20)}`,
  );
  const chunk = Math.ceil(1_000_000 / links.length);
  let mail = '';
  for (const link of links) {
    let block = '';
    while (block.length < chunk) block += para;
    mail += `${block}${link}\n`;
  }
  return mail;
}

/** Arms a measure of the next keystroke in the box: keydown → next frame painted after `input`. */
const armKeystroke = (page) =>
  page.evaluate(() => {
    const box = document.getElementById('paste');
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
    window.__key = new Promise((done) => {
      let t0 = 0;
      box.addEventListener('keydown', () => (t0 = performance.now()), { once: true });
      box.addEventListener(
        'input',
        () => requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0))),
        { once: true },
      );
    });
  });

async function keystroke(page) {
  await armKeystroke(page);
  await page.keyboard.press('x');
  return page.evaluate(() => window.__key);
}

/** Keystrokes at the end of the box's text; the median. */
async function keystrokes(page, n = 7) {
  const keys = [];
  for (let i = 0; i < n; i++) keys.push(await keystroke(page));
  return median(keys);
}

/** Dispatches a paste of `text` into the box → verdict painted, measured in the page. */
const pasteTime = (page, text) =>
  page.evaluate(
    (text) =>
      new Promise((done) => {
        const box = document.getElementById('paste');
        box.value = '';
        const t0 = performance.now();
        const data = new DataTransfer();
        data.setData('text/plain', text);
        box.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
        const shown = () => document.querySelector('[data-testid="verdict"]');
        const painted = () =>
          requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));
        if (shown()) return painted();
        new MutationObserver((_, o) => shown() && (o.disconnect(), painted())).observe(
          document.body,
          { childList: true, subtree: true },
        );
      }),
    text,
  );

/**
 * The 1 MB paste, seven times: paste → verdict painted, then the first keystroke after it (the
 * paste is held beside the box, so the keystroke starts a new check). Then the same text put in
 * the box on purpose ("Edit it in the box"): keystrokes there cost what the browser's text box costs.
 */
async function pasteAndType(page, mail) {
  const pastes = [];
  const firstKeys = [];
  for (let i = 0; i < 7; i++) {
    pastes.push(await pasteTime(page, mail));
    await page.getByTestId('held-paste').waitFor();
    firstKeys.push(await keystroke(page));
  }
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await pasteTime(page, mail);
  await page.getByRole('button', { name: 'Edit it in the box' }).click();
  await page.waitForFunction(
    (n) => document.getElementById('paste').value.length >= n,
    mail.length,
    {
      timeout: 60_000,
    },
  );
  return {
    paste: median(pastes),
    keystroke: median(firstKeys),
    editedKeystroke: await keystrokes(page),
    mailBytes: mail.length,
  };
}

export async function benchPopup(opens = 15) {
  await addBarePage();
  try {
    return await withExtension(async ({ context, extensionId }) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      const popup = [];
      const bare = [];
      // Side by side, alternating, so that the machine's load weighs on both alike.
      for (let i = 0; i < opens; i++) {
        popup.push(await openTime(page, `chrome-extension://${extensionId}/popup.html`));
        bare.push(await openTime(page, `chrome-extension://${extensionId}/${BARE_DIR}/index.html`));
      }
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await page.waitForFunction(() => document.activeElement?.id === 'paste');
      const mail = bigMail();
      const typed = await pasteAndType(page, mail);
      // The browser's own cost of a keystroke in a box holding that text, for comparison.
      await page.goto(`chrome-extension://${extensionId}/${BARE_DIR}/index.html`);
      await page.evaluate((text) => (document.getElementById('paste').value = text), mail);
      const bareKeystroke = await keystrokes(page);
      return {
        bareKeystroke,
        popup: popup.sort((a, b) => a - b),
        bare: bare.sort((a, b) => a - b),
        ratio: median(popup) / median(bare),
        ...typed,
      };
    });
  } finally {
    removeBarePage();
  }
}
