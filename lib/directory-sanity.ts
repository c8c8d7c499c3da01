// A directory hint that parses can still be surely wrong: a personal mailbox's domain, an address
// typed whole, or a slip of one already confirmed. Pure: the views warn instead of turning green.

export type DirectoryWarning =
  /** A consumer mail domain: no organisation's access packages live there. */
  | { code: 'consumer-domain'; domain: string }
  /** An email address where a domain belongs; `domain` is its domain, the likely intent. */
  | { code: 'address'; domain: string }
  /** One or two letters away from a directory confirmed before. */
  | { code: 'typo'; domain: string; confirmed: string };

// Mailbox providers whose name is the whole domain, under any country ending (hotmail.fr, yahoo.co.uk).
const CONSUMER_BRAND_NAMES = [
  'gmail',
  'googlemail',
  'hotmail',
  'outlook',
  'live',
  'msn',
  'yahoo',
  'ymail',
  'aol',
  'gmx',
  'icloud',
  'proton',
  'protonmail',
  'yandex',
  'zoho',
  'mail',
  'web',
  't-online',
  'libero',
  'laposte',
  'orange',
  'wanadoo',
  'free',
  'sfr',
  'skynet',
  'telenet',
  'ziggo',
  'kpnmail',
  'hetnet',
  'planet',
  'home',
  'xs4all',
  'btinternet',
  'comcast',
  'qq',
  '163',
];
const CONSUMER_BRANDS = new RegExp(
  `^(?:${CONSUMER_BRAND_NAMES.join('|')})\\.(?:[a-z]{2,3}\\.)?[a-z]{2,3}$`,
);
const CONSUMER_EXACT = new Set([
  'me.com',
  'mac.com',
  'pm.me',
  'proton.me',
  'hey.com',
  'fastmail.com',
]);
// `live`, `mail`, `home`, `web`, `free`… are also words companies use: only with a mail provider's ending.
const GENERIC_BRANDS = /^(?:live|mail|home|web|free|planet|orange)\./;
const GENERIC_OK = new Set([
  'live.com',
  'live.fr',
  'live.nl',
  'live.be',
  'live.co.uk',
  'mail.com',
  'mail.ru',
  'web.de',
  'free.fr',
  'home.nl',
  'planet.nl',
  'orange.fr',
]);
const GUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/;

export function isConsumerMailDomain(domain: string): boolean {
  const d = domain.toLowerCase().replace(/\.$/, '');
  if (CONSUMER_EXACT.has(d)) return true;
  if (!CONSUMER_BRANDS.test(d)) return false;
  return !GENERIC_BRANDS.test(d) || GENERIC_OK.has(d);
}

/** Levenshtein distance, giving up above `max` (the hints compared are short). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * What is surely wrong with a directory as typed (or as a link names it), or null. `confirmed`
 * are directories the user confirmed before (recent hints, the default one): a hint one slip
 * away from one of them is probably that one.
 */
export function directoryWarning(
  typed: string,
  confirmed: readonly string[] = [],
): DirectoryWarning | null {
  const s = typed.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  if (s === '') return null;
  const at = s.lastIndexOf('@');
  if (at > 0) {
    const domain = s.slice(at + 1);
    return isConsumerMailDomain(domain)
      ? { code: 'consumer-domain', domain }
      : { code: 'address', domain };
  }
  if (isConsumerMailDomain(s)) return { code: 'consumer-domain', domain: s };
  if (GUID.test(s)) return null;
  const known = [...new Set(confirmed.map((c) => c.trim().toLowerCase()))].filter(
    (c) => c && !GUID.test(c),
  );
  if (known.includes(s)) return null;
  // One slip in a short name, two in a long one: `contoso.co`, `contosso.com`, `fabrikan.com`.
  const max = s.length >= 12 ? 2 : 1;
  const near = known.find((c) => editDistance(s, c, max) <= max);
  return near ? { code: 'typo', domain: s, confirmed: near } : null;
}
