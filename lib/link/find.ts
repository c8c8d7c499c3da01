import { judgeCandidate, notALink, type Judged } from './analyze-one';
import { cleanText } from './clean-text';
import { addProblems } from './problems';
import { isAscii, stripInvisible } from './text';
import type { LinkAnalysis } from './types';

const SCHEME_START = /^(?:https?|h(?:xx|\*\*)ps?|javascript|data|vbscript|file):/i;
const MAYBE_SCHEMELESS = /my-?acc?es|acces?s-packages|yacc?ess/i;
export const MAX_CANDIDATE = 16_384;
const MAX_JOINS = 4;

// What trimToken strips: marks that open before a link, punctuation that closes after it
// (and a closing bracket without its opening one).
const LEADING = `([{'"\`‘“«*_`;
const TRAILING = `.,;:!?'"\`”’»*`;

/** Strips what surrounds a link in prose: brackets, quotes, Markdown and sentence punctuation. */
export function trimToken(token: string): string {
  // Most links start with a letter and end with a letter, digit or slash: nothing to strip.
  if (/^[a-z]/i.test(token) && /[a-z0-9/]$/i.test(token) && !token.includes('](')) return token;
  let t = token;
  const md = t.lastIndexOf('](');
  if (md >= 0) t = t.slice(md + 2);
  let start = 0;
  while (start < t.length && LEADING.includes(t[start]!)) start++;
  t = t.slice(start);
  for (;;) {
    const last = t.at(-1);
    if (last === undefined) break;
    if (TRAILING.includes(last)) t = t.slice(0, -1);
    else if (last === ')' && count(t, '(') < count(t, ')')) t = t.slice(0, -1);
    else if (last === ']' && count(t, '[') < count(t, ']')) t = t.slice(0, -1);
    else if (last === '}' && count(t, '{') < count(t, '}')) t = t.slice(0, -1);
    else break;
  }
  return t;
}

/** Whether trimToken leaves a token as it is. */
export function trimsNothing(t: string): boolean {
  const last = t.at(-1);
  return last !== undefined && !LEADING.includes(t[0]!) && !TRAILING.includes(last) && !')]}'.includes(last) && !t.includes('](');
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function isCandidate(t: string): boolean {
  if (t.length < 8) return false;
  if (SCHEME_START.test(t)) return true;
  return /[./@#]/.test(t) && (MAYBE_SCHEMELESS.test(t) || (!isAscii(t) && t.includes('.') && t.includes('/')));
}

const RANK = { valid: 3, repairable: 2, invalid: 1, dangerous: 0 } as const;

/** Whether joining the next piece of text made a wrapped link whole (a plain-text line break). */
function better(joined: Judged, current: Judged): boolean {
  const a = joined.analysis;
  const b = current.analysis;
  if (!joined.relevant || a.verdict === 'dangerous') return false;
  if (RANK[a.verdict] !== RANK[b.verdict]) return RANK[a.verdict] > RANK[b.verdict];
  return a.verdict === 'repairable' && a.needs.length < b.needs.length;
}

function judge(token: string): Judged {
  // No real link is this long; refusing to judge it keeps the engine fast on hostile input.
  if (token.length > MAX_CANDIDATE) return { analysis: notALink(token, 'not-my-access'), relevant: false };
  return judgeCandidate(token, stripInvisibleInRoute(token));
}

// Zero-width characters in the route are paste noise; in the host or the hint they are a trick
// (DESIGN.md §4), so they stay there to be judged.
function stripInvisibleInRoute(t: string): string {
  const hash = t.indexOf('#');
  return hash < 0 || isAscii(t) ? t : t.slice(0, hash) + stripInvisible(t.slice(hash));
}

// Token boundaries: what `\s` matches, plus the characters that end a link in mail and HTML.
function isSeparator(c: number): boolean {
  return (
    c <= 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The next token at or after `from`: a hand-written scanner, as a regex over a megabyte allocates too much. */
function nextToken(text: string, from: number): { start: number; end: number } | null {
  let i = from;
  while (i < text.length && isSeparator(text.charCodeAt(i))) i++;
  if (i >= text.length) return null;
  let end = i + 1;
  while (end < text.length && !isSeparator(text.charCodeAt(end))) end++;
  return { start: i, end };
}

// A cheap first look: a link has at least one of these; most words of prose have none.
function mayBeLink(raw: string): boolean {
  return raw.length >= 8 && (raw.includes(':') || raw.includes('/') || raw.includes('.') || raw.includes('@'));
}

/** Judges one trimmed token the way `findLinks` would, for input that is one token with nothing to clean. */
export function judgeToken(token: string): Judged | null {
  return isCandidate(token) ? judge(token) : null;
}

/** Every My Access link (or look-alike) in a text, in order, each judged on its own. */
export function findLinks(text: string): LinkAnalysis[] {
  const original = String(text ?? '');
  const clean = cleanText(original);
  const cleaned = clean !== original;
  const out: LinkAnalysis[] = [];
  const seen = new Set<string>();
  for (let tok = nextToken(clean, 0); tok; tok = nextToken(clean, tok.end)) {
    let raw = clean.slice(tok.start, tok.end);
    if (!mayBeLink(raw)) continue;
    const first = trimToken(raw);
    if (!isCandidate(first)) continue;
    let current = judge(first);
    let joins = 0;
    // A plain-text mailer may have broken the link over lines: join while it gets more complete.
    for (let next = nextToken(clean, tok.end); next && joins < MAX_JOINS && current.relevant && current.analysis.verdict !== 'valid'; next = nextToken(clean, tok.end)) {
      if (/\n[ \t>]*\n/.test(clean.slice(tok.end, next.start))) break;
      const joinedRaw = raw + clean.slice(next.start, next.end);
      const joined = judge(trimToken(joinedRaw));
      if (!better(joined, current)) break;
      raw = joinedRaw;
      current = joined;
      joins++;
      tok = next;
    }
    if (!current.relevant) continue;
    const a = current.analysis;
    const key = a.canonical ?? a.link;
    if (seen.has(key)) continue;
    seen.add(key);
    if (joins > 0 || (cleaned && !original.includes(a.input))) addProblems(a.problems, 'text-cleaned');
    out.push(a);
  }
  return out;
}
