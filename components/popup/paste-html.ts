import type { Anchor } from '../../lib/link';

/** Beyond these a paste is not an email a person copied; the rest is left unread. */
export const MAX_HTML = 2_000_000;
export const MAX_ANCHORS = 500;

/**
 * The links of a pasted HTML fragment (an email copied from Outlook or Gmail): where each `<a>`
 * goes and what it shows. The plain-text flavour of the same copy has only the shown text.
 * DOMParser makes an inert document: never inserted, its scripts never run, its images never load.
 */
export function anchorsInHtml(html: string, parser: DOMParser = new DOMParser()): Anchor[] {
  if (!html) return [];
  const doc = parser.parseFromString(html.slice(0, MAX_HTML), 'text/html');
  const anchors: Anchor[] = [];
  for (const a of doc.getElementsByTagName('a')) {
    const href = a.getAttribute('href');
    // The attribute as written (entities decoded), not `a.href`: that would resolve against the popup's own address.
    if (href !== null) anchors.push({ href, text: a.textContent ?? '' });
    if (anchors.length === MAX_ANCHORS) break;
  }
  return anchors;
}
