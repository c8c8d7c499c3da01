import { useState } from 'preact/hooks';
import { repairLink, type LinkAnalysis } from '../../lib/link';
import { problemKey, t } from '../i18n';
import type { PopupActions } from './actions';
import { RepairFields } from './RepairFields';

/** One link's verdict: words first (colour is never the only signal), then facts, problems and actions. */
export function VerdictView({ analysis, actions }: { analysis: LinkAnalysis; actions: PopupActions }) {
  const [fill, setFill] = useState<{ directoryHint?: string; accessPackageId?: string }>({});
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const shown = analysis.verdict === 'repairable' ? repairLink(analysis, fill) : analysis;
  const missing = <em class="muted">{t('missing')}</em>;

  return (
    <section class="verdict" data-verdict={shown.verdict} data-testid="verdict" aria-live="polite">
      <h2>{t(`verdict_${shown.verdict}`)}</h2>
      <p>{t(`verdictDetail_${analysis.verdict}`)}</p>
      {shown.realHost && analysis.verdict === 'dangerous' && <p class="error">{t('realHost', shown.realHost)}</p>}
      {shown.host && (
        <dl class="facts">
          <dt>{t('labelHost')}</dt>
          <dd>{shown.host}</dd>
          <dt>{t('labelDirectory')}</dt>
          <dd data-testid="hint">{shown.directoryHint ?? missing}</dd>
          <dt>{t('labelPackage')}</dt>
          <dd>{shown.accessPackageId ?? missing}</dd>
          {shown.unwrapped.length > 0 && <dt>{t('labelUnwrapped')}</dt>}
          {shown.unwrapped.length > 0 && <dd>{shown.unwrapped.join(' → ')}</dd>}
        </dl>
      )}
      {analysis.verdict === 'repairable' && <RepairFields needs={analysis.needs} fill={fill} onFill={setFill} />}
      {shown.problems.length > 0 && (
        <ul class="problems">
          {shown.problems.map((p) => (
            <li key={p.code} data-severity={p.severity} data-code={p.code}>
              {t(problemKey(p.code))}
            </li>
          ))}
        </ul>
      )}
      {shown.canonical && (
        <>
          <p>
            <strong>{t('labelCanonical')}</strong>
          </p>
          <p class="canonical" data-testid="canonical">
            {shown.canonical}
          </p>
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={async () => setCopyState((await actions.copy(shown.canonical!)) ? 'copied' : 'failed')}
            >
              {copyState === 'copied' ? t('copied') : t('copyLink')}
            </button>
            <button type="button" onClick={() => void actions.open(shown.canonical!)}>
              {t('openLink')}
            </button>
          </div>
          {copyState === 'failed' && <p class="error" role="alert">{t('copyFailed')}</p>}
        </>
      )}
    </section>
  );
}
