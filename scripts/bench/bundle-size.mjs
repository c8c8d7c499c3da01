// Built sizes, gzipped, of what each surface loads (the budgets live in scripts/bench.mjs).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = `${process.env.ALD_OUT_DIR ?? '.output'}/chrome-mv3`;
const gz = (file) => gzipSync(readFileSync(join(OUT, file)), { level: 9 }).length;

/** Files a page loads: its scripts, module preloads and stylesheets, read from its HTML. */
function pageAssets(html) {
  const text = readFileSync(join(OUT, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
}

export function bundleSizes() {
  const contentScripts = Object.fromEntries(
    readdirSync(join(OUT, 'content-scripts'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f, gz(`content-scripts/${f}`)]),
  );
  const popupFiles = pageAssets('popup.html');
  return {
    contentScripts,
    popup: popupFiles.reduce((n, f) => n + gz(f), 0),
    popupFiles,
    background: gz('background.js'),
  };
}
