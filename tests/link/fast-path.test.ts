import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeAnyCandidate, judgeOnOfficialHost, judgeWellFormed } from '../../lib/link/analyze-one';
import { ALL_ROWS, G, T } from '../fixtures/link-rows';

// The fast paths must be optimisations only: wherever one answers, the general path agrees.
describe('the fast paths (well-formed link, plain official host)', () => {
  let plain = 0;
  const check = (s: string) => {
    const general = judgeAnyCandidate(s, s).analysis;
    const onHost = judgeOnOfficialHost(s, s);
    if (onHost) {
      expect(onHost, s).toEqual(general);
      plain++;
    }
    const fast = judgeWellFormed(s, s);
    if (fast) expect(fast, s).toEqual(general);
    return fast !== null;
  };

  it('agrees with the general path on every table input, and serves the common shapes', () => {
    plain = 0;
    const served = Object.values(ALL_ROWS).flat().filter((r) => check(r.input.trim())).length;
    expect(served).toBeGreaterThanOrEqual(80);
    expect(plain).toBeGreaterThanOrEqual(150);
  });

  it('the plain-host path answers only for the official hosts written plainly', () => {
    for (const s of ['https://myaccess.microsoft.com.evil.example/', 'https://myaccess.microsoft.com@evil.example/', 'https://myaccess.microsoft.com:8443/', 'https://myaccess.microsoft.com\\@evil.example/', 'https://myaccess.microsoft.com./@contoso.com', 'https:/myaccess.microsoft.com/', 'myaccess.microsoft.com/@contoso.com', 'https://https://myaccess.microsoft.com/']) {
      expect(judgeOnOfficialHost(s, s), s).toBeNull();
    }
  });

  it('is taken before any cleaning only where cleaning would change nothing', async () => {
    const { analyzeGeneral, analyzeLink } = await import('../../lib/link');
    const noise = fc.constantFrom('', ' ', '\n', '.', ')', '>', '"', '&amp;', '=3D', '=\n', '\u200b', '\u00a0', '/', '}', '{');
    const link = fc.constantFrom(
      `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
      `HTTP://MyAccess.Microsoft.US/@${T}#/access-packages/{${G.toUpperCase()}}`,
      `https://myaccess.microsoft.com/@contoso.com#/access-packages/%7B${G}%7D?x=1`,
      `https://myaccess.microsoft.com/%40contoso.com%23/access-packages/`,
    );
    fc.assert(
      fc.property(noise, link, noise, fc.nat(80), noise, (before, l, inside, at, after) => {
        const s = before + l.slice(0, at) + inside + l.slice(at) + after;
        expect(analyzeLink(s), JSON.stringify(s)).toEqual(analyzeGeneral(s));
      }),
      { numRuns: 5000 },
    );
    for (const r of Object.values(ALL_ROWS).flat()) expect(analyzeLink(r.input), r.input).toEqual(analyzeGeneral(r.input));
    // Any short string of link characters, prose punctuation and markup.
    const unit = fc.constantFrom(
      ...`hHtps:/@#.%&;=?<>"'()[]{}*!$\` \nmyacesMirofcotn-_3Dampxu0123456789`.split(''),
      ...'\u200b\u00a0\u3000\u00adаоé‘’“”«»'.split(''),
      'https://',
      'myaccess.microsoft.com',
      'https://myaccess.microsoft.com/@contoso.com#/access-packages/',
      G,
      '&amp;',
      '=3D',
      '](',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (s) => {
        expect(analyzeLink(s), JSON.stringify(s)).toEqual(analyzeGeneral(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees on generated variants', () => {
    const piece = fc.constantFrom('https://', 'http://', 'HTTPS://', 'https:/', 'https://https://');
    const host = fc.constantFrom('myaccess.microsoft.com', 'MyAccess.Microsoft.US', 'myaccess.microsoft.com.', 'myaccess.microsoft.com:443', 'myaccess.microsoft.co');
    const hint = fc.constantFrom('@contoso.com', '@Contoso.COM.', `@${T}`, `@{${T}}`, '@conto', '@xn--c-0ga.com', '@a@b.com', '', '@contoso.com/');
    const route = fc.constantFrom('#/access-packages/', '#access-packages/', '%23/access-packages/', '/access-packages/', '#/requests/');
    const id = fc.constantFrom(G, G.toUpperCase(), `{${G}}`, `%7B${G}%7D`, G.replace(/-/g, ''), G.slice(0, 20), '00000000-0000-0000-0000-000000000000');
    const tail = fc.constantFrom('', '/', '?x=1', '&amp;a', '#', '/overview');
    fc.assert(fc.property(fc.tuple(piece, host, hint, route, id, tail), (parts) => void check(parts.join(''))), { numRuns: 3000 });
  });
});

describe('analyzeOfficialUrl (the content script’s parser)', async () => {
  const { analyzeLink, analyzeOfficialUrl } = await import('../../lib/link');
  it('agrees with analyzeLink on every official-host URL of the table', () => {
    const urls = Object.values(ALL_ROWS)
      .flat()
      .map((r) => r.input)
      .filter((s) => /^https?:\/\/myaccess\.microsoft\.(com|us)[/?#:]/.test(s) && !/[\s\u200b-\u200f&<]/.test(s))
      // Prose punctuation after a link is trimmed by analyzeLink; a browser's URL has none.
      .filter((s) => /[a-z0-9/]$/i.test(s));
    let answered = 0;
    for (const url of urls) {
      const official = analyzeOfficialUrl(url);
      if (official) answered++;
      if (official) expect(official, url).toEqual(analyzeLink(url));
    }
    expect(answered).toBeGreaterThan(100);
  });
  it('does not answer for other hosts', () => {
    for (const url of ['https://myaccess.microsoft.com.evil.example/', 'https://myaccess.microsoft.com@evil.example/', 'https://myaccess.microsoft.com:443@evil.example/', 'https://myaccess.microsoft.com:8443/', 'https://example.com/']) {
      expect(analyzeOfficialUrl(url)).toBeUndefined();
    }
  });
});
