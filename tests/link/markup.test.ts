import { describe, expect, it } from 'vitest';
import {
  anchorsInSource,
  markdownLinks,
  markdownReferences,
  slackLinks,
} from '../../lib/link/markup';
import { trimEnd } from '../../lib/link/readings';

const L =
  'https://myaccess.microsoft.com/@contoso.com#/access-packages/6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6';
const spanOf = (text: string, l: { start: number; end: number }) => text.slice(l.start, l.end);

describe('HTML anchors in source text', () => {
  it.each([
    ['double quotes', `<a href="${L}">Request</a>`, L, 'Request'],
    [
      'single quotes and other attributes',
      `<a class='x' href='${L}' target=_blank>Request</a>`,
      L,
      'Request',
    ],
    ['no quotes, upper case', `<A HREF=${L}>Request</A >`, L, 'Request'],
    [
      'entities in the href, tags in the text',
      `<a href="https://e.x/?a=1&amp;b=2">Open <b>it</b></a>`,
      'https://e.x/?a=1&b=2',
      'Open it',
    ],
    [
      'the first href, not one inside a title',
      `<a title=' href="${L}"' href="https://e.x/">t</a>`,
      'https://e.x/',
      't',
    ],
    ['a slash before the attribute', `<a/href="https://e.x/">t</a>`, 'https://e.x/', 't'],
    [
      'a comment hiding a closing tag',
      `<a href="https://e.x/"><!-- </a> -->t</a>`,
      'https://e.x/',
      ' t',
    ],
    ['left open: to the next anchor or the end', `<a href="https://e.x/">t`, 'https://e.x/', 't'],
  ])('%s', (_, text, href, shown) => {
    const [a] = anchorsInSource(text);
    expect(a?.href).toBe(href);
    expect(a?.text.replace(/\s+/g, ' ')).toBe(shown.replace(/\s+/g, ' '));
    expect(spanOf(text, a!).startsWith('<a') || spanOf(text, a!).startsWith('<A')).toBe(true);
  });

  it('finds nothing in text without anchors, and costs one pass on thousands of open tags', () => {
    expect(anchorsInSource('a <abbr>b</abbr> c')).toEqual([]);
    expect(anchorsInSource('<a href=x>'.repeat(20_000))).toHaveLength(20_000);
  });
});

describe('Markdown', () => {
  it.each([
    ['inline', `[Request](${L})`, L, 'Request'],
    ['a title', `[Request](${L} "Open it")`, L, 'Request Open it'],
    ['an angle-bracket target', `[Request](<${L}>)`, L, 'Request'],
    ['the target on the next line', `[Request](\n${L})`, L, 'Request'],
    [
      'parentheses inside the target',
      '[w](https://en.example/wiki/Foo_(bar))',
      'https://en.example/wiki/Foo_(bar)',
      'w',
    ],
  ])('%s', (_, text, href, shown) => {
    const [m] = markdownLinks(text);
    expect(m?.href).toBe(href);
    expect(m?.text.trim()).toBe(shown);
    expect(spanOf(text, m!)).toBe(text);
  });

  it('a `](` without its `[` on the same line is no link', () => {
    expect(markdownLinks(`https://e.x/](${L}`)).toEqual([]);
    expect(markdownLinks(`[a\nb](${L})`)).toEqual([]);
  });

  it('references: uses of a label and the definition itself', () => {
    const text = `See [the package][1] and [1].\n\n[1]: ${L} "title"`;
    const found = markdownReferences(text);
    expect(found.map((m) => [m.text, m.href])).toEqual([
      ['1', L],
      ['the package', L],
      ['1', L],
    ]);
    expect(markdownReferences('No [definitions] here')).toEqual([]);
  });
});

describe("Slack's message source", () => {
  it('reads <target|text>', () => {
    const text = `Ask <mailto:help@contoso.com|help> or <${L}|Request access>`;
    expect(slackLinks(text).map((m) => [m.href, m.text, spanOf(text, m)])).toEqual([
      ['mailto:help@contoso.com', 'help', '<mailto:help@contoso.com|help>'],
      [L, 'Request access', `<${L}|Request access>`],
    ]);
  });
});

describe('trimEnd', () => {
  it.each([
    [`${L}.`, L],
    [`${L}),`, L],
    [`(${L})`, `(${L})`],
    ['https://en.example/wiki/Foo_(bar)', 'https://en.example/wiki/Foo_(bar)'],
    [`${L}”»`, L],
    [`${L}。`, L],
    [`a.b${')'.repeat(5)}`, 'a.b'],
  ])('%s', (input, expected) => expect(trimEnd(input)).toBe(expected));
});
