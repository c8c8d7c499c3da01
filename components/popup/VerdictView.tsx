import { useState } from 'preact/hooks';
import { repairLink, type LinkAnalysis } from '../../lib/link';
import { problemKey, t } from '../i18n';
import { LinkActions } from './LinkActions';
import { RepairFields, type Fill } from './RepairFields';
import type { PopupState } from './state';

/** One link's verdict: words first (colour is never the only signal), then facts, problems and actions. */
export function VerdictView({ analysis, state }: { analysis: LinkAnalysis; state: PopupState }) {
  const suggestions = [
    ...new Set([...state.hints.value, state.settings.value.defaultHint].filter(Boolean)),
  ];
  const [fill, setFill] = useState<Fill>(() =>
    analysis.needs.includes('directoryHint') && suggestions[0]
      ? { directoryHint: suggestions[0] }
      : {},
  );
  const shown = analysis.verdict === 'repairable' ? repairLink(analysis, fill) : analysis;
  const missing = <em class="muted">{t('missing')}</em>;

  return (
    <section class="verdict" data-verdict={shown.verdict} data-testid="verdict" aria-live="polite">
      <h2>{t(`verdict_${shown.verdict}`)}</h2>
      <p>{t(`verdictDetail_${shown.verdict}`)}</p>
      {shown.realHost && analysis.verdict === 'dangerous' && (
        <p class="error">{t('realHost', shown.realHost)}</p>
      )}
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
      {analysis.verdict === 'repairable' && (
        <RepairFields
          needs={analysis.needs}
          fill={fill}
          onFill={setFill}
          suggestions={suggestions}
        />
      )}
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
        <LinkActions key={shown.canonical} link={shown.canonical} analysis={shown} state={state} />
      )}
    </section>
  );
}
