// Reads what an access package's overview blade shows. The one module of lib/pages that touches
// the DOM: it takes the root to read as a parameter, so tests hand it fixture documents.
// The portal keeps earlier blades of the journey (the package grid, whose column headers are
// "Name / Catalog / Hidden") and its own chrome in the same document: every read is scoped to the
// blade that shows this package, never the first match anywhere on the page.
import { hostsPattern, MY_ACCESS_HOSTS } from '../hosts';
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
  // "My Access portal link" as Microsoft words it per language. Source: the page "Share link to
  // request an access package"
  // (https://learn.microsoft.com/entra/id-governance/entitlement-management-access-package-settings)
  // in its French and Dutch versions. The untranslated "My Access" forms stay too: portals
  // do not always follow their documentation.
  link: [
    'my access portal link', // en
    'lien du portail mon accès', // fr (Microsoft's wording)
    'koppeling mijn access-portal', // nl (Microsoft's wording)
    'lien du portail my access', // fr, untranslated portal name
    'koppeling naar my access-portal', // nl, untranslated portal name
    'link zum my access-portal', // de
  ],
};
const YES = ['yes', 'oui', 'ja', 'true'];
const NO = ['no', 'non', 'nee', 'nein', 'false'];
const LINK_IN_TEXT = new RegExp(`https?://${hostsPattern(MY_ACCESS_HOSTS)}/[^\\s"'<>]*`, 'i');
const NOTHING: OverviewFacts = { packageName: null, hidden: null, catalogName: null, link: null };
// A blade's title; a section's own heading ("Basics") is a level below.
const TITLE = 'h1, h2, [role="heading"][aria-level="1"], [role="heading"][aria-level="2"]';

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

/** A grid's column header: it labels a column of many rows, never one value. */
function isColumnHeader(el: Element): boolean {
  if (el.getAttribute('role') === 'columnheader' || el.closest('thead')) return true;
  return el.tagName === 'TH' && (el.parentElement?.querySelectorAll(':scope > th').length ?? 0) > 1;
}

const contains = (root: ParentNode, el: Element | null) =>
  el !== null && (root as Node).contains(el) && el !== root;

