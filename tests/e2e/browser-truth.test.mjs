// Differential test: the link engine's verdicts against the host real Chromium opens for the same href.
// The engine is bundled from its TypeScript source, so this judges the current code, not a build.
// The comparison is shared with the Firefox suite (tests/e2e/shared/browser-truth.mjs).
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { findChromium } from '../../scripts/chromium-path.mjs';
import { CHROMIUM_ARGS } from './harness.mjs';
import { browserTruthTest, hrefsOnPage, PAGE, PAGE_HTML } from './shared/browser-truth.mjs';

/** What Chromium makes of each string as an `<a href>` (see `hrefHosts`). */
async function hrefsInChromium(inputs) {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error(
      'Chromium not found: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.',
    );
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    timeout: 15_000,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    // Nothing leaves the machine; only the fixture page is answered. (Later routes take precedence.)
    await context.route(
      () => true,
      (route) => route.abort('blockedbyclient'),
    );
    await context.route(PAGE, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: PAGE_HTML,
      }),
    );
    const page = await context.newPage();
    await page.goto(PAGE);
    return await hrefsOnPage(page, inputs);
  } finally {
    await browser.close().catch(() => {});
  }
}

test(
  'browser truth: no link Chromium takes elsewhere is called safe, and dangerous names the real host',
  { timeout: 30_000 },
  () => browserTruthTest('Chromium', hrefsInChromium),
);
