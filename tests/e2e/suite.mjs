// The whole Chromium suite in one process: every test file here, imported in turn, so that their
// tests share one browser (`shareOneBrowser` in harness.mjs; a launch costs about 5 s). One file
// still runs alone with `node --test tests/e2e/<file>.test.mjs`.
import { readdirSync } from 'node:fs';

const here = new URL('./', import.meta.url);
for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.test.mjs'))
  .sort())
  await import(new URL(file, here).href);
