// The ways one stretch of text can be read as a link. A run of text without whitespace is one URL
// to a browser (its host is the one its start names); a mail client's linkifier may instead cut it
// at a quote, a bracket or a non-breaking space. Every reading is judged; the caller keeps the most
// dangerous one, or else the most complete.
import { judgeUrl, type Judged } from './judge-url';
import { addProblems } from './problems';
import { resemblesMyAccessHost } from './resemble';
import { safeDecode } from './text';

export interface Reading {
  /** The link as read: what was judged. */
  text: string;
  judged: Judged;
  /** The browser's reading of a whole run, a markup target, or a piece a linkifier or decoding makes. */
  kind: 'browser' | 'markup' | 'piece';
  /** Read from the user's text as it is, not from its decoded form. */
  raw: boolean;
}

// Where a URL starts inside a run: any `scheme://`, or a scheme a browser or a mail client acts on
// without slashes (defanged ones too), not inside a word (`_https://` in Markdown emphasis starts one).
const SCHEME =
  '(?:[a-z][a-z0-9+.-]*:\\/\\/|(?:https?|h(?:xx|\\*\\*)ps?|javascript|data|vbscript|file|ftp):)';
const URL_START = new RegExp(`(?<![a-z0-9+.-])${SCHEME}`, 'i');
const SCHEME_AT_START = new RegExp(`^${SCHEME}`, 'i');
// What linkifiers take without a scheme at the start of a run: `www.host/…`, `host.tld/…`, `\\\\host\\share`.
const BARE_START = /^(?:(?:[a-z0-9-]+\.)+[a-z]{2,63}(?::\d+)?[/?#]|\\\\[a-z0-9-]+\.)/i;
// A whole link percent-encoded once, as copied out of another link's `url=` parameter.
const ENCODED_START = /https?%3a%2f%2f/i;
// Spaces other than ASCII ones: a browser keeps them inside a URL, a linkifier ends a link there.
const UNICODE_SPACES =
  '\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
// What a linkifier ends a link at, inside a run (CJK punctuation too).
const PIECE_STOP = new RegExp(`\\]\\(|["'\`<>|。，、；！？\\v\\f${UNICODE_SPACES}]`);
const PIECE_STOPS = new RegExp(PIECE_STOP.source, 'g');
// Marks that open before a link, and punctuation that closes a sentence after it.
// (CJK punctuation too: `。` after a link ends a sentence, it is no dot of the host.)
const LEADING = `([{'"\`‘“«*_<|（「『【《〈${UNICODE_SPACES}`;
const TRAILING = `.,;:!?'"\`”’»*_>|。，、；：！？）」』】》〉${UNICODE_SPACES}`;
const CLOSERS = new Set([')', ']', '}']);

/** Judges one URL; `wrapped` when a line break follows it (judge-url.ts). Shared answers: never change one. */
export type Judge = (url: string, wrapped: boolean) => Judged;

/** A judge that answers each distinct URL once: a mail repeats its links (HTML and plain parts, quotes). */
export function memoJudge(): Judge {
  const answers = new Map<string, Judged>();
  return (url, wrapped) => {
    const key = wrapped ? `\n${url}` : url;
    let judged = answers.get(key);
    if (!judged) answers.set(key, (judged = judgeUrl(url, url, { wrapped })));
    return judged;
  };
}

/** The readings of `run` (a run of text, possibly joined from several) that concern My Access, each judged. */
export function readingsOf(run: string, raw: boolean, wrapped: boolean, judge: Judge): Reading[] {
  const out: Reading[] = [];
  // Readings that say nothing about My Access are dropped at once: a long text keeps little in memory.
  const keep = (text: string, judged: Judged, kind: Reading['kind']) =>
    judged.relevant && out.push({ text, judged, kind, raw });
  const whole = browserReading(run);
  if (whole !== null) keep(whole, judge(whole, wrapped), 'browser');
  if (PIECE_STOP.test(run)) {
    for (const part of run.split(PIECE_STOPS)) {
      // A piece's link starts where its scheme does (`URL:https://…`), as the browser reading's.
      const piece = browserReading(part);
      if (piece !== null && piece !== whole && isCandidate(piece))
        keep(piece, judge(piece, false), 'piece');
    }
  }
  // Only a link that is encoded as a whole: inside another link's query it is a parameter, read there.
  const lead = run.slice(leadingEnd(run));
  if (lead.search(ENCODED_START) === 0) {
    const link = safeDecode(trimEnd(lead));
    // Judged afresh (not shared): this answer gets a code of its own.
    const judged = judgeUrl(link, link);
    if (judged.relevant) addProblems(judged.analysis.problems, 'link-encoded');
    keep(link, judged, 'piece');
  }
  return out;
}

/**
 * The URL a browser opens for this run: from where the link starts (a scheme, or a My Access-like
 * host written without one) to the run's end, less the punctuation that ends a sentence.
 */
export function browserReading(run: string): string | null {
  const lead = run.slice(leadingEnd(run));
  // `https%3A%2F%2F…` is no URL to a browser (a relative path at most): only its decoded reading counts.
  if (lead.search(ENCODED_START) === 0) return null;
  // A run that starts with a host is a link from there, whatever link it carries further on.
  if (isSchemeless(lead) || BARE_START.test(lead)) return trimEnd(lead);
  const start = URL_START.exec(run);
  return start ? trimEnd(run.slice(start.index)) : null;
}

/** Whether a piece of text is worth judging as a link on its own. */
export function isCandidate(s: string): boolean {
  return s.length >= 8 && (SCHEME_AT_START.test(s) || isSchemeless(s));
}

/** A link without scheme: `//host/…`, or a host that resembles My Access's (`myaccess.microsoft.com/@…`). */
function isSchemeless(s: string): boolean {
  if (s.startsWith('//')) return /^\/\/[^/?#\\]*\./.test(s);
  const end = s.search(/[/?#\\]/);
  const host = end < 0 ? s : s.slice(0, end);
  // `myaccess-team@contoso.com` is an email address, which no linkifier turns into a web link.
  if (host.includes('@')) return false;
  // A cheap look first (most words of prose fail it), then the resemblance test proper.
  const mayResemble = /cc?es|acc|xn--/i.test(host) || !/^[\x20-\x7e]*$/.test(host);
  return (
    mayResemble &&
    host.length >= 6 &&
    host.includes('.') &&
    !/[\s<>"'`]/.test(host) &&
    resemblesMyAccessHost(host)
  );
}

/** How many opening marks stand before the link. */
function leadingEnd(s: string): number {
  let i = 0;
  while (i < s.length && LEADING.includes(s[i]!)) i++;
  return i;
}

/** Strips sentence punctuation, and closing brackets that the link did not open (`(see …)`, not `…_(bar)`). */
export function trimEnd(s: string): string {
  let end = s.length;
  // How many closing brackets of each kind are unmatched: counted once, when one ends the link,
  // so the trim stays linear however many there are.
  let unmatched: Record<string, number> | undefined;
  while (end > 0) {
    const c = s[end - 1]!;
    if (TRAILING.includes(c)) {
      end--;
      continue;
    }
    if (!CLOSERS.has(c)) break;
    unmatched ??= unmatchedClosers(s);
    if (unmatched[c]! <= 0) break;
    unmatched[c]!--;
    end--;
  }
  return end === s.length ? s : s.slice(0, end);
}

function unmatchedClosers(s: string): Record<string, number> {
  let round = 0;
  let square = 0;
  let curly = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x29) round++;
    else if (c === 0x28) round--;
    else if (c === 0x5d) square++;
    else if (c === 0x5b) square--;
    else if (c === 0x7d) curly++;
    else if (c === 0x7b) curly--;
  }
  return { ')': round, ']': square, '}': curly };
}
