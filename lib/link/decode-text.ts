// Undoes what HTML and mail transport do to a text (entities, quoted-printable), remembering where
// each character came from, so that a link read in the decoded text stays tied to its span of the
// user's own text.

/** A decoded text; `from[i]` is where its character i starts in the original (`from[length]` is the end). */
export interface DecodedText {
  text: string;
  from: Int32Array;
}

const ENTITY = /^&(?:([a-z]{2,8})|#(\d{1,7})|#x([0-9a-f]{1,6}));/i;
// The entities that matter to a link (HTML5 names included: `&num;` is `#`).
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', num: '#', commat: '@', colon: ':', sol: '/',
  bsol: '\\', period: '.', quest: '?', equals: '=', percnt: '%', lpar: '(', rpar: ')', lsqb: '[', rsqb: ']',
  grave: '`', tab: '\t', newline: '\n',
};

/** The character an entity at the start of `s` stands for, and its length; undefined when there is none. */
function entityAt(s: string): [char: string, length: number] | undefined {
  const m = ENTITY.exec(s);
  if (!m) return undefined;
  if (m[1]) {
    const named = NAMED[m[1].toLowerCase()];
    return named === undefined ? undefined : [named, m[0].length];
  }
  const cp = m[2] !== undefined ? Number(m[2]) : parseInt(m[3]!, 16);
  return cp > 0 && cp <= 0x10ffff ? [String.fromCodePoint(cp), m[0].length] : undefined;
}

/**
 * Quoted-printable, recognised by its `=3D` escapes, or by soft breaks (`=` at a line end) in a text
 * whose lines all fit in 76 characters (a long line means the `=` is a real `?q=` cut by a wrap).
 */
export function isQuotedPrintable(s: string): boolean {
  if (s.includes('=3D')) return true;
  if (!/=\r?\n/.test(s)) return false;
  let lineStart = 0;
  for (let nl = s.indexOf('\n'); ; nl = s.indexOf('\n', lineStart)) {
    const end = nl < 0 ? s.length : nl;
    if (end - lineStart > 78) return false;
    if (nl < 0) return true;
    lineStart = nl + 1;
  }
}

/** The text with entities (and, in a quoted-printable text, its escapes and soft breaks) decoded; null when nothing changes. */
export function decodeText(s: string): DecodedText | null {
  const qp = isQuotedPrintable(s);
  if (!qp && !s.includes('&')) return null;
  const special = qp ? /[&=]/g : /&/g;
  // Decoding never lengthens a text: one slot per original character is enough.
  const from = new Int32Array(s.length + 1);
  const parts: string[] = [];
  let length = 0;
  const keep = (start: number, end: number) => {
    parts.push(s.slice(start, end));
    for (let i = start; i < end; i++) from[length++] = i;
  };
  let copied = 0;
  let changed = false;
  for (let m = special.exec(s); m; m = special.exec(s)) {
    const i = m.index;
    const decoded = decodeAt(s, i, qp);
    if (!decoded) continue;
    keep(copied, i);
    parts.push(decoded[0]);
    for (let k = 0; k < decoded[0].length; k++) from[length++] = i;
    copied = i + decoded[1];
    special.lastIndex = copied;
    changed = true;
  }
  if (!changed) return null;
  keep(copied, s.length);
  from[length] = s.length;
  return { text: parts.join(''), from: from.subarray(0, length + 1) };
}

/** What stands at `i` (an entity, or a quoted-printable escape or soft break) and how long it is. */
function decodeAt(s: string, i: number, qp: boolean): [text: string, length: number] | undefined {
  if (s[i] === '&') return entityAt(s.slice(i, i + 12));
  if (!qp) return undefined;
  const m = /^=(?:\r?\n|([0-9A-F]{2}))/.exec(s.slice(i, i + 4));
  if (!m) return undefined;
  return [m[1] ? String.fromCharCode(parseInt(m[1], 16)) : '', m[0].length];
}

/** Entities decoded, for an attribute value or a text read from HTML source. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&[#a-z0-9]{2,8};/gi, (whole) => entityAt(whole)?.[0] ?? whole);
}
