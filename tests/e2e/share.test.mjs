import assert from 'node:assert/strict';
import { test } from 'node:test';
import { G, withExtension } from './harness.mjs';

const LINK = `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`;

test(
  'sharing: each channel produces its compose URL, and "Copy email" puts HTML and text on the clipboard',
  { timeout: 60_000 },
  async () => {
    await withExtension(
      async ({ context, extensionId }) => {
        const page = await context.newPage();
        await page.goto(
          `chrome-extension://${extensionId}/popup.html?check=${encodeURIComponent(LINK)}`,
        );
        // Capture, do not open: the extension's own tabs API is replaced in this page only.
        await page.evaluate(() => {
          window.__opened = [];
          chrome.tabs.create = async (o) => void window.__opened.push(['create', o.url]);
          chrome.tabs.update = async (o) => void window.__opened.push(['update', o.url]);
        });
        await page.getByRole('button', { name: 'Share by email' }).click();
        await page.getByLabel('To (optional)').fill('anna@fabrikam.com');
        await page.getByLabel('Personal note (optional)').fill('Welcome aboard & see you <soon>');
        for (const name of ['Email app', 'Outlook on the web', 'Gmail']) {
          await page.getByRole('button', { name }).click();
          await page
            .getByTestId('share-status')
            .getByText(`A new email is ready in ${name}.`)
            .waitFor();
        }
        const opened = await page.evaluate(() => window.__opened);
        assert.equal(opened.length, 3);
        const [[how1, mailto], [how2, outlook], [how3, gmail]] = opened;
        assert.deepEqual([how1, how2, how3], ['update', 'create', 'create']);
        assert.match(
          mailto,
          /^mailto:anna%40fabrikam\.com\?subject=Request%20access%3A%20an%20access%20package&body=Hello%2C%0D%0A%0D%0A/,
        );
        assert.ok(decodeURIComponent(mailto).includes(LINK));
        assert.ok(decodeURIComponent(mailto).includes('Welcome aboard & see you <soon>'));
        assert.match(
          outlook,
          /^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?to=anna%40fabrikam\.com&subject=/,
        );
        assert.match(
          gmail,
          /^https:\/\/mail\.google\.com\/mail\/\?view=cm&fs=1&to=anna%40fabrikam\.com&su=/,
        );

        await page.getByRole('button', { name: 'Copy email' }).click();
        await page
          .getByTestId('share-status')
          .getByText(/Email copied/)
          .waitFor();
        const flavours = await page.evaluate(async () => {
          const [item] = await navigator.clipboard.read();
          const out = {};
          for (const type of item.types) out[type] = await (await item.getType(type)).text();
          return out;
        });
        assert.deepEqual(Object.keys(flavours).sort(), ['text/html', 'text/plain']);
        assert.ok(flavours['text/plain'].includes(LINK));
        assert.ok(flavours['text/html'].includes(`<a href="${LINK}">${LINK}</a>`));
        assert.ok(flavours['text/html'].includes('see you &lt;soon&gt;'));
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
  },
);

test('options: a custom template is used by the popup’s email', { timeout: 60_000 }, async () => {
  await withExtension(
    async ({ context, extensionId }) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await page.getByLabel(/organisation’s name/).fill('Contoso Ltd');
      await page.getByLabel('Subject').fill('Your access: {packageName}');
      await page.getByLabel('Body').fill('Hi,\n{link}\nRegards, {organization}');
      await page.getByTestId('template-preview').getByText('Regards, Contoso Ltd').waitFor();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved').waitFor();

      await page.goto(
        `chrome-extension://${extensionId}/popup.html?check=${encodeURIComponent(LINK)}`,
      );
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
    { permissions: ['clipboard-read', 'clipboard-write'] },
  );
});
