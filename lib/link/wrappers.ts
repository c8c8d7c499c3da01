import { queryParam, queryParams, rawQueryParam, safeDecode, skeleton } from './text';

/**
 * Every wrapper family recognised, with the name users know it by: a product name, or the site
 * whose redirect it is (the view words that as "<site> redirect" in the reader's language).
 * Teams' Safe Links page is Safe Links too. Adding a family: an entry here and its matcher below.
 */
export const WRAPPER_FAMILIES = {
  safelinks: { name: 'Microsoft Defender Safe Links', redirect: false },
  urldefense: { name: 'Proofpoint URL Defense', redirect: false },
  mimecast: { name: 'Mimecast', redirect: false },
  google: { name: 'Google', redirect: true },
  slack: { name: 'Slack', redirect: true },
} as const;
export type WrapperFamily = keyof typeof WRAPPER_FAMILIES;

/** What a mail-security wrapper says about the link it hides (docs/link-engine.md, "One URL"). */
export interface WrapperMatch {
  name: WrapperFamily;
  /** The wrapped link, when it can be recovered offline. */
  target?: string;
  /** The wrapper keeps its target on a server (Mimecast): only `display` is known. */
  irreversible?: boolean;
  display?: string;
  /** The target is named twice, differently: no one can say which the redirector follows. */
  ambiguous?: boolean;
  /** The wrapper link itself carries the recipient's address (Safe Links' `data=`). */
  carriesRecipient?: boolean;
}

