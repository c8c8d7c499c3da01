// Hostile input: text shaped to make the engine slow or make it fail, as long as the engine reads.
// vitest: own process (a main thread's stack, as a page has: a worker thread's is larger)
import { describe, expect, it } from 'vitest';
import { analyzeLink, findLinks, MAX_TEXT } from '../../lib/link';
import { HOSTILE_SHAPES } from '../fixtures/hostile-shapes';

describe('hostile input', () => {
  // Their cost (linear growth, milliseconds at 100,000 characters) is measured by `npm run bench`,
  // side by side in one run; a timed unit test fails whenever the machine is busy.
  // Tens of thousands of places in one text: more than a function call takes arguments.
  it.each(HOSTILE_SHAPES)('%s: as much as the engine reads gets a verdict', (_, make) => {
    const a = analyzeLink(make(MAX_TEXT));
    expect(['valid', 'repairable', 'invalid', 'dangerous']).toContain(a.verdict);
  });
});

describe('a line that could continue a host', () => {
  // Each extra pair of dashes once took about 2.7× the time (72 characters: 13 s; these: minutes).
  // At once now; the bound only makes a regression fail rather than hang for hours.
  it.each([
    ['dashes', `https://myaccess.microsoft.com\n${'-'.repeat(44)}!`],
    ['dashes after a tab', `https://myaccess.microsoft.com\t\n${'-'.repeat(44)}!`],
    ['dashes and labels', `https://myaccess.microsoft.com\n${'-a'.repeat(20)}${'-'.repeat(44)}!`],
  ])('%s: answered at once', { timeout: 5_000 }, (_, text) => {
    expect(findLinks(text).length).toBeGreaterThanOrEqual(1);
    expect(analyzeLink(text).verdict).not.toBe('valid');
  });
});
