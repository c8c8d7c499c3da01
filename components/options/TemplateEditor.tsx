import { useEffect, useState } from 'preact/hooks';
import { LOCALES } from '../../lib/i18n/locales';
import { composeEmail } from '../../lib/email/compose';
import { defaultTemplate } from '../../lib/email/defaults';
import {
  checkTemplate,
  PLACEHOLDERS,
  type EmailTemplate,
  type TemplateProblem,
} from '../../lib/email/template';
import { formatMessage, type Catalogue } from '../../lib/i18n/format-message';
import { EMAIL_LANGUAGES, type EmailLanguage } from '../../lib/email/languages';
import type { Settings } from '../../lib/settings/settings';
import { t } from '../i18n';
import { LabelledSelect } from '../LabelledSelect';

const SAMPLE_LINK =
  'https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6';

function problemText(p: TemplateProblem): string {
  switch (p.code) {
    case 'unknown-placeholder':
      return t('templateUnknownField', p.name);
    case 'missing-link':
      return t('templateMissingLink');
    case 'link-in-subject':
      return t('templateLinkInSubject');
    case 'too-long':
      return t('templateTooLong');
  }
}

/** Edits the email template of one language at a time; the preview uses sample facts. */
export function TemplateEditor({
  settings,
  onChange,
  catalogue,
}: {
  settings: Settings;
  onChange: (templates: Settings['templates'], valid: boolean) => void;
  catalogue: (lang: string) => Promise<Catalogue>;
}) {
  const [lang, setLang] = useState<EmailLanguage>(settings.emailLanguage);
  const [cat, setCat] = useState<Catalogue | null>(null);
  useEffect(() => {
    let live = true;
    void catalogue(lang).then((c) => live && setCat(c));
    return () => void (live = false);
  }, [lang, catalogue]);
  if (!cat) return null;
  const fallback = defaultTemplate(cat);
  const current: EmailTemplate = settings.templates[lang] ?? fallback;
  const problems = checkTemplate(current);
  const set = (next: EmailTemplate | undefined) => {
    const templates = { ...settings.templates };
    if (next && (next.subject !== fallback.subject || next.body !== fallback.body))
      templates[lang] = next;
    else delete templates[lang];
    onChange(templates, !next || checkTemplate(next).length === 0);
  };
  const preview =
    problems.length === 0
      ? composeEmail(
          current,
          {
            link: SAMPLE_LINK,
            packageName: formatMessage(cat, 'samplePackageName'),
            organization: settings.organization,
            note: formatMessage(cat, 'sampleNote'),
          },
          formatMessage(cat, 'emailPackageFallback'),
        )
      : null;

  return (
    <fieldset class="templates">
      <legend>{t('templatesHeading')}</legend>
      <LabelledSelect
        id="template-lang"
        label={t('templateLanguage')}
        value={lang}
        options={EMAIL_LANGUAGES}
        text={(l) =>
          settings.templates[l] ? `${LOCALES[l]} — ${t('templateCustom')}` : LOCALES[l]
        }
        onChange={setLang}
      />
      <p class="muted" id="template-help">
        {t('templatePlaceholders', PLACEHOLDERS.map((p) => `{${p}}`).join(' '))}
      </p>
      <label for="template-subject">{t('templateSubject')}</label>
      <input
        id="template-subject"
        type="text"
        value={current.subject}
        aria-describedby="template-help template-problems"
        onInput={(e) => set({ ...current, subject: e.currentTarget.value })}
      />
      <label for="template-body">{t('templateBody')}</label>
      <textarea
        id="template-body"
        rows={10}
        value={current.body}
        aria-describedby="template-help template-problems"
        onInput={(e) => set({ ...current, body: e.currentTarget.value })}
      />
      <ul id="template-problems" class="error" role="alert">
        {problems.map((p, i) => (
          <li key={i}>{problemText(p)}</li>
        ))}
      </ul>
      <div class="row">
        <button type="button" disabled={!settings.templates[lang]} onClick={() => set(undefined)}>
          {t('templateReset')}
        </button>
      </div>
      {preview?.ok && (
        <section aria-label={t('templatePreview')} class="preview" data-testid="template-preview">
          <h2>{t('templatePreview')}</h2>
          <p>
            <strong>{preview.email.subject}</strong>
          </p>
          <pre>{preview.email.text}</pre>
        </section>
      )}
    </fieldset>
  );
}
