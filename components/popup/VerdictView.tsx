import { useState } from 'preact/hooks';
import { directoryWarning } from '../../lib/directory-sanity';
import { repairLink, type LinkAnalysis } from '../../lib/link';
import { problemKey, t } from '../i18n';
import { wrapperName } from '../wrapper-name';
import { DirectoryWarning } from './DirectoryWarning';
import { LinkActions } from './LinkActions';
import { RepairFields, type Fill } from './RepairFields';
import type { PopupState } from './state';
import { lazy } from '../Lazy';

// Known directories and the directory check: loaded with the first link that names a directory.
const DirectoryNote = lazy(() => import('../directory/DirectoryNote').then((m) => m.DirectoryNote));

// What the heading and the line under it already say for an organisation link.
const SAID_BY_ORGANISATION = new Set(['package-id-missing', 'organisation-link']);

/**
 * One link's verdict: words first (colour is never the only signal), then what needs input, the
 * complete link and its actions (within a 400×600 popup without scrolling), then facts and notes.
 */
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
  // `/@contoso.com`: that organisation's My Access, a page that works. Nothing to repair: the
  // package id is something only the sender knows.
  const organisation =
    shown.verdict === 'repairable' && shown.problems.some((p) => p.code === 'organisation-link');
  const typedHint = analysis.needs.includes('directoryHint');
  const warning = directoryWarning(
    typedHint ? (fill.directoryHint ?? '') : (shown.directoryHint ?? ''),
    suggestions,
  );
  const caution = warning !== null && shown.verdict === 'valid';
  const problems = organisation
    ? shown.problems.filter((p) => !SAID_BY_ORGANISATION.has(p.code))
    : shown.problems;

  return (
    <section
      class="verdict"
      data-verdict={shown.verdict}
      data-kind={organisation ? 'organisation' : caution ? 'caution' : undefined}
      data-testid="verdict"
      aria-live="polite"
    >
      <h2>
        {organisation
          ? t('verdict_organisation')
          : caution
            ? t('verdict_caution')
            : t(`verdict_${shown.verdict}`)}
      </h2>
      <p>
        {organisation
          ? t('verdictDetail_organisation', shown.directoryHint ?? '')
          : t(`verdictDetail_${shown.verdict}`)}
      </p>
      {shown.realHost && analysis.verdict === 'dangerous' && (
        <p class="error">{t('realHost', shown.realHost)}</p>
      )}
      {analysis.verdict === 'repairable' && !organisation && (
        <RepairFields
          needs={analysis.needs}
          fill={fill}
          onFill={setFill}
          suggestions={suggestions}
        />
      )}
      {warning && (
        <DirectoryWarning
          warning={warning}
          onUse={typedHint ? (domain) => setFill({ ...fill, directoryHint: domain }) : undefined}
        />
      )}
      {shown.host && shown.directoryHint && (
        <DirectoryNote
          host={shown.host}
          directory={shown.directoryHint}
          settings={state.settings.value}
        />
      )}
      {problems.length > 0 && (
        <ul class="problems">
          {problems.map((p) => (
            <li key={p.code} data-severity={p.severity} data-code={p.code}>
              {t(problemKey(p.code))}
            </li>
          ))}
        </ul>
      )}
      {shown.canonical && (
        <LinkActions
          key={shown.canonical}
          link={shown.canonical}
          analysis={shown}
          state={state}
          remember={!warning}
        />
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
          {shown.unwrapped.length > 0 && <dd>{shown.unwrapped.map(wrapperName).join(' → ')}</dd>}
        </dl>
      )}
    </section>
  );
}
