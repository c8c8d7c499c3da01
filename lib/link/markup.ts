// Links whose text and target are written apart: HTML anchors, Markdown, Slack. The target is where
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
 * passed in to keep the modules apart).
 */
export function markupReading(
  href: string,
  shown: string,
  raw: boolean,
  linksIn: (text: string) => LinkAnalysis[],
): Reading | null {
  const target = absoluteTarget(asHref(href));
  const claimed = linksIn(shown)[0];
  // A relative target stays on the site that shows the link: nothing of ours, unless the text says otherwise.
  // (A reading's text is the target as written: that is what the user's text holds.)
  if (target === null) return claimed ? mismatch(href, href, null, raw, claimed) : null;
  const judged = judgeUrl(target, target);
  if (!claimed) return judged.relevant ? { text: href, judged, kind: 'markup', raw } : null;
  // A target kept on a server (Mimecast) cannot be compared: it says so, neither safe nor a mismatch.
  const irreversible =
    judged.relevant && judged.analysis.problems.some((p) => p.code === 'wrapper-irreversible');
  if (irreversible || agrees(claimed, judged.analysis))
    return { text: href, judged, kind: 'markup', raw };
  // Where the target really goes: the link the engine read (after unwrapping), or the target itself.
  const inner = judged.relevant ? judged.analysis : null;
  return mismatch(href, target, inner, raw, claimed);
}

function mismatch(
  href: string,
  target: string,
  inner: LinkAnalysis | null,
  raw: boolean,
  shown: LinkAnalysis,
): Reading {
  const link = inner?.link ?? target;
  const analysis = result(target, link, 'dangerous', ['text-target-mismatch'], {
    unwrapped: inner ? [...inner.unwrapped] : [],
    realHost: inner?.realHost ?? realHostOf(link),
    shown: shown.canonical ?? shown.link,
  });
  return { text: href, judged: { analysis, relevant: true }, kind: 'markup', raw };
}

/**
 * The target as a page would resolve it, when it leaves the page: absolute, or scheme-relative
 * (`//host`, and `/\host` or `\\host`, which browsers read alike). `https:host` without two
 * slashes is relative to an https page. Null for a target that stays on the page's own site.
 */
function absoluteTarget(href: string): string | null {
  if (/^[/\\]{2}/.test(href)) return `https:${href}`;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href);
  if (!scheme) return null;
  return /^https?$/i.test(scheme[1]!) && !/^[a-z]+:[/\\]{2}/i.test(href) ? null : href;
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

/** Every link of a text whose target and shown text are written apart: HTML, Markdown, Slack. */
export function markupLinks(text: string): MarkupLink[] {
  return [
    ...anchorsInSource(text),
    ...markdownLinks(text),
    ...markdownReferences(text),
    ...slackLinks(text),
  ];
}

