import { describe, expect, it } from 'vitest';
import { analyzeLink } from '../../lib/link';
import { ALL_ROWS } from '../fixtures/link-rows';

const total = Object.values(ALL_ROWS).reduce((n, rows) => n + rows.length, 0);

describe('analyzeLink over the table of real-looking inputs', () => {
  it('has at least 200 distinct inputs', () => {
    const inputs = new Set(Object.values(ALL_ROWS).flat().map((r) => r.input));
    expect(inputs.size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(200);
  });

  for (const [group, rows] of Object.entries(ALL_ROWS)) {
    describe(group, () => {
      it.each(rows.map((r) => [JSON.stringify(r.input).slice(0, 140), r] as const))('%s', (_, row) => {
        const a = analyzeLink(row.input);
        expect(a.verdict).toBe(row.verdict);
        expect(a.input).toBe(row.input);
        expect(a.problems.map((p) => p.code).sort()).toEqual([...row.codes].sort());
        if (row.host !== undefined) expect(a.host).toBe(row.host);
        if (row.hint !== undefined) expect(a.directoryHint).toBe(row.hint);
        if (row.id !== undefined) expect(a.accessPackageId).toBe(row.id);
        if (row.needs !== undefined) expect(a.needs).toEqual(row.needs);
        if (row.unwrapped !== undefined) expect(a.unwrapped).toEqual(row.unwrapped);
        if (row.realHost !== undefined) expect(a.realHost).toBe(row.realHost);
        // The canonical link exists exactly for valid links, and is built from the checked parts.
        if (row.verdict === 'valid') {
          expect(a.canonical).toBe(`https://${row.host}/@${row.hint}#/access-packages/${row.id}`);
        } else {
          expect(a.canonical).toBeNull();
        }
        if (row.verdict === 'dangerous') expect(a.problems.some((p) => p.severity === 'error')).toBe(true);
      });
    });
  }
});

describe('where a look-alike really leads', async () => {
  const fc = (await import('fast-check')).default;
  const { browserHost } = await import('../../lib/link/analyze-one');
  // The shortcut for plain names must name the host the browser's own parser names.
  it('is what new URL() says, for plain names and for names it must leave to the parser', () => {
    const label = fc.string({
      unit: fc.constantFrom(...'abcx0179-'.split(''), '%2E', '%2e', '%40', '%3A', '%41', '%zz', '%25', '%C3%A9', '%E2%80%8B', '%20', '%09', '%0A', '%00', '\t', '\n', '\u3000', '\u00a0', 'é', '|', '^', 'xn--', 'xn--a', 'xn--myccess-8nf', 'xn--p1ai'),
      minLength: 0,
      maxLength: 6,
    });
    const authority = fc
      .tuple(
        fc.constantFrom('', 'user@', 'user:pass@', 'a@b@', 'myaccess.microsoft.com@', 'x\\@', '%40@'),
        fc.array(label, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('', '.', ':8443', ':', ':0443', ':99999', ':65536', ':evil', ':8443x', '.:443', '@evil.example', '..', '\\@evil.example', '@evil.example:1'),
      )
      .map(([userinfo, labels, end]) => userinfo + labels.join('.') + end);
    fc.assert(
      fc.property(authority, (a) => {
        const link = `https://${a}/@contoso.com#/access-packages/x`;
        let expected: string | null;
        try {
          const h = new URL(link).hostname;
          expected = h === '' || h === 'myaccess.microsoft.com' || h === 'myaccess.microsoft.us' ? null : h;
        } catch {
          expected = null;
        }
        expect(browserHost(link, a), a).toBe(expected);
      }),
      { numRuns: 5000 },
    );
    for (const a of ['0x7f.1', '127.0.0.1', 'example.0x1f', 'example.123', 'myaccess.microsoft.com', 'myaccess.microsoft.com.', 'a..b', '-evil-.example']) {
      expect(browserHost(`https://${a}/`, a), a).toBe(browserHost(`https://${a}/`));
    }
  });
});
