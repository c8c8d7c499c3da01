import type { Finding } from '../../lib/eligibility/rules';
import { graphProblemText, needsSignIn } from '../graph/problem-text';
import { t, type MessageKey } from '../i18n';
import type { EligibilityState } from './state';

const findingKey = (f: Finding) => `finding_${f.code.replace(/-/g, '_')}` as MessageKey;

/** One finding: what it means and what to do, and the source it rests on. */
export function FindingItem({ finding }: { finding: Finding }) {
  const text = t(findingKey(finding), finding.args);
  const source = t(`source_${finding.source}`);
  // "Not checked: is its catalog published?" says its source already: no "(not checked)" after it.
  const said = text.toLocaleLowerCase().includes(source.toLocaleLowerCase());
  return (
    <li data-severity={finding.severity} data-code={finding.code}>
      {text}
      {!said && (
        <>
          {' '}
          <span class="muted">({source})</span>
        </>
      )}{' '}
      {/* The Microsoft Learn page that states the rule. */}
      <a href={finding.doc} target="_blank" rel="noopener noreferrer" data-testid="finding-doc">
        {t('findingDocLink')}
      </a>
    </li>
  );
}

function GraphLine({ e }: { e: EligibilityState }) {
  const s = e.status.value;
  if (s.kind === 'off') return <p class="muted">{t('graphOff')}</p>;
  if (s.kind === 'loading') return <p role="status">{t('graphChecking')}</p>;
  if (s.kind === 'done')
    return (
      <p class="muted" role="status" data-testid="graph-checked">
        {t('graphChecked')}
      </p>
    );
  return (
    <div>
      {s.kind === 'problem' && (
        <p class="error" role="alert" data-testid="graph-problem" data-code={s.problem.code}>
          {graphProblemText(s.problem)}
        </p>
      )}
      {s.kind === 'problem' && needsSignIn(s.problem) ? (
        <button type="button" onClick={() => void e.openOptions()}>
          {t('graphOpenOptions')}
        </button>
      ) : (
        <button type="button" onClick={() => void e.check()}>
          {t(s.kind === 'problem' ? 'graphRetry' : 'graphCheck')}
        </button>
      )}
    </div>
  );
}

/** Whether a partner can request the package: findings by severity, each with its fix and its source. */
export function EligibilityPanel({ e }: { e: EligibilityState }) {
  const findings = e.findings.value;
  const answers = e.answers.value;
  return (
    <div class="eligibility">
      {/* Outside the disclosure: a Graph problem or progress is seen without opening it. */}
      <GraphLine e={e} />
      <details open={findings.some((f) => f.severity === 'error')}>
        <summary>{t('eligibilityHeading')}</summary>
        <ul class="problems" data-testid="eligibility">
          {findings.map((f) => (
            <FindingItem key={f.code} finding={f} />
          ))}
        </ul>
        {/* Only Graph's policies and connected organisations can tell who a policy covers: without
            them, a field would silently do nothing. */}
        {e.graph.value ? (
          <>
            <label for="partner">{t('partnerLabel')}</label>
            <input
              id="partner"
              type="text"
              autocomplete="email"
              spellcheck={false}
              value={e.partner.value}
              onInput={(ev) => e.typePartner(ev.currentTarget.value)}
            />
          </>
        ) : (
          <p class="muted" data-testid="partner-needs-graph">
            {t('partnerNeedsGraph')}
          </p>
        )}
        {e.questions.value.length > 0 && (
          <fieldset class="questions">
            <legend>{t('questionsHeading')}</legend>
            {e.questions.value.map((q) => (
              <div key={q} class="question">
                <label for={`q-${q}`}>{t(`question_${q}`)}</label>
                <select
                  id={`q-${q}`}
                  value={answers[q] === undefined ? '' : String(answers[q])}
                  onChange={(ev) =>
                    void e.answer(
                      q,
                      ev.currentTarget.value === '' ? undefined : ev.currentTarget.value === 'true',
                    )
                  }
                >
                  <option value="">{t('answerUnknown')}</option>
                  <option value="true">{t('yes')}</option>
                  <option value="false">{t('no')}</option>
                </select>
              </div>
            ))}
          </fieldset>
        )}
      </details>
    </div>
  );
}
