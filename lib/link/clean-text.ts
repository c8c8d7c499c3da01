// Undoes what mailers and HTML do to a pasted text before links are looked for (DESIGN.md §4).

const ENTITY = /&(?:(amp|lt|gt|quot|apos|nbsp)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi;
const ENTITY_ONE = new RegExp(ENTITY.source, 'i');
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()] ?? whole;
    const cp = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

/** Quoted-printable: soft breaks (`=` at a line end) and `=XX` escapes, only when the text is QP. */
export function decodeQuotedPrintable(s: string): string {
  const hasEscapes = /=3D/.test(s);
  const hasSoftBreaks = /=\r?\n/.test(s);
  if (!hasEscapes && !hasSoftBreaks) return s;
  // Without `=3D` a `=` at a line end may be a real `?q=` cut by a hard wrap; QP lines are ≤ 76 chars.
  if (!hasEscapes && s.split(/\r?\n/).some((line) => line.length > 78)) return s;
  let out = s.replace(/=\r?\n/g, '');
  if (hasEscapes) out = out.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

/** `<https://…\n  …>`: a link in angle brackets may be broken over lines; the brackets say where it ends. */
export function joinBracketedLinks(s: string): string {
  if (!s.includes('<')) return s;
  return s.replace(/<\s*((?:h(?:tt|xx)ps?:\/\/|myaccess)[^<>]{0,8000}?)\s*>/gi, (_, inner: string) =>
    `<${inner.replace(/\s*\n[\s>]*/g, '').replace(/\s+/g, '')}>`,
  );
}

/** Whether cleanText could change a text that is one token: an HTML entity or a quoted-printable escape. */
export function tokenNeedsCleaning(s: string): boolean {
  // An entity has both `&` and `;`: wrapper links are full of the one and have none of the other.
  return s.includes('=3D') || (s.includes('&') && s.includes(';') && ENTITY_ONE.test(s));
}

export function cleanText(s: string): string {
  return joinBracketedLinks(decodeQuotedPrintable(decodeEntities(s)));
}
