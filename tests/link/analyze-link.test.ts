import { describe, expect, it } from 'vitest';
import { analyzeLink } from '../../lib/link';
import { ALL_ROWS } from '../fixtures/link-rows';

const total = Object.values(ALL_ROWS).reduce((n, rows) => n + rows.length, 0);

describe('analyzeLink over the table of real-looking inputs', () => {
  it('has at least 200 distinct inputs', () => {
    const inputs = new Set(
      Object.values(ALL_ROWS)
        .flat()
        .map((r) => r.input),
    );
    expect(inputs.size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(200);
  });

  for (const [group, rows] of Object.entries(ALL_ROWS)) {
    describe(group, () => {
      it.each(rows.map((r) => [JSON.stringify(r.input).slice(0, 140), r] as const))(
        '%s',
        (_, row) => {
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
          if (row.verdict === 'dangerous')
            expect(a.problems.some((p) => p.severity === 'error')).toBe(true);
        },
      );
    });
  }
});
