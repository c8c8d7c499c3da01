import { describe, expect, it } from 'vitest';
import { decodeProofpointV2, decodeProofpointV3, matchWrapper } from '../../lib/link/wrappers';

describe('Proofpoint decoders', () => {
  it('v2: `-` is `%` and `_` is `/`', () => {
    expect(decodeProofpointV2('https-3A__www.contoso.com_a-2Db-5Fc-3Fx-3D1')).toBe(
      'https://www.contoso.com/a-b_c?x=1',
    );
  });
  it('v3: `*` takes the next replaced character, `**<run>` a run of them', () => {
    // `#` = "Iw", `%#/` = "JSMv" in base64url
    expect(decodeProofpointV3('/v3/__https://a.example/x*y__;Iw!!abc$')).toBe(
      'https://a.example/x#y',
    );
    expect(decodeProofpointV3('/v3/__https://a.example/**Az__;JSMv!!abc$')).toBe(
      'https://a.example/%#z',
    );
  });
  it('v3: replaced characters beyond ASCII are read as UTF-8; bytes that are not UTF-8 are refused', () => {
    expect(decodeProofpointV3('/v3/__https://a.example/caf*__;w6k!!abc$')).toBe(
      'https://a.example/café',
    );
    expect(decodeProofpointV3('/v3/__https://a.example/x*y__;__4!!abc$')).toBeUndefined();
  });
  it('v3: missing replacement characters make the link unreadable, not guessed', () => {
    expect(decodeProofpointV3('/v3/__https://a.example/x*y*z__;Iw!!abc$')).toBeUndefined();
    expect(decodeProofpointV3('/v3/not-a-v3-path')).toBeUndefined();
  });
});

describe('matchWrapper recognises wrappers by exact host', () => {
  it.each([
    ['nam12.safelinks.protection.outlook.com', '/?url=x', 'safelinks'],
    ['gcc02.safelinks.protection.office365.us', '/?url=x', 'safelinks'],
    [
      'statics.teams.cdn.office.net',
      '/evergreen-assets/safelinks/1/atp-safelinks.html?url=x',
      'safelinks',
    ],
    ['urldefense.proofpoint.com', '/v2/url?u=x', 'urldefense'],
    ['urldefense.com', '/v3/__x__;!!', 'urldefense'],
    ['www.google.com', '/url?q=x', 'google'],
    ['www.google.co.uk', '/url?q=x', 'google'],
    ['slack-redir.net', '/link?url=x', 'slack'],
    ['protect-us.mimecast.com', '/s/abc', 'mimecast'],
  ])('%s', (host, tail, name) => {
    expect(matchWrapper(host, tail)?.name).toBe(name);
  });
  it.each([
    ['safelinks.protection.outlook.com.evil.example', '/?url=x'],
    ['evil-safelinks.protection.outlook.co', '/?url=x'],
    ['urldefense.proofpoint.co', '/v2/url?u=x'],
    ['www.google.com', '/search?q=x'],
    ['google.evil.example', '/url?q=x'],
    ['statics.teams.cdn.office.net', '/other.html?url=x'],
  ])('not %s%s', (host, tail) => {
    expect(matchWrapper(host, tail)).toBeNull();
  });
});

describe('look-alike folding', async () => {
  const { skeleton, editDistance } = await import('../../lib/link/text');
  it.each([
    ['myaccess.microsoft.com', 'myaccessmicrosoftcom'],
    ['rnyaccess.rnicrosoft.com', 'myaccessmicrosoftcom'],
    ['MY-ACCESS.micros0ft.c0m', 'myaccessmicrosoftcom'],
    ['myаccess', 'myaccess'],
    ['ｍｙａｃｃｅｓｓ', 'myaccess'],
    ['vvww|1', 'wwwll'],
  ])('skeleton(%s) = %s', (input, expected) => {
    expect(skeleton(input)).toBe(expected);
  });
  it.each([
    ['myaccess', 'myaccess', 0],
    ['myacces', 'myaccess', 1],
    ['myaccses', 'myaccess', 2],
    ['example', 'myaccessmicrosoftcom', 4],
  ])('editDistance(%s, %s) bounded by 3', (a, b, d) => {
    expect(editDistance(a, b, 3)).toBe(d);
  });
  it('agrees with the textbook distance, capped at max+1, on any pair of short strings', async () => {
    const fc = (await import('fast-check')).default;
    const levenshtein = (a: string, b: string) => {
      let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++)
          cur[j] = Math.min(
            prev[j]! + 1,
            cur[j - 1]! + 1,
            prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
        prev = cur;
      }
      return prev[b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom(...'myacesrnvw'.split('')), maxLength: 24 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(Math.min(levenshtein(a, b), max + 1));
      }),
      { numRuns: 4000 },
    );
  });
});

describe('query parameters of wrappers', async () => {
  const { queryParam, rawQueryParam } = await import('../../lib/link/text');
  it.each([
    ['url=https%3A%2F%2Fa.example&data=05', 'url', 'https://a.example'],
    ['?URL=x&url=y', 'url', 'x'],
    ['data=1&url', 'url', ''],
    ['data=url&x=1', 'url', undefined],
    ['u=a+b%2Bc', 'u', 'a+b+c'],
    ['', 'url', undefined],
  ])('queryParam(%s, %s) = %s', (query, name, expected) => {
    expect(queryParam(query, name)).toBe(expected);
  });
  it('a raw value needs its `=`: a bare name is skipped, not taken as empty', () => {
    expect(rawQueryParam('u&u=https-3A__a.example', 'u', true)).toBe('https-3A__a.example');
    expect(rawQueryParam('u&u=https-3A__a.example', 'u', false)).toBe('');
    expect(rawQueryParam('x=1&d=-3D', 'u', true)).toBeUndefined();
  });
  it('stays linear on hostile queries', () => {
    const hostile = '&'.repeat(200_000) + 'u=ok';
    expect(rawQueryParam(hostile, 'u', true)).toBe('ok');
    expect(queryParam(`${'a'.repeat(100_000)}&`.repeat(3), 'url')).toBeUndefined();
  });
});
