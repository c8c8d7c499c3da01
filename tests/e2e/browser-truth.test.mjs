// Differential test: the link engine's verdicts against the host real Chromium opens for the same href.
// The engine is bundled from its TypeScript source, so this judges the current code, not a build.
// The comparison is shared with the Firefox suite (tests/e2e/shared/browser-truth.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from '../../scripts/chromium-path.mjs';
import { loadTs } from '../../scripts/bench/load-ts.mjs';
import { browserTruthCases } from './browser-truth-strings.mjs';
import { BATCH, hrefHosts, judgeAgainstBrowser } from './shared/browser-truth.mjs';

const PAGE = 'https://fixture.test/';

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
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--lang=en-US',
    ],
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
        body: '<!doctype html><title>browser truth</title>',
      }),
    );
    const page = await context.newPage();
    await page.goto(PAGE);
    const out = [];
    for (let i = 0; i < inputs.length; i += BATCH)
      out.push(...(await page.evaluate(hrefHosts, inputs.slice(i, i + BATCH))));
    return out;
  } finally {
    await browser.close().catch(() => {});
  }
}

test(
  'browser truth: no link Chromium takes elsewhere is called safe, and dangerous names the real host',
  { timeout: 30_000 },
  async () => {
    const started = Date.now();
    const { analyzeLink } = await loadTs(
      fileURLToPath(new URL('../../lib/link/index.ts', import.meta.url)),
    );
    const cases = browserTruthCases();
    assert.ok(cases.length >= 2000, `only ${cases.length} strings generated`);
    const results = await hrefsInChromium(cases.map((c) => c.input));
    const { lines, failure } = judgeAgainstBrowser({
      name: 'Chromium',
      cases,
      results,
      analyzeLink,
      started,
    });
    console.log(lines.join('\n'));
    if (failure) assert.fail(failure);
  },
);
