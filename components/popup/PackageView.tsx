import { useEffect, useMemo, useState } from 'preact/hooks';
import { analyzeLink, parseDirectoryHint } from '../../lib/link';
import { portalLink, type PortalTabState } from '../../lib/tab-state';
import { EligibilityPanel } from '../eligibility/EligibilityPanel';
import { createEligibilityState } from '../eligibility/state';
import { t } from '../i18n';
import { LinkActions } from './LinkActions';
import type { PopupState } from './state';

/** The admin's view: the access package recognised on the current portal tab, and its complete link. */
export function PackageView({ state, portal }: { state: PopupState; portal: PortalTabState }) {
  const [hint, setHint] = useState(state.settings.value.defaultHint || state.hints.value[0] || '');
  const known = portalLink(portal, '');
  const link = known ?? (parseDirectoryHint(hint).ok ? portalLink(portal, hint) : null);
  // The link is built from checked parts, so the engine's analysis of it is 'valid' with its hint.
  const analysis = link ? analyzeLink(link) : null;
  const facts = portal.facts;
  const id = portal.accessPackageId ?? '';
  const e = useMemo(
    () =>
      createEligibilityState(
        state.env,
        id,
        {
          hidden: facts?.hidden != null ? { value: facts.hidden, source: 'page' } : undefined,
          linkCloud: portal.cloud,
        },
        state.settings.value.graphClientId !== '',
      ),
    [id, facts?.hidden, portal.cloud],
  );
  useEffect(() => void e.load(), [e]);
  const graph = e.graph.value;
  const packageName = facts?.packageName ?? graph?.packageName ?? null;
  const catalogName = facts?.catalogName ?? graph?.catalogName ?? null;
  const hidden = e.facts.value.hidden?.value;
  return (
    <section class="verdict" data-verdict={link ? 'valid' : 'repairable'} data-testid="package">
      <h2>{packageName ?? t('packageRecognised')}</h2>
      <dl class="facts">
        <dt>{t('labelPackage')}</dt>
        <dd>{portal.accessPackageId}</dd>
        {catalogName && <dt>{t('labelCatalog')}</dt>}
        {catalogName && <dd>{catalogName}</dd>}
        {hidden !== undefined && <dt>{t('labelHidden')}</dt>}
        {hidden !== undefined && <dd>{t(hidden ? 'yes' : 'no')}</dd>}
      </dl>
      {hidden && (
        <p class="notice" data-testid="hidden-note">
          {t('hiddenPackageNote')}
        </p>
      )}
      {!known && (
        <div>
          <label for="package-hint">{t('fillHintLabel')}</label>
          <input
            id="package-hint"
            type="text"
            spellcheck={false}
            value={hint}
            aria-describedby="package-hint-help"
            onInput={(e) => setHint(e.currentTarget.value)}
          />
          <p id="package-hint-help" class="muted">
            {hint && !parseDirectoryHint(hint).ok ? t('hintInvalid') : t('packageHintHelp')}
          </p>
        </div>
      )}
      <EligibilityPanel e={e} />
      {link && analysis && (
        <LinkActions
          link={link}
          analysis={analysis}
          state={state}
          packageName={packageName}
          blocking={e.findings.value.filter((f) => f.severity === 'error')}
          terms={graph?.terms}
        />
      )}
    </section>
  );
}
