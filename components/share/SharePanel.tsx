import { useEffect, useRef, useState } from 'preact/hooks';
import { LOCALES } from '../../lib/i18n/locales';
import { CHANNELS, type Channel } from '../../lib/email/channels';
import { EMAIL_LANGUAGES } from '../../lib/email/languages';
import { FindingItem } from '../eligibility/EligibilityPanel';
import { CheckedField } from '../CheckedField';
import { LabelledSelect } from '../LabelledSelect';
import { t } from '../i18n';
import { createShareState, type ShareEnv, type ShareFacts } from './state';

// Every channel needs its label: a new one in lib/email/channels.ts fails to compile until it has one.
const CHANNEL_LABEL = {
  mailto: 'shareMailto',
  outlook: 'shareOutlook',
  gmail: 'shareGmail',
} as const satisfies Record<Channel, string>;

export interface ShareProps extends Omit<ShareFacts, 'blocking'> {
  env: ShareEnv;
  blocking?: ShareFacts['blocking'];
}

/**
 * One click from a complete link to a localised email: mail app, Outlook on the web, Gmail, or
 * the clipboard. When it opens it scrolls into view and takes focus itself, so whoever opens it
 * (a button near the bottom of a 600 px popup) needs to do nothing for the user to see it.
 */
export function SharePanel({ env, blocking = [], ...rest }: ShareProps) {
  const [share] = useState(() => createShareState(env));
  const facts: ShareFacts = { ...rest, blocking };
  const panelRef = useRef<HTMLElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  /** Where focus was when a confirmation was asked for: it goes back there afterwards. */
  const askedRef = useRef<HTMLElement | null>(null);
  useEffect(() => share.start(), [share]);
  useEffect(() => {
    const p = panelRef.current;
    // Focus first without scrolling, then show the whole panel (or its top, when taller).
    p?.querySelector('input')?.focus({ preventScroll: true });
    p?.scrollIntoView({ block: 'nearest' });
  }, []);
  const pending = share.pending.value !== null;
  useEffect(() => {
    if (pending) {
      confirmRef.current?.querySelector<HTMLElement>('.primary')?.focus({ preventScroll: true });
      confirmRef.current?.scrollIntoView({ block: 'nearest' });
    } else {
      // Back to the button that asked, now enabled again.
      askedRef.current?.focus();
      askedRef.current = null;
    }
  }, [pending]);
  const ask = (action: Channel | 'copy') => {
    askedRef.current = document.activeElement as HTMLElement | null;
    void share.request(action, facts);
  };
  const answered = (go: boolean) => {
    if (go) void share.confirm(facts);
    else share.cancel();
  };

  const ready = share.catalogue.value !== null && !pending;
  const status = share.status.value;
  const rejected = share.rejected.value;
  return (
    <section
      class="share"
      role="group"
      aria-labelledby="share-heading"
      ref={panelRef}
      data-testid="share-panel"
    >
      <h3 id="share-heading">{t('shareHeading')}</h3>
      <CheckedField
        id="share-to"
        label={t('shareTo')}
        error={rejected.length > 0 ? t('shareRejected', rejected.join(', ')) : ''}
        type="email"
        multiple
        autocomplete="email"
        value={share.to.value}
        onInput={(e) => share.setTo(e.currentTarget.value)}
      />
      <label for="share-note">{t('shareNote')}</label>
      <textarea
        id="share-note"
        rows={2}
        maxLength={2000}
        value={share.note.value}
        onInput={(e) => share.setNote(e.currentTarget.value)}
      />
      <LabelledSelect
        id="share-lang"
        label={t('shareLanguage')}
        value={share.lang.value}
        options={EMAIL_LANGUAGES}
        text={(l) => LOCALES[l]}
        onChange={(l) => share.chooseLanguage(l)}
      />
      <div class="row">
        {CHANNELS.map((c) => (
          <button key={c} type="button" disabled={!ready} onClick={() => ask(c)}>
            {t(CHANNEL_LABEL[c])}
          </button>
        ))}
        <button type="button" disabled={!ready} onClick={() => ask('copy')}>
          {t('shareCopy')}
        </button>
      </div>
      {pending && (
        <div class="confirm" role="alert" data-testid="share-confirm" ref={confirmRef}>
          <p>
            <strong>{t('shareBlockedHeading')}</strong>
          </p>
          <ul class="problems">
            {blocking.map((f) => (
              <FindingItem key={f.code} finding={f} />
            ))}
          </ul>
          <div class="row">
            <button type="button" onClick={() => answered(true)}>
              {t('shareSendAnyway')}
            </button>
            <button type="button" class="primary" onClick={() => answered(false)}>
              {t('shareCancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" data-testid="share-status">
        {status ? t(status.key, status.channel ? t(CHANNEL_LABEL[status.channel]) : undefined) : ''}
      </p>
    </section>
  );
}