const SAFELINKS = /^[a-z0-9-]+\.safelinks\.protection\.(?:outlook\.com|office365\.us)$/;
// Teams' Safe Links page: older hosts and, since 2025, teams.public.onecdn.static.microsoft.
const TEAMS_HOSTS = new Set([
  'statics.teams.cdn.office.net',
  'statics.teams.microsoft.com',
  'statics.gov.teams.microsoft.us',
  'teams.public.onecdn.static.microsoft',
]);
// Google's own redirect hosts, named one by one: `google.<anything>` is not Google's.
const GOOGLE_DOMAINS = [
  'com',
  'ad',
  'ae',
  'at',
  'be',
  'bg',
  'ca',
  'ch',
  'cl',
  'cz',
  'de',
  'dk',
  'ee',
  'es',
  'fi',
  'fr',
  'gr',
  'hr',
  'hu',
  'ie',
  'is',
  'it',
  'lt',
  'lu',
  'lv',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'rs',
  'ru',
  'se',
  'si',
  'sk',
  'co.in',
  'co.jp',
  'co.kr',
  'co.nz',
  'co.uk',
  'co.za',
  'com.ar',
  'com.au',
  'com.br',
  'com.hk',
  'com.mx',
  'com.sg',
  'com.tr',
  'com.tw',
];
const GOOGLE_HOSTS = new Set(GOOGLE_DOMAINS.flatMap((d) => [`google.${d}`, `www.google.${d}`]));
const MIMECAST = /^(?:protect-[a-z0-9-]+\.mimecast\.com|url\.[a-z0-9-]+\.m\.mimecastprotect\.com)$/;
const V3 = /^\/v3\/__(.+?)__;([A-Za-z0-9_-]*)!/;
// Proofpoint v3 run lengths: `**A` = 2 characters, `**B` = 3, ... (Proofpoint's published decoder).
const RUN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Recognises a wrapper by its exact host and path; `tail` is everything after the host. */
export function matchWrapper(host: string, tail: string): WrapperMatch | null {
  const hash = tail.indexOf('#');
  const pathQuery = hash < 0 ? tail : tail.slice(0, hash);
  const q = pathQuery.indexOf('?');
  const path = (q < 0 ? pathQuery : pathQuery.slice(0, q)).toLowerCase();
  const query = q < 0 ? '' : pathQuery.slice(q + 1);
  if (SAFELINKS.test(host)) {
    return {
      name: 'safelinks',
      ...targetIn(query, ['url']),
      carriesRecipient: rawQueryParam(query, 'data', true) !== undefined,
    };
  }
  if (TEAMS_HOSTS.has(host) && /\/safelinks\/\d+\/atp-safelinks\.html$/.test(path)) {
    return { name: 'safelinks', ...targetIn(query, ['url']) };
  }
  if (host === 'urldefense.proofpoint.com') {
    if (path === '/v1/url') return { name: 'urldefense', ...targetIn(query, ['u']) };
    if (path === '/v2/url')
      return { name: 'urldefense', ...targetIn(query, ['u'], decodeProofpointV2) };
    return { name: 'urldefense' };
  }
  if (host === 'urldefense.com') return { name: 'urldefense', target: decodeProofpointV3(tail) };
  if (GOOGLE_HOSTS.has(host) && path === '/url')
    return { name: 'google', ...targetIn(query, ['q', 'url']) };
  if (host === 'slack-redir.net' && path === '/link')
    return { name: 'slack', ...targetIn(query, ['url']) };
  // The display domain is a host name: whatever follows it (`">Sales` read from HTML source) is not.
  if (MIMECAST.test(host))
    return {
      name: 'mimecast',
      irreversible: true,
      display: /^[^\s"'<>&]*/.exec(queryParam(query, 'domain') ?? '')![0],
    };
  return null;
}

/**
 * The target a wrapper's query names under any of `names` (in any case, as the redirector may read
 * them): one value, or ambiguous when the query names two different ones.
 */
function targetIn(
  query: string,
  names: string[],
  decode: (raw: string) => string | undefined = safeDecode,
): Pick<WrapperMatch, 'target' | 'ambiguous'> {
  const values = new Set<string>();
  for (const [name, raw] of queryParams(query)) {
    // The name as the redirector reads it: any case, escapes decoded (`%75rl` is `url`).
    if (raw === undefined || !names.includes(safeDecode(name).toLowerCase())) continue;
    const value = decode(raw);
    if (value) values.add(value);
  }
  const [target] = values;
  return values.size > 1 ? { ambiguous: true } : { target };
}

/** A host that names a wrapper family without being one of its real hosts. */
export function imitatesWrapper(host: string, sk = skeleton(host)): boolean {
  return ['safelinks', 'urldefense', 'proofpoint', 'mimecast', 'slackredir'].some((w) =>
    sk.includes(w),
  );
}

/** v2: `-` stands for `%` and `_` for `/`, then percent-decoding. */
export function decodeProofpointV2(u: string | undefined): string | undefined {
  if (!u) return undefined;
  return safeDecode(u.replace(/-/g, '%').replace(/_/g, '/'));
}

/** v3: `__<url>__;<base64url of replaced characters>!!…`; `*` and `**<run>` mark replaced characters. */
export function decodeProofpointV3(tail: string): string | undefined {
  const m = V3.exec(tail);
  if (!m) return undefined;
  const url = safeDecode(m[1]!);
  const replaced = Array.from(base64UrlToUtf8(m[2]!) ?? '');
  let i = 0;
  let failed = false;
  const out = url.replace(/\*(\*.)?/g, (token) => {
    const len = token.length === 1 ? 1 : RUN_CHARS.indexOf(token[2]!) + 2;
    if (len < 1 || i + len > replaced.length) {
      failed = true;
      return token;
    }
    const run = replaced.slice(i, i + len).join('');
    i += len;
    return run;
  });
  return failed ? undefined : out;
}

// One decoder for every call: making one costs more than decoding a few bytes (it keeps no state).
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function base64UrlToUtf8(b64: string): string | undefined {
  const std = b64.replace(/-/g, '+').replace(/_/g, '/');
  const padded = std + '='.repeat((4 - (std.length % 4)) % 4);
  try {
    const bin = atob(padded);
    // ASCII bytes are already their own UTF-8 decoding (the usual `#`, `@`, `%`).
    if (!/[\x80-\xff]/.test(bin)) return bin;
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
