// An administrator's managed policy, for real: written to Chromium's policy folder (as root) for
// this run, read by the browser into the extension's storage.managed, removed afterwards.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, G, withExtension } from './harness.mjs';
import {
  buildTestExtension,
  policySkipReason,
  TEST_EXTENSION_ID,
  TEST_POLICY,
  withChromiumPolicy,
} from './shared/managed-policy.mjs';

const skip = policySkipReason();

test(
  'policy: a locked hint in the options, known directories in the popup and on the page',
  { timeout: 240_000, skip: skip ?? false },
  async (t) => {
    // Its own build, with a key: the policy names the extension by its id, which the key pins.
    const outDir = mkdtempSync(join(tmpdir(), 'ald-policy-build-'));
    t.after(() => rmSync(outDir, { recursive: true, force: true }));
    const extensionDir = buildTestExtension(outDir);
    await withChromiumPolicy(TEST_POLICY, () =>
      withExtension(
        async ({ context, extensionId, serve }) => {
          assert.equal(extensionId, TEST_EXTENSION_ID, 'the test build’s id is pinned by its key');

          const options = await context.newPage();
          await options.goto(`chrome-extension://${extensionId}/options.html`);
          const hint = options.locator('#default-hint');
          await hint.waitFor();
          assert.equal(await hint.inputValue(), 'contoso.onmicrosoft.com');
          assert.equal(await hint.evaluate((el) => el.readOnly), true);
          assert.match(
            await options.locator('label[for="default-hint"]').textContent(),
            /Set by your organisation/,
          );
          // Unlocked: a default the user may change.
          const org = options.locator('#organization');
          assert.equal(await org.inputValue(), 'Contoso');
          assert.equal(await org.evaluate((el) => el.readOnly), false);
          assert.equal(await options.locator('#email-language').inputValue(), 'nl');
          const list = await options.getByTestId('known-directories').textContent();
          assert.match(list, /Fabrikam/);
          const notes = await options.getByTestId('policy-notes').textContent();
          assert.match(notes, /knownDirectories\[1\]/);
          assert.match(notes, /favouriteColour/);

          const popup = await context.newPage();
          await popup.goto(`chrome-extension://${extensionId}/popup.html`);
          const paste = popup.getByLabel('Paste a link or a whole email');
          await paste.fill(
            `https://myaccess.microsoft.com/@contoso-partners.com#/access-packages/${G}`,
          );
          const note = popup.getByTestId('directory-note');
          assert.equal(await note.getAttribute('data-standing'), 'unknown');
          assert.match(
            await note.textContent(),
            /This link is for contoso-partners\.com, which is not one of your organisation’s known partners/,
          );
          await paste.fill(`https://myaccess.microsoft.com/@fabrikam.com#/access-packages/${G}`);
          assert.match(
            await popup.getByTestId('directory-note').textContent(),
            /This link is for Fabrikam \(fabrikam\.com\)/,
          );

          // The same warning on the My Access page the link opens.
          await serve('https://myaccess.microsoft.com/**', fixture('my-access.html'));
          const page = await context.newPage();
          await page.goto(
            `https://myaccess.microsoft.com/@contoso-partners.com#/access-packages/${G}`,
          );
          const pageNote = page.getByTestId('ald-directory-notice');
          await pageNote.waitFor();
          assert.match(
            await pageNote.locator('p').textContent(),
            /contoso-partners\.com, which is not one/,
          );
          await page.goto(`https://myaccess.microsoft.com/@fabrikam.com#/access-packages/${G}`);
          await page.waitForTimeout(500);
          assert.equal(await page.getByTestId('ald-directory-notice').count(), 0);
        },
        { extensionDir },
      ),
    );
  },
);
