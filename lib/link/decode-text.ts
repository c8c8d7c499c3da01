// Undoes what HTML and mail transport do to a text (entities, quoted-printable), remembering where
// each character came from, so that a link read in the decoded text stays tied to its span of the
// user's own text.

/** A decoded text; `from[i]` is where its character i starts in the original (`from[length]` is the end). */
export interface DecodedText {
  text: string;
  from: Int32Array;
}

// The entities that matter to a link (HTML5 names included: `&num;` is `#`).
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  num: '#',
  commat: '@',
  colon: ':',
  sol: '/',
  bsol: '\\',
  period: '.',
  quest: '?',
  equals: '=',
  percnt: '%',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  grave: '`',
  tab: '\t',
  newline: '\n',
};

/** The character an entity at the start of `s` stands for, and its length; undefined when there is none. */
function entityAt(s: string): [char: string, length: number] | undefined {
  const m = matchAt(ENTITY_AT, s, 0);
  const char = m ? entityOf(m) : undefined;
  return char === undefined ? undefined : [char, m![0].length];
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

// Sticky: matched where the scan stands, without cutting the text into pieces.
// (HTML decodes a numeric reference without its `;` too: `&#47` is `/` in an href.)
const ENTITY_AT = /&(?:([a-z]{2,8});|#(\d{1,7});?|#x([0-9a-f]{1,6});?)/iy;
const ANY_ENTITY = /&(?:[a-z]{2,8};|#\d|#x[0-9a-f])/i;
const QP_AT = /=(?:\r?\n|([0-9A-F]{2}))/y;
const UTF16 = new TextDecoder('utf-16le');

/**
 * The text with entities (and, in a quoted-printable text, its escapes and soft breaks) decoded;
 * null when nothing changes.
 */
export function decodeText(s: string): DecodedText | null {
  const qp = isQuotedPrintable(s);
  // A bare `&` (every wrapper's query has some) is nothing to decode.
  if (!qp && !ANY_ENTITY.test(s)) return null;
  // Decoding never lengthens a text: one slot per original character is enough. Typed arrays keep
  // a long, entity-dense text from becoming thousands of small strings.
  const out = new Uint16Array(s.length);
  const from = new Int32Array(s.length + 1);
  let length = 0;
  const emit = (units: string, at: number) => {
    for (let k = 0; k < units.length; k++) {
      out[length] = units.charCodeAt(k);
      from[length++] = at;
    }
  };
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    const m =
      c === 0x26 ? matchAt(ENTITY_AT, s, i) : c === 0x3d && qp ? matchAt(QP_AT, s, i) : null;
    const decoded = m
      ? c === 0x26
        ? entityOf(m)
        : m[1]
          ? String.fromCharCode(parseInt(m[1], 16))
          : ''
      : undefined;
    if (m && decoded !== undefined) {
      emit(decoded, i);
      i += m[0].length;
    } else {
      out[length] = c;
      from[length++] = i++;
    }
  }
  from[length] = s.length;
  const text = UTF16.decode(out.subarray(0, length));
  return text === s ? null : { text, from: from.subarray(0, length + 1) };
}

function matchAt(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** The character an entity match stands for; undefined for a name this engine does not know. */
function entityOf(m: RegExpExecArray): string | undefined {
  if (m[1]) return NAMED[m[1].toLowerCase()];
  const cp = m[2] !== undefined ? Number(m[2]) : parseInt(m[3]!, 16);
  return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
}

/** Entities decoded, for an attribute value or a text read from HTML source. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(
    /&(?:[a-z]{2,8};|#\d{1,7};?|#x[0-9a-f]{1,6};?)/gi,
    (whole) => entityAt(whole)?.[0] ?? whole,
  );
}
