import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeLink, buildLink, findLinks, isOfficialHost, repairLink } from '../../lib/link';

// Property tests: what must hold for every input, not just the table's.
const hex = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: n, maxLength: n });
const guid = fc
  .tuple(hex(8), hex(4), hex(4), hex(4), hex(12))
  .map((p) => p.join('-'))
  .filter((g) => !/^[0-]+$/.test(g));
const label = fc
  .stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/)
  .filter((l) => !l.startsWith('xn--'));
const domain = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/))
  .map(([ls, tld]) => [...ls, tld].join('.'));
const hint = fc.oneof(domain, guid);
const host = fc.constantFrom('myaccess.microsoft.com' as const, 'myaccess.microsoft.us' as const);

// URL-ish strings built from the pieces attackers and mailers use.
const urlish = fc
  .tuple(
    fc.constantFrom(
      'https://',
      'http://',
      '',
      '//',
      'https:\\\\',
      'javascript:',
      'hxxps://',
      'https://https://',
    ),
    fc.constantFrom('', 'user@', 'myaccess.microsoft.com@', 'a:b@'),
    fc.constantFrom(
      'myaccess.microsoft.com',
      'myaccess.microsoft.us',
      'myaccess.microsoft.com.evil.example',
      'myаccess.microsoft.com',
      'evil.example',
      'xn--myccess-3fg.microsoft.com',
      'MyAccess.Microsoft.COM.',
      'myaccess-microsoft.com',
      'nam12.safelinks.protection.outlook.com',
    ),
    fc.constantFrom('', ':443', ':8443', ':'),
    fc.constantFrom('/', '\\', '/@', '/%40', '/@evil.example', ''),
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      '#/access-packages/',
      '%23/access-packages/',
      '/access-packages/',
      '#/requests',
      '?url=https%3A%2F%2Fmyaccess.microsoft.com%2F%40a.com%23%2Faccess-packages%2F',
    ),
    fc.oneof(guid, fc.string({ maxLength: 40 })),
  )
  .map((parts) => parts.join(''));

/** The host a browser would contact for the input (with https added when the input has no scheme). */
function realHost(input: string): string | null {
  try {
    // One trailing dot names the same host.
    // `host:443/…` pasted without scheme is a host and port, as an address bar reads it.
    const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(input) && !/^[a-z0-9.-]+:\d/i.test(input);
    return new URL(hasScheme ? input : `https://${input}`).hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
}

describe('link engine properties', () => {
  it('analyzeLink returns a verdict for any string and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          urlish,
          fc.string({ unit: 'binary', maxLength: 500 }),
        ),
        (s) => {
          const a = analyzeLink(s);
          expect(['valid', 'repairable', 'invalid', 'dangerous']).toContain(a.verdict);
          expect(a.input).toBe(s);
          expect(a.canonical === null).toBe(a.verdict !== 'valid');
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('terminates quickly on megabyte strings of every shape', () => {
    const huge = [
      'a'.repeat(1_000_000),
      'https://'.repeat(125_000),
      '%'.repeat(1_000_000),
      '<'.repeat(500_000) + 'https://myaccess.microsoft.com/',
      'https://myaccess.microsoft.com/@' + 'a.'.repeat(500_000),
      'myaccess '.repeat(120_000),
      '=\n'.repeat(500_000),
      '&#35;'.repeat(200_000),
      '\u200b'.repeat(1_000_000),
      'https://urldefense.com/v3/__' + '*'.repeat(1_000_000),
    ];
    for (const s of huge) {
      const started = performance.now();
      const a = analyzeLink(s);
      expect(a.verdict).not.toBe('valid');
      // A generous ceiling against runaway (quadratic) behaviour; `npm run bench` measures speed.
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });

  it('analyzeLink(buildLink(x)).canonical === buildLink(x) for every valid part set', () => {
    fc.assert(
      fc.property(host, hint, guid, (h, d, id) => {
        const link = buildLink({ host: h, directoryHint: d, accessPackageId: id });
        const a = analyzeLink(link);
        expect(a.verdict).toBe('valid');
        expect(a.canonical).toBe(link);
        expect(a.problems).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('repairing a repaired link changes nothing', () => {
    fc.assert(
      fc.property(
        urlish,
        fc.oneof(hint, fc.string()),
        fc.oneof(guid, fc.string()),
        (input, d, id) => {
          const once = repairLink(analyzeLink(input), { directoryHint: d, accessPackageId: id });
          expect(repairLink(once, { directoryHint: d, accessPackageId: id })).toEqual(once);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('no string whose real host is not official is ever valid or repairable', () => {
    fc.assert(
      fc.property(urlish, (input) => {
        const a = analyzeLink(input);
        if (a.verdict === 'valid' || a.verdict === 'repairable') {
          // The link the engine cut out of the text is one a browser would send to an official host.
          if (a.unwrapped.length === 0 && !a.problems.some((p) => p.code === 'scheme-doubled')) {
            expect(isOfficialHost(realHost(a.link) ?? '')).toBe(true);
          }
          expect(isOfficialHost(new URL(a.canonical ?? `https://${a.host}/`).hostname)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('every link findLinks reports is judged like analyzeLink judges it alone', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(urlish, fc.lorem()), { maxLength: 6 }), (parts) => {
        for (const l of findLinks(parts.join(' \n'))) {
          if (l.verdict === 'valid') expect(analyzeLink(l.canonical!).canonical).toBe(l.canonical);
        }
      }),
      { numRuns: 500 },
    );
  });
});
