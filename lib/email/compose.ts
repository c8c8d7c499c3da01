import { analyzeLink } from '../link';
import { renderTemplate, type EmailTemplate, type TemplateValues } from './template';

export interface EmailFacts {
  /** Must be a canonical My Access link: the only link an email carries. */
  link: string;
  packageName?: string | null;
  organization?: string | null;
  note?: string | null;
  /** Sentences for the request's approval and expiry, when known (already localised). */
  approval?: string | null;
  expiry?: string | null;
}

export interface Email {
  subject: string;
  text: string;
  html: string;
}

export type ComposeResult = { ok: true; email: Email } | { ok: false; code: 'link-not-canonical' };

const MAX_NOTE = 2000;
const MAX_NAME = 200;

/** Strips what could break a header or hide text: control characters, bidi overrides, zero-widths. */
function clean(s: string | null | undefined, max: number, keepLines = false): string {
  let v = (s ?? '').normalize('NFC');
  v = keepLines ? v.replace(/\r\n?/g, '\n') : v.replace(/[\r\n]+/g, ' ');
  v = v.replace(
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2028\u2029\ufeff]/g,
    '',
  );
  if (!keepLines) v = v.replace(/\t/g, ' ');
  v = v.trim();
  // Cut on a code-point boundary, never inside a surrogate pair.
  const cps = Array.from(v);
  return cps.length > max ? `${cps.slice(0, max - 1).join('')}…` : v;
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Plain text to HTML: every character escaped, paragraphs and line breaks kept, the link linked. */
export function textToHtml(text: string, link: string): string {
  const linked = `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`;
  const paragraphs = text.split(/\n{2,}/).map((p) =>
    p
      .split('\n')
      .map((line) => line.split(link).map(escapeHtml).join(linked))
      .join('<br>'),
  );
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('');
  return `<div style="font-family:Segoe UI,Arial,sans-serif;font-size:14px">${body}</div>`;
}

/**
 * Writes the email from a template. Only a canonical My Access link is accepted: it is built
 * from checked parts, https, and carries no recipient data (never a wrapped link).
 */
export function composeEmail(
  template: EmailTemplate,
  facts: EmailFacts,
  fallbackPackageName: string,
): ComposeResult {
  const checked = analyzeLink(facts.link);
  if (checked.verdict !== 'valid' || checked.canonical !== facts.link)
    return { ok: false, code: 'link-not-canonical' };
  const values: TemplateValues = {
    link: checked.canonical,
    packageName: clean(facts.packageName, MAX_NAME) || fallbackPackageName,
    organization: clean(facts.organization, MAX_NAME),
    note: clean(facts.note, MAX_NOTE, true),
    approval: clean(facts.approval, MAX_NAME * 2),
    expiry: clean(facts.expiry, MAX_NAME * 2),
  };
  const subject = clean(renderTemplate(template.subject, { ...values, link: '', note: '' }), 200);
  const text = renderTemplate(template.body, values);
  return { ok: true, email: { subject, text, html: textToHtml(text, checked.canonical) } };
}
