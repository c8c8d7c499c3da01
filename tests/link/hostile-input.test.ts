// Hostile input: text shaped to make the engine slow or make it fail, as long as the engine reads.
// vitest: own process (a main thread's stack, as a page has: a worker thread's is larger)
import { describe, expect, it } from 'vitest';
import { analyzeLink, MAX_TEXT } from '../../lib/link';
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
