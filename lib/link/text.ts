// Small text helpers shared by the engine. Pure and total: none of them throws.

// Invisible characters a paste can carry (zero-width, soft hyphen, bidi controls), each listed as
// one code point (some are combining or Hangul fillers). Marked pure: bundlers drop it from the
// content scripts that do not use it.
const INVISIBLE_ALL = /* @__PURE__ */ new RegExp(
  // eslint-disable-next-line no-misleading-character-class -- each is meant as one code point
  '[\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180e' +
    '\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u206a-\\u206f\\u3164\\ufeff\\uffa0]',
  'g',
);

export function isAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

export function stripInvisible(s: string): string {
  return isAscii(s) ? s : s.replace(INVISIBLE_ALL, '');
}

/**
 * decodeURIComponent that never throws: each run of escapes is decoded as UTF-8, and a run that is
 * not UTF-8 is left as written. (No exception per broken run: hostile text can hold thousands.)
 */
export function safeDecode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s); // the usual case, and the fastest
  } catch {
    return s.replace(/(?:%[0-9a-f]{2})+/gi, decodeRun);
  }
}

const LENIENT_UTF8 = new TextDecoder();

function decodeRun(run: string): string {
  const text = LENIENT_UTF8.decode(
    Uint8Array.from(run.slice(1).split('%'), (hex) => parseInt(hex, 16)),
  );
  // The lenient decoder marks bytes that are not UTF-8 with U+FFFD: then the run stays as written.
  return text.includes('\ufffd') && !/%EF%BF%BD/i.test(run) ? run : text;
}

/** Reads one query parameter without form decoding ('+' stays '+'), percent-decoded once. */
export function queryParam(query: string, name: string): string | undefined {
  const value = rawQueryParam(query.startsWith('?') ? query.slice(1) : query, name, false);
  return value === undefined ? undefined : safeDecode(value);
}

/**
 * Each parameter of a query as written: its name and raw value (undefined for a bare name). A scan,
 * not a split on `=`: wrapper queries carry long tracking parameters.
 */
export function* queryParams(query: string): Generator<[name: string, value: string | undefined]> {
  for (let start = 0; start <= query.length;) {
    const amp = query.indexOf('&', start);
    const end = amp < 0 ? query.length : amp;
    const param = query.slice(start, end);
    const eq = param.indexOf('=');
    yield eq < 0 ? [param, undefined] : [param.slice(0, eq), param.slice(eq + 1)];
    start = end + 1;
  }
}

/**
 * The raw value of the first parameter called `name` (any case); a bare `name` counts as empty
 * unless `needsValue`.
 */
export function rawQueryParam(
  query: string,
  name: string,
  needsValue: boolean,
): string | undefined {
  for (const [key, value] of queryParams(query)) {
    if (
      (value !== undefined || !needsValue) &&
      key.length === name.length &&
      key.toLowerCase() === name
    )
      return value ?? '';
  }
  return undefined;
}

// Letters that look like Latin ones (Cyrillic, Greek, Armenian, Latin extensions), folded for
// look-alike detection only: never used to build a link.
const CONFUSABLE: Record<string, string> = {
  а: 'a',
  в: 'b',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  һ: 'h',
  і: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  г: 'r',
  ѕ: 's',
  т: 't',
  ц: 'u',
  ѵ: 'v',
  ԝ: 'w',
  х: 'x',
  у: 'y',
  ʏ: 'y',
  α: 'a',
  β: 'b',
  ϲ: 'c',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ɑ: 'a',
  ɡ: 'g',
  ı: 'i',
  ȷ: 'j',
  ɩ: 'i',
  ո: 'n',
  օ: 'o',
  ս: 'u',
  ց: 'g',
};

/**
 * Folds a string to the Latin letters and digits it looks like, so that `myаccess` (Cyrillic а),
 * `rnyaccess` and `my-access` all read as `myaccess`.
 */
export function skeleton(s: string): string {
  // A host or a route is short; past this, more text adds nothing to a resemblance.
  const head = s.length > 2048 ? s.slice(0, 2048) : s;
  const folded = isAscii(head) ? head.toLowerCase() : foldUnicode(head);
  // Character codes, joined once at the end: a string grown one character at a time is slow.
  const out: number[] = [];
  let last = 0;
  for (let i = 0; i < folded.length; i++) {
    let c = folded.charCodeAt(i);
    if (c === 0x30)
      c = 0x6f; // 0 → o
    else if (c === 0x31 || c === 0x7c)
      c = 0x6c; // 1, | → l
    else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x32 && c <= 0x39))) continue; // a-z, 2-9
    // `rn` reads as `m`, `vv` as `w`.
    if ((c === 0x6e && last === 0x72) || (c === 0x76 && last === 0x76)) {
      c = c === 0x6e ? 0x6d : 0x77;
      out.pop();
    }
    out.push(c);
    last = c;
  }
  return String.fromCharCode(...out);
}

function foldUnicode(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKC').toLowerCase()) out += CONFUSABLE[ch] ?? ch;
  return out;
}

/**
 * Levenshtein distance, bounded: any distance over `max` is reported as max+1. Only the cells
 * within `max` of the diagonal can stay under the bound, so only they are computed.
 */
export function editDistance(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    // The cell left of the band: column 0 (distance i) or a cell over the bound.
    cur[lo - 1] = Math.min(i, over);
    let rowMin = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1),
        over,
      );
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The next row reads one cell past this band: outside it, the distance is over the bound.
    if (hi < b.length) cur[hi + 1] = over;
    if (rowMin >= over) return over;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
