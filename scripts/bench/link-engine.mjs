// The link engine's cost per input beside a bare `new URL()`, and findLinks over 1 MB of mail.
import { loadTs } from './load-ts.mjs';

const { analyzeLink, findLinks } = await loadTs('lib/link/index.ts');
const { ALL_ROWS } = await loadTs('tests/fixtures/link-rows.ts');
const { HOSTILE_SHAPES } = await loadTs('tests/fixtures/hostile-shapes.ts');

function timePerCall(fn, inputs, minMs = 400) {
  for (const s of inputs) fn(s); // warm-up: let the JIT settle
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const s of inputs) fn(s);
    calls += inputs.length;
    elapsed = performance.now() - start;
  }
  return (elapsed * 1000) / calls; // µs per call
}

export async function benchLinkEngine() {
  // A mixed set: every table row that is one link (no prose, not oversized), plus variants.
  const base = Object.values(ALL_ROWS)
    .flat()
    .map((r) => r.input)
    .filter((s) => s.length < 4096 && !/\s/.test(s.trim()));
  const inputs = [];
  for (let i = 0; inputs.length < 1200; i++) {
    const s = base[i % base.length];
    inputs.push(i < base.length ? s : s.replace(/contoso/g, `contoso${i}`));
  }
  const bareUrl = (s) => {
    try {
      return new URL(s);
    } catch {
      return null;
    }
  };
  // Alternate the two, five rounds each, and keep the medians: one noisy round does not decide.
  const engineRuns = [];
  const urlRuns = [];
  for (let round = 0; round < 5; round++) {
    engineRuns.push(timePerCall(analyzeLink, inputs, 200));
    urlRuns.push(timePerCall(bareUrl, inputs, 200));
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const engine = median(engineRuns);
  const url = median(urlRuns);

  const para =
    'Hello Anna, thanks for the call today. The quarterly report is attached: ' +
    'https://www.contoso.com/reports/q3?lang=en\n' +
    '> quoted reply text from an earlier mail, with a signature and a footer.\n';
  let mail = '';
  while (mail.length < 1_000_000) mail += para;
  mail =
    mail.slice(0, 500_000) +
    '\nhttps://nam12.safelinks.protection.outlook.com/?url=' +
    encodeURIComponent(
      'https://myaccess.microsoft.com/@contoso.com#/access-packages/6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
    ) +
    '&data=05\n' +
    mail.slice(500_000);
  const runs = [];
  let found = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    found = findLinks(mail).length;
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);

  // Hostile text, one shape at a time: the best of five runs at 100,000 characters, and how the
  // cost grows from 10,000 to there (the best runs of each size, taken in turns). Quadratic cost
  // would show as about 100×; at a megabyte the collector blurs the ratio more than the engine.
  const time = (text) => {
    const t0 = performance.now();
    analyzeLink(text);
    return performance.now() - t0;
  };
  const hostile = {};
  for (const [name, make] of HOSTILE_SHAPES) {
    const small = make(10_000);
    const large = make(100_000);
    time(small); // warm-up: the first runs of a shape measure the JIT, not the engine
    time(large);
    let smallMs = Infinity;
    let largeMs = Infinity;
    for (let round = 0; round < 5; round++) {
      smallMs = Math.min(smallMs, time(small));
      largeMs = Math.min(largeMs, time(large));
    }
    // Below half a millisecond, timer noise dominates the small run.
    hostile[name] = { ms: largeMs, growth: largeMs / Math.max(smallMs, 0.5) };
  }
  return {
    hostile,
    inputs: inputs.length,
    analyzeUs: engine,
    urlUs: url,
    ratio: engine / url,
    findLinksMs: runs[Math.floor(runs.length / 2)],
    mailBytes: mail.length,
    found,
  };
}
