// Links whose text and target are written apart: HTML anchors and Markdown. The target is where
// the browser goes; a text that shows a My Access link while the target goes elsewhere is itself
// the danger.
import { asHref, realHostOf } from './browser';
import { decodeEntities } from './decode-text';
import { judgeUrl } from './judge-url';
import type { Reading } from './readings';
import { result } from './result';
import type { LinkAnalysis } from './types';

/** A link as HTML holds it: where it goes (`href`) and what it shows (`text`). */
export interface Anchor {
  href: string;
  text: string;
}

/** A stretch [start, end) of a text that markup makes one link. */
export interface MarkupLink extends Anchor {
  start: number;
  end: number;
}

/**
 * Judges a target against the text it is shown with. `linksIn` reads the shown text (findLinks,
 * passed in to keep the modules apart). Null for a relative target, which stays on the page's site.
 */
export function markupReading(href: string, shown: string, raw: boolean, linksIn: (text: string) => LinkAnalysis[]): Reading | null {
  const target = asHref(href);
  if (!/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(target)) return null;
  const judged = judgeUrl(target, target);
  const claimed = linksIn(shown)[0];
  if (!claimed) return judged.relevant ? { text: target, judged, kind: 'markup', raw } : null;
  if (agrees(claimed, judged.analysis)) return { text: target, judged, kind: 'markup', raw };
  // Where the target really goes: the link the engine read (after unwrapping), or the target itself.
  const inner = judged.relevant ? judged.analysis : null;
  const link = inner?.link ?? target;
  const analysis = result(target, link, 'dangerous', ['text-target-mismatch'], {
    unwrapped: inner ? [...inner.unwrapped] : [],
    realHost: inner?.realHost ?? realHostOf(link),
  });
  return { text: target, judged: { analysis, relevant: true }, kind: 'markup', raw };
}

/** The target opens what the text shows: the same official host, and no part of it different. */
function agrees(shown: LinkAnalysis, target: LinkAnalysis): boolean {
  const usable = target.verdict === 'valid' || target.verdict === 'repairable';
  return (
    usable &&
    shown.verdict !== 'dangerous' &&
    shown.host === target.host &&
    (shown.directoryHint === null || shown.directoryHint === target.directoryHint) &&
    (shown.accessPackageId === null || shown.accessPackageId === target.accessPackageId)
  );
}

const ANCHOR_TAGS = /<a\s[^<>]*>|<\/a\s*>/gi;
const HREF = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/** `<a href="…">…</a>` in HTML source typed or pasted as text. */
export function anchorsInSource(text: string): MarkupLink[] {
  if (!/<a\s/i.test(text)) return [];
  const out: MarkupLink[] = [];
  let open: RegExpExecArray | null = null;
  for (let m = ANCHOR_TAGS.exec(text); m; m = ANCHOR_TAGS.exec(text)) {
    if (m[0][1] !== '/') {
      open = m;
      continue;
    }
    if (!open) continue;
    const href = HREF.exec(open[0]);
    if (href) {
      const inner = text.slice(open.index + open[0].length, m.index).replace(/<[^<>]*>/g, '');
      out.push({ start: open.index, end: m.index + m[0].length, href: decodeEntities(href[1] ?? href[2] ?? href[3]!), text: decodeEntities(inner) });
    }
    open = null;
  }
  ANCHOR_TAGS.lastIndex = 0;
  return out;
}

/** `[text](target)` on one line. One pass: each character is looked at a bounded number of times. */
export function markdownLinks(text: string): MarkupLink[] {
  const out: MarkupLink[] = [];
  let scannedTo = 0;
  for (let at = text.indexOf(']('); at >= 0; at = text.indexOf('](', at + 2)) {
    // The text: back to its `[` on the same line, never past what an earlier link took.
    let open = at - 1;
    while (open >= scannedTo && !'[]\n'.includes(text[open]!)) open--;
    // The target: to the `)` that closes it, without whitespace or another `](`.
    let close = at + 2;
    for (let depth = 0; close < text.length; close++) {
      const c = text[close]!;
      if (/\s/.test(c) || text.startsWith('](', close)) break;
      if (c === '(') depth++;
      else if (c === ')' && depth-- === 0) break;
    }
    scannedTo = at + 2;
    if (open < 0 || text[open] !== '[' || text[close] !== ')') continue;
    out.push({ start: open, end: close + 1, href: text.slice(at + 2, close), text: text.slice(open + 1, at) });
  }
  return out;
}