/** The value shown next to a label: the element after it, or after its container. */
export function valueAfterLabel(root: ParentNode, labels: string[]): string | null {
  for (const el of root.querySelectorAll('label, dt, th, span, div, p')) {
    if (el.children.length > 1 || !labels.includes(norm(el.textContent)) || isColumnHeader(el))
      continue;
    const forId = el instanceof HTMLLabelElement ? el.htmlFor : '';
    const candidates = [
      forId ? root.querySelector(`#${CSS.escape(forId)}`) : null,
      el.nextElementSibling,
      el.parentElement?.nextElementSibling ?? null,
    ];
    for (const c of candidates) {
      if (!contains(root, c)) continue;
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

/** The text nodes a reader sees (not a script's or a style's source) that mention My Access. */
function* textsNamingMyAccess(root: ParentNode): Generator<Text> {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!/myaccess/i.test(n.nodeValue ?? '')) continue;
    if (n.parentElement?.closest('script, style, template, noscript')) continue;
    yield n as Text;
  }
}

/** Any My Access link the root shows, in a field or in text, judged by the link engine. */
export function findShownLink(root: ParentNode): LinkAnalysis | null {
  const labelled = valueAfterLabel(root, LABELS.link);
  const texts = [
    labelled,
    ...Array.from(root.querySelectorAll('input, textarea'), (f) => (f as HTMLInputElement).value),
    ...Array.from(textsNamingMyAccess(root), (n) => n.nodeValue ?? ''),
  ];
  for (const t of texts) {
    const m = t ? LINK_IN_TEXT.exec(t) : null;
    const analysis = m ? analyzeOfficialUrl(m[0]) : undefined;
    if (analysis) return analysis;
  }
  return null;
}

interface Holder {
  el: Element;
  /** The package the shown link names; null for a label, or a link without one. */
  id: string | null;
}

/** Every element that shows a My Access link (a field, or the element around a text) or its label. */
function holders(root: ParentNode): { links: Holder[]; labels: Element[] } {
  const links: Holder[] = [];
  const add = (el: Element | null, text: string) => {
    const m = el ? LINK_IN_TEXT.exec(text) : null;
    const analysis = m ? analyzeOfficialUrl(m[0]) : undefined;
    if (el && analysis) links.push({ el, id: analysis.accessPackageId });
  };
  for (const f of root.querySelectorAll('input, textarea'))
    add(f, (f as HTMLInputElement | HTMLTextAreaElement).value);
  for (const n of textsNamingMyAccess(root)) add(n.parentElement, n.nodeValue ?? '');
  const labels = Array.from(root.querySelectorAll('label, dt, th, span, div, p')).filter(
    (el) => el.children.length <= 1 && LABELS.link.includes(norm(el.textContent)),
  );
  return { links, labels };
}

/** Steps up from `el` to the first ancestor that also holds `target` (how far apart they sit). */
function distance(el: Element, target: Element): number {
  let n = 0;
  for (let up: Element | null = el; up && !up.contains(target); up = up.parentElement) n++;
  return n;
}

/**
 * The blade that shows this package, and the element its link (or the link's label) is in: the
 * largest container around that element holding nothing of another blade (no grid headed by the
 * overview's labels, no link to another package, no second "My Access portal link" label).
 */
function locate(root: ParentNode, packageId?: string | null) {
  const { links, labels: all } = holders(root);
  // A label wrapped in another (`<div><span>label</span></div>`) counts once: the innermost.
  const labels = all.filter((l) => !all.some((o) => o !== l && l.contains(o)));
  const id = packageId?.toLowerCase() ?? null;
  const anchor = id
    ? (links.find((h) => h.id === id)?.el ??
      (links.some((h) => h.id !== null) ? undefined : labels[0]))
    : (links[0]?.el ?? labels[0]);
  if (!anchor) return null;
  const ownId = id ?? links.find((h) => h.el === anchor)?.id ?? null;
  const ownLabel = labels.reduce<Element | undefined>(
    (best, l) => (!best || distance(l, anchor) < distance(best, anchor) ? l : best),
    undefined,
  );
  const labelSets = [LABELS.name, LABELS.hidden, LABELS.catalog];
  const foreign = [
    ...Array.from(root.querySelectorAll('th, [role="columnheader"]')).filter(
      (el) => isColumnHeader(el) && labelSets.some((l) => l.includes(norm(el.textContent))),
    ),
    ...links.filter((h) => h.id !== null && ownId !== null && h.id !== ownId).map((h) => h.el),
    ...labels.filter((l) => l !== ownLabel),
  ];
  let blade: Element = anchor;
  for (let up = anchor.parentElement; up && (root as Node).contains(up); up = up.parentElement) {
    if (foreign.some((el) => up.contains(el))) break;
    blade = up;
  }
  return { blade, anchor };
}

/** The blade that shows this package (see `locate`), or null when the root shows none (yet). */
export function findPackageBlade(root: ParentNode, packageId?: string | null): Element | null {
  return locate(root, packageId)?.blade ?? null;
}

/** The blade's title: the last title heading before its link (the portal's own title comes first). */
function titleBefore(blade: Element, anchor: Element): string | null {
  const titles = Array.from(blade.querySelectorAll(TITLE)).filter(
    (h) => h.compareDocumentPosition(anchor) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  const last = titles[titles.length - 1];
  return last ? textOf(last) || null : null;
}

/**
 * What the overview of this package shows, read only inside its blade. `packageId` is the package
 * the tab's URL names, when the reader knows it.
 */
export function readOverview(root: ParentNode, packageId?: string | null): OverviewFacts {
  const found = locate(root, packageId);
  if (!found) return NOTHING;
  const { blade, anchor } = found;
  const shown = findShownLink(blade);
  // A blade found by its label alone may still show another package's link: not ours.
  if (packageId && shown?.accessPackageId && shown.accessPackageId !== packageId.toLowerCase())
    return NOTHING;
  return {
    packageName: valueAfterLabel(blade, LABELS.name) ?? titleBefore(blade, anchor),
    hidden: yesNo(valueAfterLabel(blade, LABELS.hidden)),
    catalogName: valueAfterLabel(blade, LABELS.catalog),
    link: shown?.link ?? null,
  };
}

/** Whether the root shows anything of an overview yet (blades render late). */
export function hasOverviewFacts(f: OverviewFacts): boolean {
  return f.link !== null || f.hidden !== null || f.catalogName !== null;
}
