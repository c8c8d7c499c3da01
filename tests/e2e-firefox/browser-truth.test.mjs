// Differential test in Firefox: the link engine's verdicts against the host real Firefox opens for
// the same href (Firefox parses URLs with its own code, not Chromium's). The strings and the
// comparison are the Chromium suite's (tests/e2e/shared/browser-truth.mjs).
import { test } from 'node:test';
import { browserTruthTest, hrefsOnPage, PAGE, PAGE_HTML } from '../e2e/shared/browser-truth.mjs';
import { firefoxSuite } from './harness.mjs';

const ff = firefoxSuite();

test(
  'browser truth: no link Firefox takes elsewhere is called safe, and dangerous names the real host',
  { timeout: 120_000 },
  () =>
    browserTruthTest('Firefox', async (inputs) => {
      ff.serve(PAGE, PAGE_HTML);
      const page = await ff.page();
      await page.goto(PAGE);
      return hrefsOnPage(page, inputs);
    }),
);