const ANCHOR_TAGS = /<a(?=[\s/>])[^<>]*>|<\/a\s*>/gi;
// Attributes as HTML reads them (after whitespace or `/`); a quoted value may hold `href=` itself.
const ATTRIBUTES = /[\s/]([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** `<a href="…">…</a>` in HTML source typed or pasted as text. */
export function anchorsInSource(source: string): MarkupLink[] {
  if (!/<a[\s/]/i.test(source)) return [];
  // Comments hide tags: blanked out, same length, so the offsets stay those of the user's text.
  const text = blankComments(source);
  const out: MarkupLink[] = [];
  let open: { index: number; end: number; href: string } | null = null;
  const close = (end: number, after: number) => {
    if (!open) return;
    const inner = text.slice(open.end, end).replace(/<[^<>]*>/g, '');
    out.push({ start: open.index, end: after, href: open.href, text: decodeEntities(inner) });
    open = null;
  };
  ANCHOR_TAGS.lastIndex = 0;
  for (let m = ANCHOR_TAGS.exec(text); m; m = ANCHOR_TAGS.exec(text)) {
    if (m[0][1] === '/') {
      close(m.index, m.index + m[0].length);
      continue;
    }
    // An anchor left open ends where the next one starts (as a browser's parser ends it).
    close(m.index, m.index);
    const href = hrefOf(m[0]);
    if (href !== undefined) open = { index: m.index, end: m.index + m[0].length, href };
  }
  close(text.length, text.length);
  return out;
}

/** The first `href` of a tag (HTML keeps the first of duplicates), entities decoded. */
function hrefOf(tag: string): string | undefined {
  ATTRIBUTES.lastIndex = 2;
  for (let m = ATTRIBUTES.exec(tag); m; m = ATTRIBUTES.exec(tag)) {
    if (m[1]!.toLowerCase() === 'href') return decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return undefined;
}

function blankComments(text: string): string {
  if (!text.includes('<!--')) return text;
  const parts: string[] = [];
  let copied = 0;
  for (let start = text.indexOf('<!--'); start >= 0; start = text.indexOf('<!--', copied)) {
    const end = text.indexOf('-->', start + 4);
    const stop = end < 0 ? text.length : end + 3;
    parts.push(text.slice(copied, start), ' '.repeat(stop - start));
    copied = stop;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/**
 * `[text](target)` and `[text](<target> "title")`, the target on the same line or the next. One
 * pass: no scan goes past the next `](`, so each character is looked at a bounded number of times.
 */
export function markdownLinks(text: string): MarkupLink[] {
  const out: MarkupLink[] = [];
  let scannedTo = 0;
  for (let at = text.indexOf(']('); at >= 0; at = text.indexOf('](', at + 2)) {
    // The text: back to its `[` on the same line, never past what an earlier link took.
    let open = at - 1;
    while (open >= scannedTo && !'[]\n'.includes(text[open]!)) open--;
    scannedTo = at + 2;
    if (open < 0 || text[open] !== '[') continue;
    const link = inlineTarget(text, at + 2);
    if (link)
      out.push({
        start: open,
        end: link.end,
        href: link.href,
        text: `${text.slice(open + 1, at)} ${link.title}`,
      });
  }
  return out;
}

const INLINE_TARGET = new RegExp(
  // Up to one line break before the target;
  String.raw`^[ \t]*\n?[ \t]*` +
    // `<target>`, or a target whose parentheses balance one level deep;
    String.raw`(?:<([^<>\n]*)>|((?:[^\s()]|\((?:[^\s()])*\))*))` +
    // an optional title in quotes or parentheses, then the closing parenthesis.
    String.raw`(?:[ \t]*\n?[ \t]+("[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*\)`,
);

/** The `target "title")` part of a Markdown link, read from `from`; undefined when it is none. */
function inlineTarget(
  text: string,
  from: number,
): { href: string; title: string; end: number } | undefined {
  const stop = nextOr(text, '](', from);
  const rest = text.slice(from, Math.min(stop, from + 4096));
  const m = INLINE_TARGET.exec(rest);
  if (!m) return undefined;
  return { href: m[1] ?? m[2]!, title: (m[3] ?? '').slice(1, -1), end: from + m[0].length };
}

function nextOr(text: string, needle: string, from: number): number {
  const i = text.indexOf(needle, from);
  return i < 0 ? text.length : i;
}

// `[label]: target "title"` on a line of its own.
const DEFINITION = /^ {0,3}\[([^\]\n]{1,200})\]:[ \t]*\n?[ \t]*(?:<([^<>\n]*)>|(\S+))/gm;

/** `[text][label]`, `[text][]` and `[label]` with their `[label]: target` definitions. */
export function markdownReferences(text: string): MarkupLink[] {
  if (!text.includes(']:')) return [];
  const targets = new Map<string, string>();
  const out: MarkupLink[] = [];
  for (const m of text.matchAll(DEFINITION)) {
    const label = normalLabel(m[1]!);
    const href = m[2] ?? m[3]!;
    if (!targets.has(label)) targets.set(label, href);
    // The definition itself: its label, a link-looking one included, stands for the target.
    out.push({ start: m.index, end: m.index + m[0].length, href, text: m[1]! });
  }
  if (targets.size === 0) return [];
  for (const m of text.matchAll(/\[([^[\]\n]{1,500})\](?:\[([^[\]\n]{0,200})\])?(?![(:])/g)) {
    const href = targets.get(normalLabel(m[2] || m[1]!));
    if (href !== undefined)
      out.push({ start: m.index, end: m.index + m[0].length, href, text: m[1]! });
  }
  return out;
}

function normalLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Slack's message source: `<target|text>`. */
export function slackLinks(text: string): MarkupLink[] {
  if (!text.includes('|')) return [];
  return [...text.matchAll(/<([a-z][a-z0-9+.-]*:[^<>|\s]*)\|([^<>]*)>/gi)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    href: m[1]!,
    text: m[2]!,
  }));
}
