import { parseGuid } from './guid';
import { isAscii } from './text';

export type HintResult =
  | { ok: true; value: string; normalized: boolean }
  | { ok: false; reason: 'missing' | 'malformed' | 'email' | 'punycode' | 'non-ascii' };

// A domain name: at least one dot, letters in the last label.
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Parses a directory hint: a domain (verified or *.onmicrosoft.com) or a tenant GUID. Never guesses. */
export function parseDirectoryHint(raw: string): HintResult {
  let s = raw.trim();
  if (s.startsWith('@')) s = s.slice(1);
  if (s === '') return { ok: false, reason: 'missing' };
  // Invisible characters are never ASCII: one test covers both.
  if (!isAscii(s)) return { ok: false, reason: 'non-ascii' };
  const lower = s.toLowerCase();
  // A look-alike domain in punycode would route to whichever tenant owns it.
  if (/(^|\.)xn--/.test(lower)) return { ok: false, reason: 'punycode' };
  if (lower.includes('@')) return { ok: false, reason: 'email' };
  // Shorter than 32 characters, it cannot be a GUID (with or without hyphens and braces).
  const guid = lower.length >= 32 ? parseGuid(lower) : null;
  if (guid?.ok) return { ok: true, value: guid.value, normalized: guid.value !== s };
  const domain = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (DOMAIN.test(domain)) return { ok: true, value: domain, normalized: domain !== s };
  return { ok: false, reason: 'malformed' };
}
