// Inputs for the differential test against Chromium's URL parser (browser-truth.test.mjs).
// Plain nested loops: the same list on every run, so a failure reproduces exactly.

export const G = '6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** Genuine My Access links: complete, on both hosts, with a domain or tenant-GUID hint, and truncated. */
export const GENUINE = [
  ['com+domain+id', `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`],
  ['us+domain+id', `https://myaccess.microsoft.us/@contoso.com#/access-packages/${G}`],
  ['com+tenant+id', `https://myaccess.microsoft.com/@${TENANT}#/access-packages/${G}`],
  ['us+tenant+id', `https://myaccess.microsoft.us/@${TENANT}#/access-packages/${G}`],
  ['com+id', `https://myaccess.microsoft.com/#/access-packages/${G}`],
  ['com+domain', 'https://myaccess.microsoft.com/@contoso.com'],
  ['us+domain+route', 'https://myaccess.microsoft.us/@contoso.com#/access-packages/'],
  ['com/', 'https://myaccess.microsoft.com/'],
  // Without a path the next character after the host decides what the authority is.
  ['com', 'https://myaccess.microsoft.com'],
  ['us', 'https://myaccess.microsoft.us'],
];

/** Proofpoint v2: percent-encode all but letters, digits, `.`, `~` and `/`; then `-` for `%`, `_` for `/`. */
function proofpointV2(link) {
  const encoded = encodeURIComponent(link)
    .replace(/[-_!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/%2F/g, '/');
  return encoded.replace(/%/g, '-').replace(/\//g, '_');
}

export const WRAPPERS = [
  ['raw', (l) => l],
  ['safelinks', (l) => `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent(l)}&data=05%7C02%7Canna%40fabrikam.com&reserved=0`],
  ['proofpoint-v2', (l) => `https://urldefense.proofpoint.com/v2/url?u=${proofpointV2(l)}&d=DwMFaQ&c=euGZstcaTDllvimEN8b7jXrwqOf-v5A_CdpgnVfiiMM&r=abc&m=def&s=ghi&e=`],
  ['google', (l) => `https://www.google.com/url?q=${encodeURIComponent(l)}&sa=D&source=editors`],
];

export const PREFIXES = [
  'https://other.example/?a=',
  'https://other.example/',
  'https://other.example/#',
  'https://evil.example/x',
  'http://evil.example',
  'https://myaccess.microsoft.com',
  'https://myaccess.microsoft.com/?q=',
  'https://myaccess.microsoft.com.evil.example/',
  'https://google.zz/url?q=',
  'https://evil.example/](',
  '',
];

export const SEPARATORS = [
  '](', '"', "'", '`',
  '&nbsp;', '&lt;', '&gt;', '&quot;', '&#32;', '&#35;', '&num;',
  '=3D', '=20', '=3D=20',
  '\\', '@', '%40', '#', '?', '/', '%23', '<', '>', ' ',
  '\u00A0', '\u2003', '\u3000', '\u200B', '\uFEFF', '\u00AD',
  '\t', '\n', '\r\n',
  '',
];

export const SUFFIXES = [
  '.evil.example/phish', '@evil.example/', ':443@evil.example', '\\\\@evil.example', '%2Eevil.example',
  '"', ')', '.', ':8443', '?x=1',
];

/**
 * Every case once, as `{ input, how, group }`: `how` says how it was built and `group` names its
 * family without the separator and the link, so failures can be counted by kind.
 * Only inputs that start with a scheme: a relative href would resolve against the test page.
 */
export function browserTruthCases() {
  const cases = new Map();
  const add = (input, how, group) => {
    if (/^https?:/.test(input) && !cases.has(input)) cases.set(input, { how, group });
  };
  // Non-ASCII escaped: most separators are invisible.
  const show = (s) => JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const links = [];
  for (const [g, link] of GENUINE) for (const [w, wrap] of WRAPPERS) links.push([`${w}(${g})`, wrap(link)]);

  // The authority itself split by a separator, after the host and after the scheme (first, so
  // these names win over the suffix family that builds some of the same strings).
  for (const sep of SEPARATORS) {
    for (const host of ['myaccess.microsoft.com', 'myaccess.microsoft.us']) {
      add(`https://${host}${sep}.evil.example/phish`, `authority ${show(host)} + sep ${show(sep)} + ".evil.example/phish"`, 'authority split');
    }
    for (const [g, link] of GENUINE) {
      add(link.replace('https://', `https://${sep}`), `"https://" + sep ${show(sep)} + rest of ${g}`, 'scheme split');
    }
  }
  for (const [name, link] of links) {
    add(link, name, 'bare link');
    for (const sep of SEPARATORS) {
      // ASCII whitespace between two whole links is two links in a text (a mail client's linkifier
      // and the engine both end a link there); inside one link's authority it is tested above and below.
      if (!/^[ \t\r\n]+$/.test(sep)) {
        for (const prefix of PREFIXES) add(prefix + sep + link, `prefix ${show(prefix)} + sep ${show(sep)} + ${name}`, `prefix ${show(prefix)}`);
      }
      // A space ends a link in a text, and a browser keeps it (encoded) in an href: no tail joins there.
      if (sep !== ' ') for (const suffix of SUFFIXES) add(link + sep + suffix, `${name} + sep ${show(sep)} + suffix ${show(suffix)}`, `suffix ${show(suffix)}`);
    }
  }
  return [...cases].map(([input, { how, group }]) => ({ input, how, group }));
}
