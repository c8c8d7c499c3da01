// Email templates with `{placeholder}` fields: validation and rendering (pure).

export const PLACEHOLDERS = [
  'link',
  'packageName',
  'organization',
  'note',
  'approval',
  'expiry',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

export interface EmailTemplate {
  subject: string;
  body: string;
}

export type TemplateProblem =
  | { code: 'unknown-placeholder'; field: 'subject' | 'body'; name: string }
  | { code: 'missing-link' }
  | { code: 'link-in-subject' }
  | { code: 'too-long'; field: 'subject' | 'body' };

const FIELD = /\{([A-Za-z]+)\}/g;
export const MAX_TEMPLATE = 4000;

/** What is wrong with a template, if anything: the view translates the codes. */
export function checkTemplate(t: EmailTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const field of ['subject', 'body'] as const) {
    for (const m of t[field].matchAll(FIELD)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(m[1]!))
        problems.push({ code: 'unknown-placeholder', field, name: m[1]! });
    }
    if (t[field].length > (field === 'subject' ? 200 : MAX_TEMPLATE))
      problems.push({ code: 'too-long', field });
  }
  if (!t.body.includes('{link}')) problems.push({ code: 'missing-link' });
  // A subject is a header line: the link belongs in the body.
  if (t.subject.includes('{link}')) problems.push({ code: 'link-in-subject' });
  return problems;
}

/**
 * Fills the fields. A line whose fields are all empty and that has no other text is dropped, so
 * that an unknown approval or a missing note leaves no blank sentence behind.
 */
export function renderTemplate(text: string, values: TemplateValues): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    let hadField = false;
    let allEmpty = true;
    const filled = line.replace(FIELD, (whole, name: string) => {
      if (!(PLACEHOLDERS as readonly string[]).includes(name)) return whole;
      hadField = true;
      const v = values[name as Placeholder];
      if (v) allEmpty = false;
      return v;
    });
    if (hadField && allEmpty && filled.trim() === '') continue;
    out.push(filled);
  }
  // No runs of blank lines left by dropped lines.
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
