// What a browser does with a link before it goes anywhere: the WHATWG URL standard, which is what
// an `href`, an address bar and `new URL()` share. The engine's verdicts are about this, never
// about text it reconstructed.
import { isOfficialHost } from './result';

/** C0 controls and the space, which a browser trims from both ends of a URL. */
function isC0OrSpace(c: number): boolean {
  return c <= 0x20;
}

/**
 * The string a browser parses for an `href`: C0 controls and spaces trimmed from both ends, and
 * every tab and line break removed (so `https://myaccess.microsoft.com` + line break + `.evil.example`
 * is one host).
 */
export function asHref(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isC0OrSpace(s.charCodeAt(start))) start++;
  while (end > start && isC0OrSpace(s.charCodeAt(end - 1))) end--;
  const trimmed = start === 0 && end === s.length ? s : s.slice(start, end);
  return /[\t\n\r]/.test(trimmed) ? trimmed.replace(/[\t\n\r]/g, '') : trimmed;
}

/** The host a browser contacts for this URL (as it names it), or null when it would open nothing. */
export function browserHostOf(url: string): string | null {
  try {
    const host = new URL(asHref(url)).hostname;
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

/** One trailing dot names the same host. */
export function withoutTrailingDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

/** Where a link really leads when that is not an official host; null when official or nowhere. */
export function realHostOf(url: string): string | null {
  const host = browserHostOf(url);
  return host === null || isOfficialHost(withoutTrailingDot(host)) ? null : host;
}

/**
 * A host someone could own: an IP address, or a name of letters, digits and hyphens (what DNS
 * registries delegate; IDNs are punycode by now). Any other host (`a"b`, `a|b`) opens nothing.
 */
export function isOwnableHost(host: string): boolean {
  if (/^\[[0-9a-f:.]+\]$/i.test(host) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) return true;
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.?$/i.test(host);
}
