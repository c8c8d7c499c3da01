import { formatMessage, type Catalogue } from '../i18n/format-message';
import type { EmailLanguage } from './languages';
import type { EmailTemplate } from './template';

/** The template for a language: the admin's own, else the default from that language's catalogue. */
export function templateFor(
  settings: { templates: Partial<Record<EmailLanguage, EmailTemplate>> },
  lang: EmailLanguage,
  catalogue: Catalogue,
): EmailTemplate {
  return settings.templates[lang] ?? defaultTemplate(catalogue);
}

export function defaultTemplate(catalogue: Catalogue): EmailTemplate {
  return {
    subject: formatMessage(catalogue, 'emailSubject'),
    body: formatMessage(catalogue, 'emailBody'),
  };
}
