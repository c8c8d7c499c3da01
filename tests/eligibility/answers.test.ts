import { describe, expect, it } from 'vitest';
import {
  MAX_ANSWERED_PACKAGES,
  combineFacts,
  openQuestions,
  parseAnswers,
  withAnswers,
  answersBlock,
} from '../../lib/eligibility/answers';
import { eligibilityFindings } from '../../lib/eligibility/rules';

describe('user answers', () => {
  it.each([
    [undefined, {}],
    ['yes', {}],
    [
      { hidden: true, catalogExternal: 'yes', externalPolicy: false, other: true },
      { hidden: true, externalPolicy: false },
    ],
  ])('parseAnswers(%j)', (raw, expected) => {
    expect(parseAnswers(raw)).toEqual(expected);
  });

  it('keeps other packages, drops emptied entries and corrupt ones, caps the book', () => {
    const book = { a: { hidden: true }, b: 'corrupt', c: { catalogExternal: false } };
    expect(withAnswers(book, 'c', {})).toEqual({ a: { hidden: true } });
    expect(withAnswers(book, 'd', { externalPolicy: true })).toEqual({
      a: { hidden: true },
      c: { catalogExternal: false },
      d: { externalPolicy: true },
    });
    expect(withAnswers('corrupt', 'd', { hidden: false })).toEqual({ d: { hidden: false } });
    const big = Object.fromEntries(
      Array.from({ length: MAX_ANSWERED_PACKAGES + 5 }, (_, i) => [`p${i}`, { hidden: true }]),
    );
    const next = withAnswers(big, 'new', { hidden: false });
    expect(Object.keys(next)).toHaveLength(MAX_ANSWERED_PACKAGES);
    expect(next.new).toEqual({ hidden: false });
    expect(next.p0).toBeUndefined();
  });

  it('answers fill what neither Graph nor the page knows, and say so', () => {
    const facts = combineFacts(
      undefined,
      { hidden: { value: true, source: 'page' } },
      { hidden: false, catalogExternal: false, catalogPublished: true, externalPolicy: true },
    );
    expect(facts.hidden).toEqual({ value: true, source: 'page' });
    const findings = eligibilityFindings(facts);
    expect(findings[0]).toMatchObject({ code: 'catalog-not-external', source: 'user' });
    expect(findings.map((f) => f.code)).not.toContain('policies-unchecked');
    expect(findings.map((f) => f.code)).not.toContain('catalog-enabled-unchecked');
  });

  it('"no external policy" is a warning resting on the admin (existing guests may still request)', () => {
    const findings = eligibilityFindings(combineFacts(undefined, {}, { externalPolicy: false }));
    expect(findings.find((f) => f.code === 'no-external-policy')).toMatchObject({
      severity: 'warning',
      source: 'user',
    });
    expect(findings.some((f) => f.severity === 'error')).toBe(false);
  });

  it('"yes, a policy lets external users request it" does not make every typed domain covered', () => {
    for (const partner of ['anna@fabrikam.com', 'tailspin.example', 'bob@evil.example']) {
      const codes = eligibilityFindings({
        ...combineFacts(undefined, {}, { externalPolicy: true }),
        partner,
      }).map((f) => f.code);
      expect(codes).toContain('partner-unchecked');
      expect(codes).not.toContain('partner-covered');
    }
  });

  it('Graph outranks the page and the admin', () => {
    const facts = combineFacts(
      {
        catalogExternal: { value: true, source: 'graph' },
        hidden: { value: false, source: 'graph' },
      },
      { hidden: { value: true, source: 'page' } },
      { catalogExternal: false },
    );
    expect(facts.catalogExternal).toEqual({ value: true, source: 'graph' });
    expect(facts.hidden).toEqual({ value: false, source: 'graph' });
  });

  it('asks only what no source has answered', () => {
    expect(openQuestions({})).toEqual([
      'hidden',
      'catalogExternal',
      'catalogPublished',
      'externalPolicy',
    ]);
    expect(
      openQuestions({
        hidden: { value: true, source: 'page' },
        policies: { value: [], source: 'graph' },
      }),
    ).toEqual(['catalogExternal', 'catalogPublished']);
  });
});

describe('answersBlock', () => {
  it.each([
    [{}, false],
    [{ hidden: true }, false],
    [{ catalogExternal: true, catalogPublished: true, externalPolicy: true }, false],
    [{ catalogExternal: false }, true],
    [{ catalogPublished: false }, true],
    [{ externalPolicy: false }, true],
  ])('%j → %s', (answers, blocked) => {
    expect(answersBlock(answers)).toBe(blocked);
  });
});
