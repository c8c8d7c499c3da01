// The whole Chromium suite in one process: every test file here, imported in turn, so that their
// tests share one browser (`shareOneBrowser` in harness.mjs; a launch costs about 5 s). One file
// still runs alone with `node --test tests/e2e/<file>.test.mjs`.
import { readdirSync } from 'node:fs';

// A browser launched with other flags or another build is a new launch: the files that sign in
// (their browser maps the sign-in host) come first, together; the policy test (its own build) last.
const FIRST = ['catalog.test.mjs', 'graph.test.mjs'];
const LAST = ['policy.test.mjs'];
const rank = (file) => (FIRST.includes(file) ? 0 : LAST.includes(file) ? 2 : 1);

const here = new URL('./', import.meta.url);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.test.mjs'))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
for (const file of files) await import(new URL(file, here).href);
