// Finds every link in a text and judges each as a browser would open it. The text is read as it
// is and, when it holds entities or quoted-printable, decoded too; each stretch of it is read in
// every way a browser or a mail client could (readings.ts), and one verdict is kept per stretch:
// the most dangerous reading if any is dangerous, otherwise the most complete.
import { decodeText } from './decode-text';
import { judgeUrl, type Judged } from './judge-url';
import { markupLinks, markupReading, type Anchor } from './markup';
import { addProblems } from './problems';
import { browserReading, memoJudge, readingsOf, type Judge, type Reading } from './readings';
import type { LinkAnalysis } from './types';

/** The readings of one stretch [start, end) of the user's text. */
interface Stretch {
  start: number;
  end: number;
  readings: Reading[];
}

/** How much of a text is read (twice the largest email the bench times: about 40 ms per megabyte). */
export const MAX_TEXT = 2_000_000;

// A plain-text mailer breaks a long link over at most a few lines.
const MAX_JOINS = 4;
// `<https://…>` broken over lines: how far the brackets are followed.
const MAX_BRACKET_RUNS = 8;

/** No whitespace of any kind, nothing a linkifier stops at, no markup, no entity or quoted-printable escape. */
function isOnePlainRun(s: string): boolean {
  return (
    !/[\s"'`<>|[\]。，、；！？]/.test(s) &&
    !(s.includes('&') && /&(?:[a-z]{2,8};|#)/i.test(s)) &&
    !s.includes('=3D')
  );
}

const judgeOnce: Judge = (url, wrapped) => judgeUrl(url, url, { wrapped });

/** Every My Access link (or look-alike) in a text, in order, each tied to its span of the text. */
export function findLinks(text: string): LinkAnalysis[] {
  const whole = typeof text === 'string' ? text : String(text ?? '');
  // Cut before anything else reads it: a paste longer than this is no email a person sent.
  const original = whole.length > MAX_TEXT ? whole.slice(0, MAX_TEXT) : whole;
  // The usual paste, one link alone, has nothing to decode, no markup and no pieces: its one stretch
  // is read at once (the same readings the general path below would make of it).
  if (isOnePlainRun(original)) {
    const chosen =
      original.length >= 8 ? choose(readingsOf(original, true, false, judgeOnce)) : undefined;
    return chosen ? [placed(chosen, original, 0, original.length, true)] : [];
  }
  const judge = memoJudge();
  // The decoded reading first: where both read a link equally well, its form is the cleaner one.
  // (Joined with concat, not push(...): a long text has more stretches than a call takes arguments.)
  const decoded = decodeText(original);
  const stretches = (
    decoded ? stretchesOf(decoded.text, (i) => decoded.from[i]!, false, judge) : []
  ).concat(stretchesOf(original, (i) => i, true, judge));
  return verdicts(original, merged(stretches));
}

/** The anchors of an HTML paste or page: each target judged against the text it shows. */
export function findLinksInAnchors(anchors: Anchor[]): LinkAnalysis[] {
  const out: LinkAnalysis[] = [];
  const already = reported();
  for (const anchor of anchors) {
    const href = String(anchor?.href ?? '');
    const reading = markupReading(href, String(anchor?.text ?? ''), true, findLinks);
    if (!reading || already(reading.judged.analysis)) continue;
    out.push({ ...reading.judged.analysis, input: href });
  }
  return out;
}

/** One verdict per stretch, in text order; a link found twice (HTML and plain parts of a mail) once. */
function verdicts(original: string, stretches: Stretch[]): LinkAnalysis[] {
  const out: LinkAnalysis[] = [];
  const already = reported();
  for (const { start, end, readings } of stretches) {
    const chosen = choose(readings);
    if (!chosen) continue;
    if (already(chosen.judged.analysis)) {
      // A thread quoting one link 200 times: one entry, with how often it appears.
      const a = chosen.judged.analysis;
      const first = out.find(
        (l) => (l.canonical ?? l.link) === (a.canonical ?? a.link) && l.verdict === a.verdict,
      );
      if (first) first.count = (first.count ?? 1) + 1;
      continue;
    }
    out.push(placed(chosen, original, start, end, false));
  }
  return out;
}

/**
 * Remembers the links reported: two finds are the same link when they lead to the same place with
 * the same verdict (a mismatch is not its own target).
 */
function reported() {
  const seen = new Map<string, Set<LinkAnalysis['verdict']>>();
  return (analysis: LinkAnalysis): boolean => {
    const place = analysis.canonical ?? analysis.link;
    const verdicts = seen.get(place) ?? seen.set(place, new Set()).get(place)!;
    if (verdicts.has(analysis.verdict)) return true;
    verdicts.add(analysis.verdict);
    return false;
  };
}

/**
 * The chosen reading's analysis, tied to its span [start, end) of the user's text. `owned`: it was
 * judged for this place alone (the one-run path judges without a memo), so it is completed in
 * place; a memoised judgement may serve several places and is copied.
 */
function placed(
  chosen: Reading,
  original: string,
  start: number,
  end: number,
  owned: boolean,
): LinkAnalysis {
  const analysis = owned ? chosen.judged.analysis : { ...chosen.judged.analysis };
  analysis.input = start === 0 && end === original.length ? original : original.slice(start, end);
  analysis.span = { start, end };
  // Read from text the user did not write as such (decoded, joined over lines): say so. (A markup
  // target may stand elsewhere in the text, as a Markdown reference's does.)
  const encoded = analysis.problems.some((p) => p.code === 'link-encoded');
  if (!encoded && !original.includes(chosen.text))
    analysis.problems = addProblems([...analysis.problems], 'text-cleaned');
  return analysis;
}

const RANK = { valid: 3, repairable: 2, invalid: 1, dangerous: 0 } as const;

/** Whether `a` reads a link more completely than `b` (neither dangerous). */
function better(a: Judged, b: Judged | undefined): boolean {
  if (!a.relevant || a.analysis.verdict === 'dangerous') return false;
  if (!b) return true;
  const [x, y] = [a.analysis, b.analysis];
  if (RANK[x.verdict] !== RANK[y.verdict]) return RANK[x.verdict] > RANK[y.verdict];
  return x.verdict === 'repairable' && x.needs.length < y.needs.length;
}

/**
 * Fail closed: any dangerous reading wins (the one the markup or the browser names first). Else a
 * link's target (markup) decides over its shown text, and otherwise the most complete reading does.
 */
function choose(readings: Reading[]): Reading | undefined {
  let dangerous: Reading | undefined;
  let best: Reading | undefined;
  let target: Reading | undefined;
  for (const r of readings) {
    if (r.judged.relevant && r.judged.analysis.verdict === 'dangerous') {
      if (!dangerous || preferred(r) > preferred(dangerous)) dangerous = r;
    } else if (r.kind === 'markup') {
      if (!target || better(r.judged, target.judged)) target = r;
    } else if (better(r.judged, best?.judged)) best = r;
  }
  return dangerous ?? target ?? best;
}

/** Among dangerous readings, the one that names the danger best: markup, then the browser's own. */
function preferred(r: Reading): number {
  return r.kind === 'markup' ? 2 : r.kind === 'browser' && r.raw ? 1 : 0;
}

/** Stretches that overlap are one place in the text: their readings are judged together. */
function merged(stretches: Stretch[]): Stretch[] {
  // A stable sort: at one start, the decoded text's stretch stays first. The stretches are this call's own.
  stretches.sort((a, b) => a.start - b.start);
  const out: Stretch[] = [];
  for (const s of stretches) {
    const last = out.at(-1);
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      for (const reading of s.readings) last.readings.push(reading);
    } else {
      out.push(s);
    }
  }
  return out;
}

interface Run {
  start: number;
  end: number;
}

// Runs are separated by the space, tabs and line breaks; other spaces (and the vertical tab and form
// feed, which a browser keeps in a URL) stay inside a run, where a linkifier's pieces end (readings.ts).
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The next run of text without ASCII whitespace, at or after `from`. A scanner: no regex over a megabyte. */
function nextRun(text: string, from: number): Run | null {
  let start = from;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  if (start >= text.length) return null;
  let end = start + 1;
  while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
  return { start, end };
}

/** The stretches of one form of the text (as it is, or decoded); `at` maps its offsets to the original's. */
function stretchesOf(
  text: string,
  at: (i: number) => number,
  raw: boolean,
  judge: Judge,
): Stretch[] {
  const out: Stretch[] = [];
  const add = (start: number, end: number, readings: Reading[]) => {
    if (readings.length > 0) out.push({ start: at(start), end: at(end), readings });
  };
  // A Markdown reference used many times, or one anchor repeated, is judged once (keyed by target, then text).
  const marked = new Map<string, Map<string, Reading | null>>();
  for (const link of markupLinks(text)) {
    const byText = marked.get(link.href) ?? marked.set(link.href, new Map()).get(link.href)!;
    if (!byText.has(link.text))
      byText.set(link.text, markupReading(link.href, link.text, raw, findLinks));
    const reading = byText.get(link.text);
    if (reading) add(link.start, link.end, [reading]);
  }
  for (let run = nextRun(text, 0); run;) {
    const { start } = run;
    let end = run.end;
    let joined = text.slice(start, end);
    let next = nextRun(text, end);
    // What a browser would read as one URL: a tab or line break inside a scheme or an authority,
    // and a link in `<…>` broken over lines.
    for (
      let runs = 0;
      next && runs < MAX_BRACKET_RUNS && gluesTo(joined, text, end, next);
      runs++
    ) {
      joined += text.slice(next.start, next.end);
      end = next.end;
      next = nextRun(text, end);
    }
    if (joined.length >= 8 && /[:.%]/.test(joined)) {
      const read = joinWrappedLines(
        text,
        {
          joined,
          end,
          next,
          readings: readingsOf(joined, raw, lineBreakBefore(text, end, next), judge),
        },
        raw,
        judge,
      );
      add(start, read.end, read.readings);
      next = read.next;
    }
    run = next;
  }
  return out;
}

/** A run (possibly joined already), where it ends, the run after it, and its readings. */
interface Chain {
  joined: string;
  end: number;
  next: Run | null;
  readings: Reading[];
}

/**
 * A link a plain-text mailer wrapped over lines: the next line is joined while the link gets more
 * complete (never across a blank line, never onto a line that starts a link of its own).
 */
function joinWrappedLines(text: string, chain: Chain, raw: boolean, judge: Judge): Chain {
  let best = choose(chain.readings);
  for (let joins = 0; chain.next && joins < MAX_JOINS && mayComplete(best, chain.joined); joins++) {
    const gap = text.slice(chain.end, chain.next.start);
    if (/\n[ \t>]*\n/.test(gap)) break;
    // Quoted replies start each line with `>`: those marks are not part of the link.
    let cont: Run | null = chain.next;
    while (cont && gap.includes('\n') && /^>+$/.test(text.slice(cont.start, cont.end)))
      cont = nextRun(text, cont.end);
    if (!cont || startsLink(text.slice(cont.start, cont.end))) break;
    const joined = chain.joined + text.slice(cont.start, cont.end);
    const next = nextRun(text, cont.end);
    const readings = readingsOf(joined, raw, lineBreakBefore(text, cont.end, next), judge).map(
      (r) => ({ ...r, raw: false }),
    );
    const joinedBest = choose(readings);
    if (!joinedBest || !better(joinedBest.judged, best?.judged)) break;
    chain = { joined, end: cont.end, next, readings };
    best = joinedBest;
  }
  return chain;
}

/**
 * Whether joining the next line could complete the link: it is not dangerous nor complete, and is
 * one or may become one.
 */
function mayComplete(best: Reading | undefined, joined: string): boolean {
  const verdict = best?.judged.analysis.verdict;
  return (
    verdict !== 'dangerous' && verdict !== 'valid' && (best !== undefined || inAuthority(joined))
  );
}

/** Whether the link so far has not yet passed its authority: `https://host` with no `/`, `?` or `#` after it. */
function inAuthority(s: string): boolean {
  const link = browserReading(s);
  if (link === null) return false;
  const afterScheme = link.replace(/^[a-z][a-z0-9+.-]*:[/\\]*/i, '');
  return afterScheme === link ? !/[/?#]/.test(link) : !/[/?#]/.test(afterScheme);
}

/**
 * Whether a browser would read `next` as part of the same URL. Tabs and line breaks vanish from an
 * href, so inside a scheme (`JaVa` tab `ScRiPt:`) or an authority (`…microsoft.com` line break
 * `.evil.example`) they join. A `<` without its `>` joins across any whitespace.
 */
function gluesTo(joined: string, text: string, end: number, nextRun: Run): boolean {
  const gap = text.slice(end, nextRun.start);
  const next = text.slice(nextRun.start, nextRun.end);
  const open = joined.lastIndexOf('<');
  if (
    open >= 0 &&
    !joined.includes('>', open) &&
    /^<\s*(?:h(?:tt|xx)ps?:|myaccess)/i.test(joined.slice(open))
  )
    return closesSoon(text, end);
  if (!/^[\t\n\r]+$/.test(gap)) return false;
  // A scheme cut in two: the letters before the break and those after make `javascript:` and the like.
  const word = /[a-z]+$/i.exec(joined)?.[0];
  if (
    word &&
    /^(?:javascript|vbscript|data|https?):/i.test(word + next) &&
    !/^(?:javascript|vbscript|data|https?):/i.test(next)
  ) {
    return true;
  }
  // An authority cut in two, where the rest makes a host someone could own, or nothing came after
  // the scheme yet (`https://` line break `host…`).
  return (continuesHost(next) || /:[/\\]*$/.test(joined)) && inAuthority(joined);
}

/** Whether a `>` closes the brackets within a few lines and before a blank one (else `<` was prose). */
function closesSoon(text: string, from: number): boolean {
  const ahead = text.slice(from, from + 1024);
  const close = ahead.indexOf('>');
  return close >= 0 && !/\n[ \t>]*\n/.test(ahead.slice(0, close));
}

// What only goes on a host: `.evil.example`, `-login.evil.example/x`, `%2Eevil.example`, `.ru/phish`
// (one label only when a path follows: `.NET` alone is prose), or userinfo `@evil.example`, `:443@evil.example`.
// A dash starts the tail or belongs to a label, never both: with a dash in the separators as well
// as in the labels, a line of dashes took the regex exponential time (70 characters: seconds).
const HOST_TAIL = /^((?:[.-]|%2e)[a-z0-9-]+(?:(?:\.|%2e)[a-z0-9-]+)*)([/?#:]\S*)?$/i;
const USERINFO_TAIL = /^(?::\d*)?@[a-z0-9-]+(?:\.[a-z0-9-]+)+\.?(?:[:/?#\\]\S*)?$/i;

/**
 * Whether the next line can only be the rest of a host (prose lines such as `- item`, `--`,
 * `@Jane`, `:-)` are not).
 */
function continuesHost(next: string): boolean {
  const tail = HOST_TAIL.exec(next);
  if (tail) return tail[2] !== undefined || (tail[1]!.match(/\.|%2e/gi)?.length ?? 0) >= 2;
  return USERINFO_TAIL.test(next);
}

function startsLink(run: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|<?https?:)/i.test(run);
}

/** Whether a run is followed by a line break and more text: a host that stops there may have been cut by the wrap. */
function lineBreakBefore(text: string, end: number, next: Run | null): boolean {
  return next !== null && text.slice(end, next.start).includes('\n');
}
