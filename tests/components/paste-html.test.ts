/** @vitest-environment happy-dom */
import { describe, expect, it, vi } from 'vitest';
import { anchorsInHtml, MAX_ANCHORS, MAX_HTML } from '../../components/popup/paste-html';
import { G } from '../fixtures/link-rows';

const LINK = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`;

// What Outlook for Windows puts on the clipboard (Word's HTML, after the browser strips the
// CF_HTML header): conditional comments, a style block, a Safe Links href with &amp; and the
// shown link split over spans by the spelling checker.
const OUTLOOK = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--
@font-face {font-family:"Cambria Math"; panose-1:2 4 5 3 5 4 6 3 2 4;}
a:link, span.MsoHyperlink {mso-style-priority:99; color:#0563C1; text-decoration:underline;}
--></style><!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026" /></xml><![endif]--></head>
<body lang=EN-GB link="#0563C1" vlink="#954F72" style='word-wrap:break-word'>
<!--StartFragment--><p class=MsoNormal><span lang=EN-US>Hi Anna,<o:p></o:p></span></p>
<p class=MsoNormal><span lang=EN-US>Please request access here: <a href="https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fmyaccess.microsoft.com%2F%40contoso.com%23%2Faccess-packages%2F${G}&amp;data=05%7C02%7Canna%40fabrikam.com%7C9c1d%7C0&amp;sdata=Zk3%2Bq%3D&amp;reserved=0" originalsrc="${LINK}" shash="abc"><span style='font-family:"Calibri",sans-serif'>https://myaccess.microsoft.com/@contoso.com#/access-<span class=GramE>packages</span>/${G}</span></a><o:p></o:p></span></p>
<p class=MsoNormal><a name="_MailEndCompose"><span lang=EN-US>Kind regards,</span></a><o:p></o:p></p><!--EndFragment-->
</body>
</html>`;

// What Chrome puts on the clipboard from Gmail: a meta, inline styles, a display text that is
// not the link, and a signature link.
const GMAIL = `<html><body>
<!--StartFragment--><meta charset="utf-8"><div dir="ltr" style="color:rgb(34,34,34);font-family:Arial,Helvetica,sans-serif;font-size:small">Hello,<div><br></div><div>Use <a href="https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}?x=1&amp;y=&quot;2&quot;" target="_blank" style="color:rgb(17,85,204)"><b>this&nbsp;link</b></a> to request it.</div><div>--&nbsp;<br><a href="mailto:it@contoso.com" target="_blank">it@contoso.com</a></div></div><!--EndFragment-->
</body>
</html>`;

describe('anchorsInHtml', () => {
  it('Outlook: the href as the browser would follow it (entities decoded), the text over its nested spans; anchors without href left out', () => {
    expect(anchorsInHtml(OUTLOOK)).toEqual([
      {
        href: `https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fmyaccess.microsoft.com%2F%40contoso.com%23%2Faccess-packages%2F${G}&data=05%7C02%7Canna%40fabrikam.com%7C9c1d%7C0&sdata=Zk3%2Bq%3D&reserved=0`,
        text: LINK,
      },
    ]);
  });

  it('Gmail: a display text that is not the link, entities in the href, every anchor in order', () => {
    expect(anchorsInHtml(GMAIL)).toEqual([
      { href: `${LINK}?x=1&y="2"`, text: 'this\u00a0link' },
      { href: 'mailto:it@contoso.com', text: 'it@contoso.com' },
    ]);
  });

  it('keeps the href as written: relative and empty ones are not resolved against the popup', () => {
    expect(
      anchorsInHtml(
        '<a href="/@contoso.com#/access-packages/x">rel</a><a href="">empty</a><a>none</a>',
      ),
    ).toEqual([
      { href: '/@contoso.com#/access-packages/x', text: 'rel' },
      { href: '', text: 'empty' },
    ]);
  });

  it('nothing pasted as HTML, nothing found', () => {
    expect(anchorsInHtml('')).toEqual([]);
    expect(anchorsInHtml('just text, https://evil.example/')).toEqual([]);
  });

  it('reads an inert copy: nothing is added to the page, no script runs', () => {
    const before = document.body.childNodes.length;
    const hostile = `<script>globalThis.ranScript = true</script><img src="x" onerror="globalThis.ranScript = true"><a href="https://evil.example/" onclick="globalThis.ranScript = true">${LINK}</a>`;
    expect(anchorsInHtml(hostile)).toEqual([{ href: 'https://evil.example/', text: LINK }]);
    expect(document.body.childNodes.length).toBe(before);
    expect((globalThis as { ranScript?: boolean }).ranScript).toBeUndefined();
  });

  it('bounded: at most 500 anchors, and the HTML cut at 2,000,000 characters before parsing', () => {
    const many = Array.from(
      { length: MAX_ANCHORS + 100 },
      (_, i) => `<a href="https://example.com/${i}">${i}</a>`,
    ).join('');
    const anchors = anchorsInHtml(many);
    expect(anchors).toHaveLength(500);
    expect(anchors.at(-1)).toEqual({ href: 'https://example.com/499', text: '499' });

    const parser = new DOMParser();
    const parse = vi.spyOn(parser, 'parseFromString');
    const padded = `<p>${'x'.repeat(MAX_HTML)}</p><a href="https://evil.example/">${LINK}</a>`;
    expect(anchorsInHtml(padded, parser)).toEqual([]);
    expect(parse.mock.calls[0]![0]).toHaveLength(2_000_000);
  });
});
