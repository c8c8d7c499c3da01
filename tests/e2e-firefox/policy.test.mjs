// An administrator's policies.json, for real: written (as root) where Firefox on Linux reads it,
// given by Firefox to the add-on as its storage.managed, removed after this file's tests.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fixture, G } from '../e2e/shared/fixtures.mjs';
import {
  firefoxPolicySkipReason,
  TEST_POLICY,
  writeFirefoxPolicy,
} from '../e2e/shared/managed-policy.mjs';
import { PASTE_LABEL } from '../e2e/shared/journeys.mjs';
import { byLabel, eventually, firefoxSuite, replaceText, textOf } from './harness.mjs';

const skip = firefoxPolicySkipReason();
let removePolicy = () => {};
// Written before the suite's Firefox starts (hooks run in the order they are registered).
before(() => void (skip || (removePolicy = writeFirefoxPolicy(TEST_POLICY))));
const ff = skip ? null : firefoxSuite();
// Kept until the end: removed as soon as Firefox had started, it never reached the add-on (153 ESR).
after(() => removePolicy());

/** The in-page directory notice's text, read through its open shadow root. */
const pageNotice = (page) =>
  page.evaluate(
    () =>
      document.querySelector('[data-testid="ald-directory-notice"]')?.shadowRoot?.textContent ??
      null,
  );

test(
  'policy in Firefox: a locked hint in the options, known directories in the popup and on the page',
  { skip: skip ?? false },
  async () => {
    assert.deepEqual(
      await ff.ext(() => browser.storage.managed.get('organization')),
      { organization: 'Contoso' },
      'Firefox gives the add-on the policy as its managed storage',
    );

    const options = await ff.extensionPage('options.html');
    await options.waitForSelector('#default-hint');
    const field = (id) => options.$eval(id, (el) => ({ value: el.value, readOnly: el.readOnly }));
    assert.deepEqual(await field('#default-hint'), {
      value: 'contoso.onmicrosoft.com',
      readOnly: true,
    });
    assert.match(await textOf(options, 'label[for="default-hint"]'), /Set by your organisation/);
    // Unlocked: a default the user may change.
    assert.deepEqual(await field('#organization'), { value: 'Contoso', readOnly: false });
    assert.equal((await field('#email-language')).value, 'nl');
    assert.match(await textOf(options, '[data-testid="known-directories"]'), /Fabrikam/);
    const notes = await textOf(options, '[data-testid="policy-notes"]');
    assert.match(notes, /knownDirectories\[1\]/);
    assert.match(notes, /favouriteColour/);

    const popup = await ff.extensionPage('popup.html');
    const paste = await byLabel(popup, PASTE_LABEL);
    const note = () => textOf(popup, '[data-testid="directory-note"]');
    await replaceText(
      popup,
      paste,
      `https://myaccess.microsoft.com/@contoso-partners.com#/access-packages/${G}`,
    );
    assert.match(
      await eventually(note, (text) => /known partners/.test(text ?? '')),
      /This link is for contoso-partners\.com, which is not one of your organisation’s known partners/,
    );
    await replaceText(
      popup,
      paste,
      `https://myaccess.microsoft.com/@fabrikam.com#/access-packages/${G}`,
    );
    assert.match(
      await eventually(note, (text) => /Fabrikam/.test(text ?? '')),
      /This link is for Fabrikam \(fabrikam\.com\)/,
    );

    // The same warning on the My Access page the link opens; none for a known directory.
    ff.serve('https://myaccess.microsoft.com/', fixture('my-access.html'));
    const page = await ff.page();
    await page.goto(`https://myaccess.microsoft.com/@contoso-partners.com#/access-packages/${G}`);
    assert.match(
      await eventually(
        () => pageNotice(page),
        (text) => text !== null,
      ),
      /contoso-partners\.com, which is not one/,
    );
    await page.goto(`https://myaccess.microsoft.com/@fabrikam.com#/access-packages/${G}`);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await pageNotice(page), null);
  },
);
