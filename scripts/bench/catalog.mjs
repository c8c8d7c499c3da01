// The catalog page in Chromium: time to its first rows and to all 2,000 rows of 100 catalogs
// (a generated tenant behind a fake Graph), beside the popup's own open time in the same browser,
// so the ratios hold across machines. Sign-in goes through the fake identity platform of the tests.
import { answerGraph, generateTenant } from '../../tests/fixtures/catalog-tenant.mjs';
import { withExtension } from '../../tests/e2e/harness.mjs';
import {
  allowGraphHosts,
  fakeAuthorizeServer,
  json,
  routeTokenEndpoint,
  signIn,
} from '../../tests/e2e/graph-fakes.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mark = (page, name) =>
  page
    .waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 120_000 })
    .then(() => page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, name));

export async function benchCatalog({ opens = 15, loads = 5 } = {}) {
  const tenant = generateTenant();
  const authorize = await fakeAuthorizeServer();
  try {
    return await withExtension(
      async ({ context, extensionId }) => {
        await allowGraphHosts(context, extensionId);
        await routeTokenEndpoint(context, authorize);
        await context.route('https://graph.microsoft.com/**', (route) => {
          const a = answerGraph(tenant, route.request().url());
          return json(route, a.status, a.body);
        });
        const options = await context.newPage();
        await signIn(options, extensionId);
        await options
          .getByTestId('graph-status')
          .filter({ hasText: /Signed in/ })
          .waitFor({ timeout: 20_000 });
        await options.close();

        const page = await context.newPage();
        const popup = [];
        for (let i = 0; i < opens; i++) {
          await page.goto(`chrome-extension://${extensionId}/popup.html`);
          popup.push(await mark(page, 'ald:popup-ready'));
        }
        const first = [];
        const all = [];
        for (let i = 0; i < loads; i++) {
          await page.goto(`chrome-extension://${extensionId}/catalog.html`);
          first.push(await mark(page, 'ald:catalog-first-rows'));
          all.push(await mark(page, 'ald:catalog-all-rows'));
        }
        const rows = await page.getByTestId('catalog-progress').textContent();
        const p = median(popup);
        return {
          popup: p,
          first: median(first),
          all: median(all),
          firstRatio: median(first) / p,
          allRatio: median(all) / p,
          opens,
          loads,
          rows,
        };
      },
      {
        args: [
          `--host-resolver-rules=MAP login.microsoftonline.com 127.0.0.1:${authorize.port}`,
          '--ignore-certificate-errors',
        ],
      },
    );
  } finally {
    await authorize.close();
  }
}

// Alone: `node scripts/bench/catalog.mjs` after a build.
if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchCatalog());
