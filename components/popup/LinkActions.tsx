import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { LinkAnalysis } from '../../lib/link';
import { t } from '../i18n';
import type { ShareProps } from '../share/SharePanel';
import type { ShareEnv } from '../share/state';
import { lazy } from '../Lazy';
import { QrCode } from './QrCode';
import { Reveal } from './Reveal';
import type { PopupState } from './state';

// The share panel's code loads when it is first opened.
const SharePanel = lazy(() => import('../share/SharePanel').then((m) => m.SharePanel));

/** What the share panel may use of the popup: settings, the email's languages, clipboard, compose, history. */
const shareEnv = (state: PopupState): ShareEnv => ({
  settings: state.settings,
  catalogue: (lang) => state.env.catalogue(lang),
  copyRich: (html, text) => state.env.copyRich(html, text),
  openCompose: (url) => state.env.openCompose(url),
  shared: (link) => state.shared(link),
});

/**
 * What can be done with a complete link: copy, open, show as a QR code, share. `note` is shown
 * beside the buttons (what stands against using the link); `remember` says whether using the link
 * confirms its directory (not when it looked wrong).
 */
export function LinkActions({
  link,
  analysis,
  state,
  packageName = null,
  blocking,
  terms,
  note,
  remember: confirm = true,
}: {
  link: string;
  analysis: LinkAnalysis;
  state: PopupState;
  note?: ComponentChildren;
  remember?: boolean;
} & Partial<Pick<ShareProps, 'packageName' | 'blocking' | 'terms'>>) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [qr, setQr] = useState(false);
  const [share, setShare] = useState(false);
  const remember = () =>
    confirm && analysis.directoryHint && void state.confirmHint(analysis.directoryHint);
  return (
    <>
      <p>
        <strong>{t('labelCanonical')}</strong>
      </p>
      <p class="canonical" data-testid="canonical">
        {link}
      </p>
      {note}
      <div class="row">
        <button
          type="button"
          class="primary"
          onClick={async () => {
            remember();
            setCopyState((await state.copy(analysis, link)) ? 'copied' : 'failed');
          }}
        >
          {copyState === 'copied' ? t('copied') : t('copyLink')}
        </button>
        <button
          type="button"
          onClick={() => {
            remember();
            void state.open(analysis, link);
          }}
        >
          {t('openLink')}
        </button>
        <button type="button" aria-expanded={qr} aria-controls="qr" onClick={() => setQr(!qr)}>
          {t(qr ? 'hideQr' : 'showQr')}
        </button>
        <button
          type="button"
          aria-expanded={share}
          aria-controls="share"
          onClick={() => setShare(!share)}
        >
          {t('shareHeading')}
        </button>
      </div>
      {copyState === 'failed' && (
        <p class="error" role="alert">
          {t('copyFailed')}
        </p>
      )}
      {qr && (
        <Reveal id="qr" label={t('qrLabel')}>
          <QrCode text={link} label={t('qrLabel')} />
        </Reveal>
      )}
      {share && (
        <Reveal id="share" label={t('shareHeading')}>
          <SharePanel
            link={link}
            packageName={packageName}
            env={shareEnv(state)}
            blocking={blocking}
            terms={terms}
          />
        </Reveal>
      )}
    </>
  );
}
