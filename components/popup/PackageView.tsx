import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { directoryWarning } from '../../lib/directory-sanity';
import { analyzeLink, parseDirectoryHint } from '../../lib/link';
import { isConfirmed, portalDirectory, portalLink, type PortalTabState } from '../../lib/tab-state';
import { EligibilityPanel, FindingItem } from '../eligibility/EligibilityPanel';
import { HintField } from '../directory/HintField';
import { createEligibilityState } from '../eligibility/state';
import { t } from '../i18n';
import { DirectorySource } from './DirectorySource';
import { DirectoryWarning } from './DirectoryWarning';
import { LinkActions } from './LinkActions';
import type { PopupState } from './state';

/**
 * The admin's view: the access package recognised on the current portal tab. Its name and complete
 * link with Copy come first (within a 400×600 popup without scrolling), what stands against
 * sharing it beside them; the package's details and the eligibility checks follow, collapsed.
 */
export function PackageView({ state, portal }: { state: PopupState; portal: PortalTabState }) {
  const [hint, setHint] = useState(state.settings.value.defaultHint || state.hints.value[0] || '');
  const facts = portal.facts;
  const id = portal.accessPackageId ?? '';
  const graphOn = state.settings.value.graphClientId !== '';
  const e = useMemo(
    () =>
      createEligibilityState(
        state.env,
        id,
        {
          hidden: facts?.hidden != null ? { value: facts.hidden, source: 'page' } : undefined,
          linkCloud: portal.cloud,
        },
        graphOn,
      ),
    [state.env, id, facts?.hidden, portal.cloud, graphOn],
  );
  useEffect(() => void e.load(), [e]);
  const graph = e.graph.value;
  // The directory, best first: the page, Graph, the admin (settings, or typed here); the portal
  // URL's `#@tenant/` is only offered to confirm.
  const found = portalDirectory(portal, { graph: graph?.directoryHint ?? null });
  const known = found && isConfirmed(found.source) ? found.link : null;
  const link = known ?? (parseDirectoryHint(hint).ok ? portalLink(portal, hint) : null);
  // The link is built from checked parts, so the engine's analysis of it is 'valid' with its hint.
  const analysis = link ? analyzeLink(link) : null;
  const source =
    known && found && found.source !== 'url'
      ? found.source
      : hint === state.settings.value.defaultHint
        ? 'admin'
        : 'typed';
  const suggested = !known && found?.source === 'url' && hint !== found.hint ? found.hint : null;
  const packageName = facts?.packageName ?? graph?.packageName ?? null;
  const catalogName = facts?.catalogName ?? graph?.catalogName ?? null;
  const hidden = e.facts.value.hidden?.value;
  const blocking = e.findings.value.filter((f) => f.severity === 'error');
  const suggestions = [state.settings.value.defaultHint, ...state.hints.value].filter(Boolean);
  const warning = known ? null : directoryWarning(hint, suggestions);
  // The card follows what is known, the admin's answers included: green only when a partner can use it.
  const verdict = link && blocking.length === 0 && !warning ? 'valid' : 'repairable';
  const blocked = link !== null && blocking.length > 0;
  const graphHint = graph?.directoryHint ?? null;
  useEffect(
    () => void state.env.packageBadge(blocked, graphHint).catch(() => {}),
    [state.env, blocked, graphHint],
  );

  // Focus on what needs input (the directory, when unknown), else on Copy: the view's first
  // controls, not the paste box below it. Only if the user has not started elsewhere.
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    const doc = section.current?.ownerDocument;
    const active = doc?.activeElement;
    if (active && active !== doc.body && !(active.id === 'paste' && state.text.value === ''))
      return;
    section.current?.querySelector<HTMLElement>(link ? 'button.primary' : '#package-hint')?.focus();
    // Once, when the view appears: later changes must not pull the focus from where the user is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section
      ref={section}
      class="verdict"
      data-verdict={verdict}
      data-kind={blocked ? 'blocked' : warning ? 'caution' : undefined}
      data-testid="package"
    >
      <h2>{packageName ?? t('packageRecognised')}</h2>
      {!known && (
        <div>
          <HintField
            id="package-hint"
            label={t('fillHintLabel')}
            value={hint}
            help={t('packageHintHelp')}
            data-needs-input={hint === '' || undefined}
            onInput={setHint}
          />
          {warning && <DirectoryWarning warning={warning} onUse={setHint} />}
          {suggested && <DirectorySource source="url" hint={suggested} onUse={setHint} />}
        </div>
      )}
      {link && <DirectorySource source={source} />}
      {link && analysis && (
        <LinkActions
          link={link}
          analysis={analysis}
          state={state}
          packageName={packageName}
          blocking={blocking}
          terms={graph?.terms}
          remember={!warning}
          note={
            blocked && (
              <div class="confirm" data-testid="blocking-note">
                <p>{t('shareBlockedHeading')}</p>
                <ul class="problems">
                  {blocking.map((f) => (
                    <FindingItem key={f.code} finding={f} />
                  ))}
                </ul>
              </div>
            )
          }
        />
      )}
      {hidden && (
        <p class="notice" data-testid="hidden-note">
          {t('hiddenPackageNote')}
        </p>
      )}
      <details class="package-details">
        <summary>{t('packageDetails')}</summary>
        <dl class="facts">
          <dt>{t('labelPackage')}</dt>
          <dd>{portal.accessPackageId}</dd>
          {catalogName && <dt>{t('labelCatalog')}</dt>}
          {catalogName && <dd>{catalogName}</dd>}
          {hidden !== undefined && <dt>{t('labelHidden')}</dt>}
          {hidden !== undefined && <dd>{t(hidden ? 'yes' : 'no')}</dd>}
        </dl>
      </details>
      <EligibilityPanel e={e} />
    </section>
  );
}
