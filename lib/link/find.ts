import { judgeCandidate, notALink, type Judged } from './analyze-one';
import { cleanText } from './clean-text';
import { addProblems } from './problems';
import { isAscii, stripInvisible } from './text';
import type { LinkAnalysis } from './types';

const TOKEN = /[^\s<>"`\u00a0\u3000]+/g;
const SCHEME_START = /^(?:https?|h(?:xx|\*\*)ps?|javascript|data|vbscript|file):/i;
const MAYBE_SCHEMELESS = /my-?acc?es|acces?s-packages|yacc?ess/i;
const MAX_CANDIDATE = 16_384;
const MAX_JOINS = 4;

/** Strips what surrounds a link in prose: brackets, quotes, Markdown and sentence punctuation. */
export function trimToken(token: string): string {
  let t = token;
  const md = t.lastIndexOf('](');
  if (md >= 0) t = t.slice(md + 2);
  t = t.replace(/^[([{'‘“«*_]+/, '');
  for (;;) {
    const last = t.at(-1);
    if (last === undefined) break;
    if ('.,;:!?\'"”’»*'.includes(last)) t = t.slice(0, -1);
    else if (last === ')' && count(t, '(') < count(t, ')')) t = t.slice(0, -1);
    else if (last === ']' && count(t, '[') < count(t, ']')) t = t.slice(0, -1);
    else if (last === '}' && count(t, '{') < count(t, '}')) t = t.slice(0, -1);
    else break;
  }
  return t;
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
  return hash < 0 ? t : t.slice(0, hash) + stripInvisible(t.slice(hash));
}

/** Every My Access link (or look-alike) in a text, in order, each judged on its own. */
export function findLinks(text: string): LinkAnalysis[] {
  const clean = cleanText(String(text ?? ''));
  const cleaned = clean !== text;
  const tokens: { raw: string; start: number; end: number }[] = [];
  for (const m of clean.matchAll(TOKEN)) tokens.push({ raw: m[0], start: m.index, end: m.index + m[0].length });

  const out: LinkAnalysis[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const first = trimToken(tokens[i]!.raw);
    if (!isCandidate(first)) continue;
    let raw = tokens[i]!.raw;
    let current = judge(first);
    let joins = 0;
    // A plain-text mailer may have broken the link over lines: join while it gets more complete.
    for (let j = i + 1; j < tokens.length && joins < MAX_JOINS && current.relevant && current.analysis.verdict !== 'valid'; j++) {
      if (/\n[ \t>]*\n/.test(clean.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
      const joinedRaw = raw + tokens[j]!.raw;
      const joined = judge(trimToken(joinedRaw));
      if (!better(joined, current)) break;
      raw = joinedRaw;
      current = joined;
      joins++;
      i = j;
    }
    if (!current.relevant) continue;
    const a = current.analysis;
    const key = a.canonical ?? a.link;
    if (seen.has(key)) continue;
    seen.add(key);
    if (joins > 0 || (cleaned && !text.includes(a.input))) addProblems(a.problems, 'text-cleaned');
    out.push(a);
  }
  return out;
}
