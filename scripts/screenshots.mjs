// npm run screenshots: the popup's main states and the in-page notice, rendered by the built
// extension in Chromium at the popup's real size, and the popup states again in Firefox
// (`*-firefox.png`), written to docs/screenshots/.
import { fixture, G, withExtension } from '../tests/e2e/harness.mjs';
import { launchFirefox, navigateExtension } from '../tests/e2e-firefox/harness.mjs';

const OUT = 'docs/screenshots';
const wrapped = encodeURIComponent(`https://myaccess.microsoft.com/#/access-packages/${G}`);
const email =
  'Hi Anna,\n\nplease request access here:\n' +
  `https://nam12.safelinks.protection.outlook.com/?url=${wrapped}&data=05%7C02\n\nBest regards,\nBob`;
const POPUP_STATES = [
  [
    'popup-valid',
    `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`,
    'light',
  ],
  ['popup-repair', email, 'light'],
  [
    'popup-dangerous',
    `https://myaccess.microsoft.com@evil.example/#/access-packages/${G}`,
    'light',
  ],
  [
    'popup-dangerous-dark',
    `https://myaccеss.microsoft.com/@contoso.com#/access-packages/${G}`,
    'dark',
  ],
];

// `node scripts/screenshots.mjs firefox` (or `chromium`) renders one browser's shots only.
const only = process.argv[2];

if (only !== 'firefox')
  await withExtension(async ({ context, extensionId, serve }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    for (const [name, text, scheme] of POPUP_STATES) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(
        `chrome-extension://${extensionId}/popup.html?check=${encodeURIComponent(text)}`,
      );
      await page.getByTestId('verdict').waitFor();
      if (name === 'popup-repair')
        await page.getByLabel("Organisation's domain or tenant ID").fill('contoso.onmicrosoft.com');
      await page.screenshot({ path: `${OUT}/${name}.png` });
      console.log(`${OUT}/${name}.png`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await serve('https://myaccess.microsoft.com/**', fixture('my-access.html'));
    await page.setViewportSize({ width: 900, height: 420 });
    await page.goto(`https://myaccess.microsoft.com/#/access-packages/${G}`);
    await page.locator('[data-testid="ald-notice"]').getByRole('dialog').waitFor();
    await page.screenshot({ path: `${OUT}/notice.png` });
    console.log(`${OUT}/notice.png`);
  });

const firefox = only === 'chromium' ? undefined : await launchFirefox();
if (firefox)
  try {
    const page = await firefox.browser.newPage();
    await page.setViewport({ width: 400, height: 600 });
    for (const [name, text, scheme] of POPUP_STATES) {
      await firefox.colorScheme(scheme);
      await navigateExtension(page, `popup.html?check=${encodeURIComponent(text)}`);
      await page.waitForSelector('[data-testid="verdict"]');
      if (name === 'popup-repair') {
        await page.focus('#fill-directoryHint');
        await page.keyboard.type('contoso.onmicrosoft.com');
      }
      await page.screenshot({ path: `${OUT}/${name}-firefox.png` });
      console.log(`${OUT}/${name}-firefox.png`);
    }
  } finally {
    await firefox.close();
  }
