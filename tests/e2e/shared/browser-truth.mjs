// The browser-truth differential test, shared by Chromium (tests/e2e/browser-truth.test.mjs) and
// Firefox (tests/e2e-firefox/browser-truth.test.mjs): what a browser makes of each string as an
// `<a href>`, and how the link engine's verdicts must agree with it.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadTs } from '../../../scripts/bench/load-ts.mjs';
import { browserTruthCases } from '../browser-truth-strings.mjs';

export const OFFICIAL = new Set(['myaccess.microsoft.com', 'myaccess.microsoft.us']);
// A verdict of dangerous on a link that does open an official host is acceptable only for a
// disguise: the link looks like something else than it is, even if it happens to land well.
export const DISGUISE = new Set([
  'host-userinfo',
  'host-backslash',
  'host-encoded',
  'host-non-ascii',
  'host-punycode',
  'host-malformed',
  'hint-punycode',
  'hint-non-ascii',
  'text-target-mismatch',
  'link-embedded',
  'scheme-unsafe',
]);
export const BATCH = 4000;
// The page the strings are tried in, and what it is answered with.
export const PAGE = 'https://fixture.test/';
export const PAGE_HTML = '<!doctype html><title>browser truth</title>';
const SHOWN = 40;

// JSON with every non-ASCII character escaped: the separators are mostly invisible.
const show = (v) =>
  JSON.stringify(v).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
const stripDot = (host) => (host && host.endsWith('.') ? host.slice(0, -1) : host);

/** A host name someone could register or an IP address: anything else leads nowhere. */
export function ownable(host) {
  if (/^\[[0-9a-f:.]+\]$/i.test(host) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) return true;
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.?$/i.test(host);
}

function nodeHost(s) {
  try {
    return new URL(s).hostname;
  } catch {
    return null;
  }
}

/**
 * Runs in a page: what the browser makes of each string as an `<a href>`, the resolved href and the
 * hosts it reaches. The first host is where the click goes; through a genuine wrapper (Safe Links,
 * Proofpoint v2, Google) the user lands on its target, so that target is followed, as the browser's
 * `URL` reads it. No hosts: the href does not parse and the browser opens nothing.
 */
