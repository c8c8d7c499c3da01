import { describe, expect, it } from 'vitest';
import { analyzeLink, buildLink, repairLink } from '../../lib/link';
import { G, T } from '../fixtures/link-rows';

describe('repairLink', () => {
  const noHint = analyzeLink(`https://myaccess.microsoft.com/#/access-packages/${G}`);
  const noId = analyzeLink('https://myaccess.microsoft.us/@contoso.us');
  const neither = analyzeLink('https://myaccess.microsoft.com/');

  it.each([
    [
      'a domain',
      noHint,
      { directoryHint: 'contoso.onmicrosoft.com' },
      `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`,
    ],
    [
      'an upper-case domain with @ and trailing dot',
      noHint,
      { directoryHint: ' @Contoso.COM. ' },
      `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
    ],
    [
      'a tenant GUID',
      noHint,
      { directoryHint: T.toUpperCase() },
      `https://myaccess.microsoft.com/@${T}#/access-packages/${G}`,
    ],
    [
      'a package id in braces, on the US host',
      noId,
      { accessPackageId: `{${G.toUpperCase()}}` },
      `https://myaccess.microsoft.us/@contoso.us#/access-packages/${G}`,
    ],
    [
      'both parts',
      neither,
      { directoryHint: 'fabrikam.com', accessPackageId: G },
      `https://myaccess.microsoft.com/@fabrikam.com#/access-packages/${G}`,
    ],
  ])('fills %s', (_, analysis, fill, canonical) => {
    const r = repairLink(analysis, fill);
    expect(r.verdict).toBe('valid');
    expect(r.canonical).toBe(canonical);
    expect(r.needs).toEqual([]);
    expect(r.problems.map((p) => p.code)).toEqual(['repaired']);
  });

  it.each([
    ['a word', { directoryHint: 'contoso' }, 'fill-hint-invalid'],
    ['an email address', { directoryHint: 'anna@contoso.com' }, 'fill-hint-invalid'],
    ['a punycode look-alike', { directoryHint: 'xn--cntoso-1ya.com' }, 'fill-hint-invalid'],
    ['a Cyrillic look-alike', { directoryHint: 'cоntoso.com' }, 'fill-hint-invalid'],
  ])('refuses %s as a directory hint and keeps asking', (_, fill, code) => {
    const r = repairLink(noHint, fill);
    expect(r.verdict).toBe('repairable');
    expect(r.needs).toEqual(['directoryHint']);
    expect(r.canonical).toBeNull();
    expect(r.problems.map((p) => p.code)).toContain(code);
  });

  it('refuses a partial or zero package id', () => {
    for (const id of ['6f1d2c3a-1b2c', '00000000-0000-0000-0000-000000000000', 'sales']) {
      const r = repairLink(noId, { accessPackageId: id });
      expect(r.verdict).toBe('repairable');
      expect(r.problems.map((p) => p.code)).toContain('fill-package-id-invalid');
    }
  });

  it('fills only what is missing: a present part is never replaced', () => {
    const r = repairLink(noHint, {
      directoryHint: 'fabrikam.com',
      accessPackageId: '0b7c7f2e-5a1d-4c3b-9e8f-112233445566',
    });
    expect(r.accessPackageId).toBe(G);
    expect(r.directoryHint).toBe('fabrikam.com');
  });

  it('leaves dangerous, invalid and valid links as they are', () => {
    for (const input of [
      'https://myaccess-microsoft.com/#/access-packages/' + G,
      'hello',
      `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
    ]) {
      const a = analyzeLink(input);
      expect(repairLink(a, { directoryHint: 'contoso.com', accessPackageId: G })).toBe(a);
    }
  });

  it('ignores empty fills', () => {
    expect(repairLink(neither, { directoryHint: '  ', accessPackageId: '' })).toEqual(neither);
  });
});

describe('buildLink', () => {
  it('builds the canonical form from normalised parts', () => {
    expect(
      buildLink({ directoryHint: 'Contoso.com.', accessPackageId: `{${G.toUpperCase()}}` }),
    ).toBe(`https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`);
    expect(buildLink({ host: 'myaccess.microsoft.us', directoryHint: T, accessPackageId: G })).toBe(
      `https://myaccess.microsoft.us/@${T}#/access-packages/${G}`,
    );
  });

  it.each([
    [{ directoryHint: 'contoso', accessPackageId: G }],
    [{ directoryHint: 'contoso.com', accessPackageId: 'nope' }],
    [
      {
        host: 'myaccess.microsoft.com.evil.example' as 'myaccess.microsoft.com',
        directoryHint: 'contoso.com',
        accessPackageId: G,
      },
    ],
  ])('throws a RangeError for parts that are not a link (%j)', (parts) => {
    expect(() => buildLink(parts)).toThrow(RangeError);
  });
});

describe('analyzeLink edge inputs', () => {
  it('only punctuation is not "nothing pasted"', () => {
    expect(analyzeLink('...').problems.map((p) => p.code)).toEqual(['not-my-access']);
    expect(analyzeLink('  ').problems.map((p) => p.code)).toEqual(['empty-input']);
  });
});
