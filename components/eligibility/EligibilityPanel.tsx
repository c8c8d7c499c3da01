import { eligibilityFindings, type PackageFacts } from '../../lib/eligibility/rules';
import { t, type MessageKey } from '../i18n';

/** Whether a partner can request the package: findings by severity, each with its fix and its source. */
export function EligibilityPanel({ facts }: { facts: PackageFacts }) {
  const findings = eligibilityFindings(facts);
  return (
    <details class="eligibility" open={findings.some((f) => f.severity === 'error')}>
      <summary>{t('eligibilityHeading')}</summary>
      <ul class="problems" data-testid="eligibility">
        {findings.map((f) => (
          <li key={f.code} data-severity={f.severity} data-code={f.code}>
            {t(`finding_${f.code.replace(/-/g, '_')}` as MessageKey, f.args)} <span class="muted">({t(`source_${f.source}`)})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
