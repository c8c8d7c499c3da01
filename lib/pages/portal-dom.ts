// Reads what an access package's overview blade shows. The one module of lib/pages that touches
// the DOM: it takes the root to read as a parameter, so tests hand it fixture documents.
import { analyzeOfficialUrl } from '../link/official';
import type { LinkAnalysis } from '../link/types';

export interface OverviewFacts {
  packageName: string | null;
  hidden: boolean | null;
  catalogName: string | null;
  /** The "My Access portal link" the page shows, as the page shows it. */
  link: string | null;
}

// The portal is localised: labels and yes/no in the languages we ship, plus German (common in admin centres).
const LABELS = {
  name: ['name', 'nom', 'naam'],
  hidden: ['hidden', 'masqué', 'verborgen', 'ausgeblendet'],
  catalog: ['catalog', 'catalogue', 'catalogus', 'katalog', 'catalog name'],
  link: [
    'my access portal link',
    'lien du portail my access',
    'koppeling naar my access-portal',
    'link zum my access-portal',
  ],
};
const YES = ['yes', 'oui', 'ja', 'true'];
const NO = ['no', 'non', 'nee', 'nein', 'false'];
const LINK_IN_TEXT = /https?:\/\/myaccess\.microsoft\.(?:com|us)\/[^\s"'<>]*/i;

const norm = (s: string | null | undefined) =>
  (s ?? '').replace(/\s+/g, ' ').trim().replace(/:$/, '').toLowerCase();

function textOf(el: Element | null): string {
  if (!el) return '';
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value.trim();
  const field = el.querySelector('input, textarea');
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)
    return field.value.trim();
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The value shown next to a label: the element after it, or after its container. */
export function valueAfterLabel(root: ParentNode, labels: string[]): string | null {
  for (const el of root.querySelectorAll('label, dt, th, span, div, p')) {
    if (el.children.length > 1 || !labels.includes(norm(el.textContent))) continue;
    const forId = el instanceof HTMLLabelElement ? el.htmlFor : '';
    const candidates = [
      forId ? root.querySelector(`#${CSS.escape(forId)}`) : null,
      el.nextElementSibling,
      el.parentElement?.nextElementSibling ?? null,
    ];
    for (const c of candidates) {
      const value = textOf(c);
      if (value && !labels.includes(norm(value))) return value;
    }
  }
  return null;
}

function yesNo(value: string | null): boolean | null {
  const v = norm(value);
  return YES.includes(v) ? true : NO.includes(v) ? false : null;
}

/** Any My Access link the root shows, in a field or in text, judged by the link engine. */
export function findShownLink(root: ParentNode): LinkAnalysis | null {
  const labelled = valueAfterLabel(root, LABELS.link);
  const texts = [
    labelled,
    ...Array.from(root.querySelectorAll('input, textarea'), (f) => (f as HTMLInputElement).value),
    (root as Element | Document).textContent ?? '',
  ];
  for (const t of texts) {
    const m = t ? LINK_IN_TEXT.exec(t) : null;
    const analysis = m ? analyzeOfficialUrl(m[0]) : undefined;
    if (analysis) return analysis;
  }
  return null;
}

export function readOverview(root: ParentNode): OverviewFacts {
  const heading = root.querySelector('h1, h2, [role="heading"]');
  return {
    packageName: valueAfterLabel(root, LABELS.name) ?? (heading ? textOf(heading) || null : null),
    hidden: yesNo(valueAfterLabel(root, LABELS.hidden)),
    catalogName: valueAfterLabel(root, LABELS.catalog),
    link: findShownLink(root)?.link ?? null,
  };
}

/** Whether the root shows anything of an overview yet (blades render late). */
export function hasOverviewFacts(f: OverviewFacts): boolean {
  return f.link !== null || f.hidden !== null || f.catalogName !== null;
}
