import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeLink, findLinks, mostConcerning } from '../../lib/link';
import { G, T } from '../fixtures/link-rows';

// Properties with the WHATWG URL parser (`new URL`, what browsers share) as the oracle.
// tests/e2e/browser-truth.test.mjs checks the same promises against real Chromium.

const LINKS = [
  `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
  `https://myaccess.microsoft.us/@${T}#/access-packages/${G}`,
  `https://myaccess.microsoft.com/#/access-packages/${G}`,
  'https://myaccess.microsoft.com/@contoso.com',
  'https://myaccess.microsoft.com',
];
const wrap = fc.constantFrom(
  (l: string) => l,
  (l: string) =>
    `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent(l)}&data=05%7C02%7Canna%40fabrikam.com`,
  (l: string) => `https://www.google.com/url?q=${encodeURIComponent(l)}&sa=D`,
  // The scheme and the host written with entities: only decoding shows the link.
  (l: string) => l.replace('https', '&#104;ttps').replace('myaccess', '&#109;yaccess'),
);
const prefix = fc.constantFrom(
  '',
  'https://other.example/?a=',
  'https://other.example/',
  'https://evil.example/#',
  'http://evil.example',
  'https://myaccess.microsoft.com',
  'https://myaccess.microsoft.com.evil.example/',
  'https://google.zz/url?q=',
);
// Separators that stay inside one run of text (no ASCII whitespace: that makes two tokens).
const separator = fc.constantFrom(
  '',
  '](',
  '"',
  "'",
  '`',
  '&nbsp;',
  '&lt;',
  '&#32;',
  '&num;',
  '=3D=20',
  '\\',
  '@',
  '%40',
  '#',
  '?',
  '\u00a0',
  '\u3000',
  '\u200b',
  '\ufeff',
  '\u00ad',
  '<',
  '>',
);
const suffix = fc.constantFrom(
  '',
  '.evil.example/x',
  '@evil.example/',
  ':443@evil.example',
  '"',
  ')',
  '.',
  '%2Eevil.example',
  '\\@evil.example',
);
const token = fc
  .tuple(prefix, separator, fc.constantFrom(...LINKS), wrap, separator, suffix)
  .map(([p, s1, link, w, s2, end]) => p + s1 + w(link) + s2 + end);

/** The host a browser opens for a token, or null when it opens nothing (no parse, or no host anyone can own). */
function browserHost(s: string): string | null {
  try {
    const host = new URL(s).hostname.replace(/\.$/, '');
    return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(host)
      ? host
      : null;
  } catch {
    return null;
  }
}
const official = (host: string | null) =>
  host === 'myaccess.microsoft.com' || host === 'myaccess.microsoft.us';

describe('one token, two ways of judging it', () => {
  it('findLinks and analyzeLink give the same verdict for any single token', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          token,
          fc.string({ maxLength: 80 }).filter((s) => !/\s/.test(s)),
        ),
        (s) => {
          const found = findLinks(s);
          expect(analyzeLink(s).verdict, s).toBe(
            found.length > 0 ? mostConcerning(found).verdict : 'invalid',
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('the URL parser as the oracle', () => {
  it('never calls a token valid or repairable when the browser would open a host that is not official', () => {
    fc.assert(
      fc.property(token, (s) => {
        const host = browserHost(s);
        const a = analyzeLink(s);
        // Through a genuine wrapper the user lands on its target, which the engine judged instead.
        if (host === null || official(host) || a.unwrapped.length > 0) return;
        expect(['valid', 'repairable'], `${JSON.stringify(s)} opens ${host}`).not.toContain(
          a.verdict,
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('names the host the browser opens when it calls a token dangerous', () => {
    fc.assert(
      fc.property(token, (s) => {
        const host = browserHost(s);
        const a = analyzeLink(s);
        if (a.verdict !== 'dangerous' || host === null || a.unwrapped.length > 0) return;
        expect(official(host) ? null : host, JSON.stringify(s)).toBe(
          a.realHost === null ? null : a.realHost.replace(/\.$/, ''),
        );
      }),
      { numRuns: 5000 },
    );
  });
});
