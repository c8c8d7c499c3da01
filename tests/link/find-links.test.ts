import { describe, expect, it } from 'vitest';
import { findLinks } from '../../lib/link';
import { G, G2 } from '../fixtures/link-rows';

const LINK = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`;

describe('findLinks', () => {
  it('finds every link of a whole email, in order, each judged on its own', () => {
    const email = [
      'From: Bob <bob@contoso.com>',
      'Subject: Access to the Sales portal',
      '',
      'Hi Anna,',
      `Please request access: ${LINK}`,
      `If that fails, the older one: https://myaccess.microsoft.com/#/access-packages/${G2}`,
      'Our website: https://www.contoso.com/about (not a My Access link).',
      'Do NOT use https://myaccess-microsoft.com/@contoso.com#/access-packages/' + G,
      '',
      '-- ',
      'Bob',
    ].join('\r\n');
    const found = findLinks(email);
    expect(found.map((l) => [l.verdict, l.directoryHint, l.accessPackageId])).toEqual([
      ['valid', 'contoso.com', G],
      ['repairable', null, G2],
      ['dangerous', null, null],
    ]);
    expect(found[2]!.realHost).toBe('myaccess-microsoft.com');
  });

  it('reports a repeated link once (HTML and plain parts of one email)', () => {
    const text = `${LINK}\n<a href="${LINK}">${LINK}</a>`;
    expect(findLinks(text)).toHaveLength(1);
  });

  it('reports the same package behind two wrappers once, by its canonical link', () => {
    const safe = `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent(LINK)}&data=05`;
    const google = `https://www.google.com/url?q=${encodeURIComponent(LINK)}`;
    const found = findLinks(`${safe}\n${google}`);
    expect(found).toHaveLength(1);
    expect(found[0]!.unwrapped).toEqual(['safelinks']);
  });

  it('leaves out links that have nothing to do with My Access', () => {
    expect(
      findLinks('See https://example.com and https://portal.azure.com/#home and mailto:x@y.z'),
    ).toEqual([]);
  });

  it('does not join a complete link with the next word', () => {
    const found = findLinks(`${LINK}\nThanks`);
    expect(found[0]!.canonical).toBe(LINK);
    expect(found[0]!.problems).toEqual([]);
  });

  it('does not join across a blank line', () => {
    const found = findLinks(
      `https://myaccess.microsoft.com/@contoso.com\n\n#/access-packages/${G}`,
    );
    expect(found[0]!.verdict).toBe('repairable');
  });

  it('reads at most MAX_TEXT characters, before anything else', async () => {
    const { MAX_TEXT } = await import('../../lib/link');
    expect(findLinks(`${'x'.repeat(MAX_TEXT - 1)} ${LINK}`)).toEqual([]);
    expect(findLinks(`${LINK} ${'x'.repeat(MAX_TEXT)}`).map((l) => l.canonical)).toEqual([LINK]);
  });

  it('ties each link to its span of the text, decoded or joined', () => {
    const text = `Hi,\n<a href=3D"${LINK}">x</a>\nand https://myaccess.microsoft.com/@contoso.com#/access-=\npackages/${G2} =3D`;
    for (const l of findLinks(text)) expect(text.slice(l.span!.start, l.span!.end)).toBe(l.input);
    const [a, b] = findLinks(
      `Open ${LINK}\nor https://myaccess.microsoft.com/@fabrikam.com#/access-\npackages/${G2} today`,
    );
    expect(a!.input).toBe(LINK);
    expect(b!.input).toBe(`https://myaccess.microsoft.com/@fabrikam.com#/access-\npackages/${G2}`);
    expect(b!.canonical).toBe(
      `https://myaccess.microsoft.com/@fabrikam.com#/access-packages/${G2}`,
    );
  });

  it('returns [] for empty or non-string input', () => {
    expect(findLinks('')).toEqual([]);
    expect(findLinks(undefined as unknown as string)).toEqual([]);
  });

  it('finds a link in a megabyte of mail without choking', () => {
    const filler =
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit. https://www.contoso.com/news\n';
    const text = filler.repeat(6000) + LINK + '\n' + filler.repeat(6000);
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(findLinks(text).map((l) => l.canonical)).toEqual([LINK]);
  });
});
