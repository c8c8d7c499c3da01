import { useEffect, useState } from 'preact/hooks';
import { composeUrl, parseRecipients, type Channel } from '../../lib/email/channels';
import { composeEmail, type Email } from '../../lib/email/compose';
import { templateFor } from '../../lib/email/defaults';
import { formatMessage, type Catalogue } from '../../lib/i18n/format-message';
import type { Finding } from '../../lib/eligibility/rules';
import type { RequestTerms } from '../../lib/graph';
import { EMAIL_LANGUAGES, type EmailLanguage } from '../../lib/settings/settings';
import { FindingItem } from '../eligibility/EligibilityPanel';
import { CheckedField } from '../CheckedField';
import { t } from '../i18n';
import type { PopupState } from '../popup/state';

type Status = {
  key: 'shareCopied' | 'shareShortened' | 'shareTooLong' | 'shareFailed' | 'shareOpened';
  arg?: string;
} | null;
const CHANNEL_LABEL = {
  mailto: 'shareMailto',
  outlook: 'shareOutlook',
  gmail: 'shareGmail',
} as const;

/** Approval and expiry as sentences of the email's language, when Graph told us. */
function termsText(catalogue: Catalogue, terms: RequestTerms | null | undefined) {
  const e = terms?.expiry;
  return {
    approval: terms?.approval
      ? formatMessage(
          catalogue,
          terms.approval === 'required' ? 'emailApprovalRequired' : 'emailApprovalNotRequired',
        )
      : null,
    expiry: !e
      ? null
      : e.kind === 'never'
        ? formatMessage(catalogue, 'emailExpiryNever')
        : e.kind === 'days'
          ? formatMessage(catalogue, 'emailExpiryDays', String(e.days))
          : formatMessage(catalogue, 'emailExpiryDate', e.date),
  };
}

export interface ShareProps {
  link: string;
  packageName: string | null;
  state: PopupState;
  /** Errors that stop partners from requesting the package: shown before anything is sent. */
  blocking?: Finding[];
  terms?: RequestTerms | null;
}

/** One click from a complete link to a localised email: mail app, Outlook on the web, Gmail, or the clipboard. */
export function SharePanel({ link, packageName, state, blocking = [], terms }: ShareProps) {
  const settings = state.settings.value;
  // The settings' language until the user picks one here (the settings may arrive after opening).
  const [chosen, setLang] = useState<EmailLanguage | null>(null);
  const lang = chosen ?? settings.emailLanguage;
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [loaded, setLoaded] = useState<{ lang: string; messages: Catalogue } | null>(null);
  // Ready only with the chosen language's messages, never the previous language's.
  const catalogue = loaded?.lang === lang ? loaded.messages : null;
  const [status, setStatus] = useState<Status>(null);
  // Sending despite blocking errors takes one explicit confirmation; the action waits for it.
  const [pending, setPending] = useState<(() => Promise<void>) | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const guarded = (action: () => Promise<unknown>) => () => {
    const run = async () => void (await action());
    if (blocking.length > 0 && !confirmed) setPending(() => run);
    else void run();
  };
  useEffect(() => {
    let live = true;
    void state.env.catalogue(lang).then((messages) => live && setLoaded({ lang, messages }));
    return () => void (live = false);
  }, [lang]);

  const email = (): Email | null => {
    if (!catalogue) return null;
    const r = composeEmail(
      templateFor(settings, lang, catalogue),
      {
        link,
        packageName,
        organization: settings.organization,
        note,
        ...termsText(catalogue, terms),
      },
      formatMessage(catalogue, 'emailPackageFallback'),
    );
    return r.ok ? r.email : null;
  };
  const copy = async (e: Email) => {
    const ok = await state.env.copyRich(e.html, e.text);
    setStatus({ key: ok ? 'shareCopied' : 'shareFailed' });
    return ok;
  };
  const send = async (channel: Channel) => {
    const e = email();
    if (!e) return setStatus({ key: 'shareFailed' });
    const r = composeUrl(channel, e, to, link, link.startsWith('https://myaccess.microsoft.us/'));
    if (!r.url) {
      // Too long even for the link alone: the whole email goes to the clipboard instead.
      if (await copy(e)) setStatus({ key: 'shareTooLong' });
      return;
    }
    await state.env.openCompose(r.url);
    await state.shared(link);
    setStatus(
      r.shortened
        ? { key: 'shareShortened' }
        : { key: 'shareOpened', arg: t(CHANNEL_LABEL[channel]) },
    );
  };
  const { rejected } = parseRecipients(to);

  return (
    <section class="share" aria-labelledby="share-heading">
      <h3 id="share-heading">{t('shareHeading')}</h3>
      <CheckedField
        id="share-to"
        label={t('shareTo')}
        error={rejected.length > 0 ? t('shareRejected', rejected.join(', ')) : ''}
        type="email"
        multiple
        autocomplete="email"
        value={to}
        onInput={(e) => setTo(e.currentTarget.value)}
      />
      <label for="share-note">{t('shareNote')}</label>
      <textarea
        id="share-note"
        rows={2}
        maxLength={2000}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <label for="share-lang">{t('shareLanguage')}</label>
      <select
        id="share-lang"
        value={lang}
        onChange={(e) => setLang(e.currentTarget.value as EmailLanguage)}
      >
        {EMAIL_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`language_${l}`)}
          </option>
        ))}
      </select>
      <div class="row">
        {(['mailto', 'outlook', 'gmail'] as const).map((c) => (
          <button
            key={c}
            type="button"
            disabled={!catalogue || !!pending}
            onClick={guarded(() => send(c))}
          >
            {t(CHANNEL_LABEL[c])}
          </button>
        ))}
        <button
          type="button"
          disabled={!catalogue || !!pending}
          onClick={guarded(async () => {
            const e = email();
            if (e) await copy(e);
            else setStatus({ key: 'shareFailed' });
          })}
        >
          {t('shareCopy')}
        </button>
      </div>
      {pending && (
        <div class="confirm" role="alert" data-testid="share-confirm">
          <p>
            <strong>{t('shareBlockedHeading')}</strong>
          </p>
          <ul class="problems">
            {blocking.map((f) => (
              <FindingItem key={f.code} finding={f} />
            ))}
          </ul>
          <div class="row">
            <button
              type="button"
              onClick={() => {
                setConfirmed(true);
                setPending(null);
                void pending();
              }}
            >
              {t('shareSendAnyway')}
            </button>
            <button type="button" class="primary" onClick={() => setPending(null)}>
              {t('shareCancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" data-testid="share-status">
        {status ? t(status.key, status.arg) : ''}
      </p>
    </section>
  );
}
