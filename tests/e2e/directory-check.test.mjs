// The opt-in directory check in real Chromium, against saved answers of Microsoft's discovery
// endpoint (tests/fixtures/openid/): nothing reaches the network.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extensionTest, G, shareOneBrowser } from './harness.mjs';

shareOneBrowser();

const saved = (name) => readFileSync(`tests/fixtures/openid/${name}`, 'utf8');
const ANSWERS = {
  'contoso.com': [200, 'found.json'],
  'contoso-gov.us': [200, 'usgov-gcc-high.json'],
  'contoso-partnrs.com': [400, 'not-found.json'],
  'captive.example': [200, 'malformed.txt'],
};

/** Headless Chromium shows no permission prompt: allow the host as the user's "Allow" would. */
async function allowLoginHost(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome://extensions/?id=${extensionId}`);
  await page.evaluate(
    ([id, origin]) => new Promise((r) => chrome.developerPrivate.addHostPermission(id, origin, r)),
    [extensionId, 'https://login.microsoftonline.com/*'],
  );
  await page.close();
}

extensionTest(
  'directory check: opt-in, then found, US Government (cloud mismatch), not found, not checked',
  async ({ context, extensionId }) => {
    const asked = [];
    await context.route('https://login.microsoftonline.com/**', (route) => {
      const url = new URL(route.request().url());
      const hint = decodeURIComponent(url.pathname.split('/')[1] ?? '');
      asked.push(url.pathname);
      const answer = ANSWERS[hint];
      if (!answer) return route.abort('internetdisconnected');
      return route.fulfill({
        status: answer[0],
        contentType: answer[1].endsWith('.json') ? 'application/json' : 'text/html',
        body: saved(answer[1]),
      });
    });
    const popup = await context.newPage();
    const paste = async (hint) => {
      await popup
        .getByLabel('Paste a link or a whole email')
        .fill(`https://myaccess.microsoft.com/@${hint}#/access-packages/${G}`);
      await popup.getByTestId('verdict').waitFor();
    };
    // Off by default: nothing is asked.
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await paste('contoso.com');
    await popup.waitForTimeout(300);
    assert.equal(await popup.getByTestId('directory-note').count(), 0);
    assert.deepEqual(asked, []);

    await allowLoginHost(context, extensionId);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const box = options.getByLabel('Check directories with Microsoft');
    await box.check();
    await options.getByTestId('save-status').getByText('Saved').waitFor();
    assert.equal(await box.isChecked(), true);

    await popup.reload();
    const note = popup.getByTestId('directory-note');
    const codes = () =>
      note.locator('p').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-code')));
    await paste('contoso.com');
    await note.locator('[data-code="found"]').waitFor();
    assert.match(await note.textContent(), /tenant 3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b/);
    assert.deepEqual(asked, ['/contoso.com/v2.0/.well-known/openid-configuration']);

    await paste('contoso-gov.us');
    await note.locator('[data-code="cloud-mismatch"]').waitFor();
    assert.deepEqual(await codes(), ['found', 'cloud-mismatch']);
    assert.match(await note.textContent(), /GCC High/);

    await paste('contoso-partnrs.com');
    await note.locator('[data-code="not-found"]').waitFor();
    await paste('captive.example');
    await note.locator('[data-code="not-checked"]').waitFor();
    await paste('offline.example');
    await note.locator('[data-code="not-checked"]').waitFor();

    // A day's cache: the same directory again asks nothing.
    const before = asked.length;
    await paste('contoso.com');
    await note.locator('[data-code="found"]').waitFor();
    assert.equal(asked.length, before);
  },
  { timeout: 90_000 },
);
