// npm run bench: the figures the issues set goals for, measured on this machine.
import { benchLinkEngine } from './bench/link-engine.mjs';
import { bundleSizes } from './bench/bundle-size.mjs';
import { benchContentScripts } from './bench/content-scripts.mjs';
import { benchPopup } from './bench/popup.mjs';
import { benchCatalog } from './bench/catalog.mjs';

const kB = (n) => `${(n / 1024).toFixed(2)} kB`;
const mark = (ok) => (ok ? 'ok  ' : 'OVER');
const rows = [];
const row = (name, value, goal, ok) => rows.push({ name, value, goal, ok });

const link = await benchLinkEngine();
row(
  `analyzeLink per input (${link.inputs} mixed inputs)`,
  `${link.analyzeUs.toFixed(2)} µs`,
  '',
  true,
);
row('new URL() per input (same inputs)', `${link.urlUs.toFixed(2)} µs`, '', true);
// A guard, not a target: readability comes first (the engine reads every way a browser could).
row('ratio analyzeLink / new URL()', link.ratio.toFixed(2), '≤ 6', link.ratio <= 6);
row(
  `findLinks on ${(link.mailBytes / 1e6).toFixed(2)} MB of mail (median of 7, ${link.found} found)`,
  `${link.findLinksMs.toFixed(1)} ms`,
  '≤ 50 ms',
  link.findLinksMs <= 50,
);
for (const [shape, { ms, growth }] of Object.entries(link.hostile)) {
  row(`analyzeLink on 100,000 characters of ${shape}`, `${ms.toFixed(1)} ms`, '≤ 50 ms', ms <= 50);
  row(`  10× the text (${shape}) → × the time`, growth.toFixed(1), '≤ 12', growth <= 12);
}

const sizes = bundleSizes();
for (const [file, size] of Object.entries(sizes.contentScripts))
  row(`content script ${file} (gzip)`, kB(size), '≤ 8 kB', size <= 8 * 1024);
row(
  `popup JS+CSS (gzip, ${sizes.popupFiles.length} files)`,
  kB(sizes.popup),
  '≤ 35 kB',
  sizes.popup <= 35 * 1024,
);
row('background (gzip)', kB(sizes.background), '', true);

const cs = await benchContentScripts();
const ms = (n) => `${n.toFixed(3)} ms`;
const stats = (xs) => [...xs].sort((a, b) => a - b);
for (const [name, idle, nav] of [
  ['myaccess', cs.myAccessIdle, cs.myAccessNav],
  ['portal', cs.portalIdle, cs.portalNav],
]) {
  const sorted = stats(nav);
  const median = sorted[Math.floor(sorted.length / 2)];
  const max = sorted[sorted.length - 1];
  const idleMedian = stats(idle)[Math.floor(idle.length / 2)];
  row(
    `${name}: first run on a page not theirs, median of ${idle.length} loads`,
    ms(idleMedian),
    '≤ 1 ms',
    idleMedian <= 1,
  );
  row(`${name}: per navigation, median of ${nav.length}`, ms(median), '≤ 1 ms', median <= 1);
  row(`${name}: per navigation, worst`, ms(max), '', true);
}

const popup = await benchPopup();
const median = (xs) => xs[Math.floor(xs.length / 2)];
row(
  `popup open to first interactive render, median of ${popup.popup.length}`,
  ms(median(popup.popup)),
  '',
  true,
);
row(
  `bare Preact page of the extension, same measure, median of ${popup.bare.length}`,
  ms(median(popup.bare)),
  '',
  true,
);
row('ratio popup / bare page (side by side)', popup.ratio.toFixed(2), '≤ 1.5', popup.ratio <= 1.5);
row('popup open, worst', ms(popup.popup[popup.popup.length - 1]), '', true);
row(
  `paste of ${(popup.mailBytes / 1e6).toFixed(2)} MB with 200 links → verdict painted, median of 7`,
  `${popup.paste.toFixed(1)} ms`,
  '≤ 300 ms',
  popup.paste <= 300,
);
row(
  'the next keystroke (the paste is held beside the box) → next frame painted, median of 7',
  `${popup.keystroke.toFixed(1)} ms`,
  '≤ 50 ms',
  popup.keystroke <= 50,
);
row(
  'a keystroke once that text is put in the box on purpose ("Edit it in the box"), median of 7',
  `${popup.editedKeystroke.toFixed(1)} ms`,
  '',
  true,
);
row(
  'the same keystroke in a bare text box holding that text (the browser alone)',
  `${popup.bareKeystroke.toFixed(1)} ms`,
  '',
  true,
);

const catalog = await benchCatalog();
row(`catalog page: ${catalog.rows}`, '', '', true);
row(`catalog page, first rows shown (median of ${catalog.loads})`, ms(catalog.first), '', true);
row(`catalog page, all 2,000 rows shown (median of ${catalog.loads})`, ms(catalog.all), '', true);
row(`popup open in the same browser (median of ${catalog.opens})`, ms(catalog.popup), '', true);
row('ratio catalog first rows / popup open', catalog.firstRatio.toFixed(2), '', true);
row('ratio catalog all rows / popup open', catalog.allRatio.toFixed(2), '', true);

const width = Math.max(...rows.map((r) => r.name.length));
for (const r of rows)
  console.log(
    `${r.goal ? mark(r.ok) : '    '}  ${r.name.padEnd(width)}  ${r.value.padStart(10)}  ${r.goal}`,
  );
const over = rows.filter((r) => r.goal && !r.ok);
console.log(
  over.length ? `\n${over.length} figure(s) over their goal.` : '\nAll figures within their goals.',
);