export function hrefHosts(strings) {
  // Only the real wrapper services redirect; a look-alike host (google.zz) is a destination.
  const targetOf = (url) => {
    const q = url.searchParams;
    if (
      /^[a-z0-9-]+\.safelinks\.protection\.outlook\.com$/.test(url.hostname) &&
      url.pathname === '/'
    )
      return q.get('url');
    if (url.hostname === 'urldefense.proofpoint.com' && url.pathname === '/v2/url') {
      try {
        return decodeURIComponent((q.get('u') ?? '').replace(/-/g, '%').replace(/_/g, '/'));
      } catch {
        return null;
      }
    }
    if (
      (url.hostname === 'www.google.com' || url.hostname === 'google.com') &&
      url.pathname === '/url'
    )
      return q.get('q') ?? q.get('url');
    return null;
  };
  return strings.map((s) => {
    const a = document.createElement('a');
    a.setAttribute('href', s);
    const href = a.href;
    const hosts = [];
    // An href that does not parse comes back as the raw value, and `URL` throws on it.
    let url;
    try {
      url = new URL(href);
    } catch {
      return [href, hosts];
    }
    hosts.push(url.hostname);
    for (let depth = 0; depth < 3; depth++) {
      const target = targetOf(url);
      if (!target) break;
      // A wrapper does not redirect to a relative or non-web target: the user stays on it.
      try {
        url = new URL(target);
      } catch {
        break;
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') break;
      hosts.push(url.hostname);
    }
    return [href, hosts];
  });
}

/**
 * Compares the link engine's verdict on each case with what the browser made of it (`results`,
 * from `hrefHosts` in a page): no link the browser takes elsewhere may be called safe, and a
 * dangerous verdict names the host the browser really reaches. Returns the report's lines and,
 * when any case disagrees, the failure message.
 */
export function judgeAgainstBrowser({ name, cases, results, analyzeLink, started }) {
  const lines = [];
  let failure = null;
  const mismatches = [];
  const nodeDiffs = [];
  let unparsed = 0;
  let unreachable = 0;
  let openNothingCalledSafe = 0;
  let disguisedOfficial = 0;
  let foreign = 0;
  let followed = 0;
  for (let i = 0; i < cases.length; i++) {
    const { input, how, group } = cases[i];
    const [href, hosts] = results[i];
    const first = hosts[0] ?? null;
    const node = nodeHost(input);
    if (node !== first) nodeDiffs.push({ input, node, browser: first });
    const a = analyzeLink(input);
    // A host no one can own opens nothing: DNS delegates only names of letters, digits and hyphens
    // (punycode for the rest), and a browser refuses a `%20` it kept for a space before any request.
    const refused = first !== null && hosts.some((h) => !ownable(h));
    if (first === null || refused) {
      if (refused) unreachable++;
      else unparsed++;
      // Not a safety failure (the browser opens nothing), but worth knowing.
      if (a.verdict === 'valid' || a.verdict === 'repairable') openNothingCalledSafe++;
      continue;
    }
    if (hosts.length > 1) followed++;
    // Where the user lands: the last host reached.
    const host = stripDot(hosts.at(-1));
    const codes = a.problems.map((p) => p.code);
    const real = stripDot(a.realHost);
    let kind = null;
    if (!OFFICIAL.has(host)) {
      foreign++;
      if (a.verdict === 'valid' || a.verdict === 'repairable')
        kind = 'called safe, lands elsewhere';
      else if (a.verdict === 'dangerous' && real !== host) kind = 'dangerous, wrong realHost';
    } else if (a.verdict === 'dangerous') {
      if (codes.some((c) => DISGUISE.has(c))) disguisedOfficial++;
      else kind = 'dangerous on an official host, no disguise code';
    }
    if (kind)
      mismatches.push({
        kind,
        input,
        how,
        group,
        verdict: a.verdict,
        realHost: a.realHost,
        codes,
        hosts,
        href,
      });
  }

  const byKind = {};
  const byGroup = new Map();
  const firstOfGroup = new Map();
  for (const m of mismatches) {
    byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
    const key = `${m.kind} | ${m.group}`;
    byGroup.set(key, (byGroup.get(key) ?? 0) + 1);
    if (!firstOfGroup.has(key)) firstOfGroup.set(key, m);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  lines.push(
    `browser-truth (${name}): ${cases.length} strings compared, ${unparsed} not parsed by ${name}, ${unreachable} parsed to a host no one can own (${openNothingCalledSafe} of the strings that open nothing are called valid/repairable), ${followed} followed through a wrapper, ${foreign} land on a non-official host, ` +
      `${disguisedOfficial} official but called dangerous for a disguise, ${mismatches.length} mismatches, ` +
      `${nodeDiffs.length} where Node's URL host differs from ${name}'s (${seconds} s)`,
  );
  if (nodeDiffs.length) {
    // One example per pair of answers: the same quirk repeats across every link and wrapper.
    const pairs = new Map();
    for (const d of nodeDiffs) {
      const key = `node=${show(d.node)} ${name.toLowerCase()}=${show(d.browser)}`;
      const seen = pairs.get(key);
      if (seen) seen.count++;
      else pairs.set(key, { count: 1, input: d.input });
    }
    lines.push(`Node new URL(s).hostname vs ${name} a.href host, ${pairs.size} distinct pairs:`);
    for (const [key, { count, input }] of pairs)
      lines.push(`  ${count}x ${key}  e.g. ${show(input)}`);
  }

  if (mismatches.length) {
    // The first of each kind and family, then the rest in order: 40 of one family would hide the others.
    const firsts = new Set(firstOfGroup.values());
    const shown = [...firsts, ...mismatches.filter((m) => !firsts.has(m))].slice(0, SHOWN);
    const examples = shown.map(
      (m, n) =>
        `${n + 1}. [${m.kind}] ${show(m.input)}\n` +
        `   built as: ${m.how}\n` +
        `   engine: ${m.verdict} realHost=${show(m.realHost)} codes=[${m.codes.join(', ')}]\n` +
        `   browser: ${m.hosts.map(show).join(' -> ')} href=${show(m.href)}`,
    );
    failure =
      `${mismatches.length} of ${cases.length} strings disagree with ${name} ` +
      `(${unparsed} not parsed by ${name}, ${unreachable} unreachable; by kind: ${Object.entries(
        byKind,
      )
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ')}).\n` +
      `By kind and family:\n${[...byGroup]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `  ${v}\t${k}`)
        .join('\n')}\n` +
      `First ${shown.length} (one per kind and family first):\n${examples.join('\n')}`;
  }
  return { lines, failure };
}

/** What the browser makes of each string in `page` (an open PAGE), in batches of BATCH. */
export async function hrefsOnPage(page, inputs) {
  const out = [];
  for (let i = 0; i < inputs.length; i += BATCH)
    out.push(...(await page.evaluate(hrefHosts, inputs.slice(i, i + BATCH))));
  return out;
}

/**
 * The whole differential test for the browser `name`: bundles the link engine from its
 * TypeScript source, asks `readHrefs(inputs)` what the browser makes of every generated string,
 * prints the report and fails on any disagreement.
 */
export async function browserTruthTest(name, readHrefs) {
  const started = Date.now();
  const { analyzeLink } = await loadTs(
    fileURLToPath(new URL('../../../lib/link/index.ts', import.meta.url)),
  );
  const cases = browserTruthCases();
  assert.ok(cases.length >= 2000, `only ${cases.length} strings generated`);
  const results = await readHrefs(cases.map((c) => c.input));
  const { lines, failure } = judgeAgainstBrowser({ name, cases, results, analyzeLink, started });
  console.log(lines.join('\n'));
  if (failure) assert.fail(failure);
}
