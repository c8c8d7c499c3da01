import { useState } from 'preact/hooks';
import type { LinkAnalysis } from '../../lib/link';
import { t } from '../i18n';
import type { ShareProps } from '../share/SharePanel';
import { lazy } from '../Lazy';
import { QrCode } from './QrCode';
import type { PopupState } from './state';

// The share panel's code loads when it is first opened.
const SharePanel = lazy(() => import('../share/SharePanel').then((m) => m.SharePanel));

/** What can be done with a complete link: copy, open, show as a QR code. */
export function LinkActions({
  link,
  analysis,
  state,
  packageName = null,
  blocking,
  terms,
}: { link: string; analysis: LinkAnalysis; state: PopupState } & Partial<
  Pick<ShareProps, 'packageName' | 'blocking' | 'terms'>
>) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [qr, setQr] = useState(false);
  const [share, setShare] = useState(false);
  const remember = () => analysis.directoryHint && void state.confirmHint(analysis.directoryHint);
  return (
    <>
      <p>
        <strong>{t('labelCanonical')}</strong>
      </p>
      <p class="canonical" data-testid="canonical">
        {link}
      </p>
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
        <button type="button" aria-expanded={share} onClick={() => setShare(!share)}>
          {t('shareHeading')}
        </button>
      </div>
      {copyState === 'failed' && (
        <p class="error" role="alert">
          {t('copyFailed')}
        </p>
      )}
      {qr && <QrCode id="qr" text={link} label={t('qrLabel')} />}
      {share && (
        <SharePanel
          link={link}
          packageName={packageName}
          state={state}
          blocking={blocking}
          terms={terms}
        />
      )}
    </>
  );
}
