const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX32 = /^[0-9a-f]{32}$/;
const PARTIAL = /^[0-9a-f][0-9a-f-]{0,34}$/;
const ZERO = '00000000-0000-0000-0000-000000000000';

export type GuidResult =
  | { ok: true; value: string; normalized: boolean }
  | { ok: false; reason: 'zero' | 'partial' | 'malformed' };

/** Normalises a GUID written with braces (also percent-encoded), upper case or without hyphens. */
export function parseGuid(raw: string): GuidResult {
  const trimmed = raw.trim();
  let s = trimmed.toLowerCase();
  if (s.startsWith('%7b') && s.endsWith('%7d')) s = s.slice(3, -3);
  else if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1);
  // 32 hex digits become a GUID once hyphenated: no need to test it again.
  const hex = HEX32.test(s);
  if (hex)
    s = `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  if (hex || GUID.test(s)) {
    if (s === ZERO) return { ok: false, reason: 'zero' };
    return { ok: true, value: s, normalized: s !== trimmed };
  }
  if (PARTIAL.test(s) && s.replace(/-/g, '').length < 32) return { ok: false, reason: 'partial' };
  return { ok: false, reason: 'malformed' };
}

export function isGuid(s: string): boolean {
  return GUID.test(s) && s !== ZERO;
}
