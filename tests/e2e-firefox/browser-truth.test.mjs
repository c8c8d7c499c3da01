// Differential test in Firefox: the link engine's verdicts against the host real Firefox opens for
// the same href (Firefox parses URLs with its own code, not Chromium's). The strings and the
// comparison are the Chromium suite's (tests/e2e/shared/browser-truth.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadTs } from '../../scripts/bench/load-ts.mjs';
import { browserTruthCases } from '../e2e/browser-truth-strings.mjs';
import { BATCH, hrefHosts, judgeAgainstBrowser } from '../e2e/shared/browser-truth.mjs';
import { firefoxSuite } from './harness.mjs';

const ff = firefoxSuite();
const PAGE = 'https://fixture.test/';

test(
  'browser truth: no link Firefox takes elsewhere is called safe, and dangerous names the real host',
  { timeout: 120_000 },
  async () => {
    const started = Date.now();
    const { analyzeLink } = await loadTs(
      fileURLToPath(new URL('../../lib/link/index.ts', import.meta.url)),
    );
    const cases = browserTruthCases();
    assert.ok(cases.length >= 2000, `only ${cases.length} strings generated`);
    ff.serve(PAGE, '<!doctype html><title>browser truth</title>');
    const page = await ff.page();
    await page.goto(PAGE);
    const inputs = cases.map((c) => c.input);
    const results = [];
    for (let i = 0; i < inputs.length; i += BATCH)
      results.push(...(await page.evaluate(hrefHosts, inputs.slice(i, i + BATCH))));
    const { lines, failure } = judgeAgainstBrowser({
      name: 'Firefox',
      cases,
      results,
      analyzeLink,
      started,
    });
    console.log(lines.join('\n'));
    if (failure) assert.fail(failure);
  },
);
