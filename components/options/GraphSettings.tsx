import { useEffect, useState } from 'preact/hooks';
import {
  GraphProblem,
  asGraphProblem,
  isClientId,
  sessionEndsAt,
  type GraphCloud,
  type TokenSet,
} from '../../lib/graph';
import type { Settings, SettingsStore } from '../../lib/settings/settings';
import type { GraphEnv } from '../graph/graph-env';
import { graphProblemText } from '../graph/problem-text';
import { CheckedField } from '../CheckedField';
import { t } from '../i18n';

/**
 * When the sign-in ends (24 hours after it started, not the hour-long access token), in the
 * page's language (the entry point sets it to the browser's interface language).
 */
function sessionEnd(tokens: TokenSet): string {
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(sessionEndsAt(tokens));
}

const cloudName = (c: GraphCloud) =>
  t(`graphCloud_${c.replace(/-/g, '_') as 'global' | 'usgov_high' | 'usgov_dod'}`);

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'problem'; problem: GraphProblem }
  | { kind: 'hint'; hint: string };

/** Optional Microsoft Graph: what to register, the client id and cloud, sign-in and sign-out. */
export function GraphSettings({
  settings,
  clientOk,
  clientLocked = false,
  change,
  store,
  graph,
}: {
  settings: Settings;
  clientOk: boolean;
  /** The organisation's policy set the client id: shown, not editable. */
  clientLocked?: boolean;
  change: (patch: Partial<Settings>) => void;
  store: SettingsStore;
  graph: GraphEnv;
}) {
  const [tokens, setTokens] = useState<TokenSet | null>(null);
  const [orgName, setOrgName] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [copied, setCopied] = useState(false);
  useEffect(() => void graph.signedIn().then(setTokens, () => setTokens(null)), [graph]);
  const clientId = settings.graphClientId.trim();
  const redirect = graph.redirectUri();
  // The tenant that owns the packages: the app must be registered (or consented) there.
  const tenant = (settings.graphTenant || settings.defaultHint).trim();

  const signIn = () => {
    if (!isClientId(clientId))
      return setStatus({
        kind: 'problem',
        problem: new GraphProblem(clientId ? 'bad-client-id' : 'no-client-id'),
      });
    setStatus({ kind: 'busy' });
    // Called synchronously in the click: the host permission request needs the gesture.
    const signing = graph.signIn({
      clientId,
      tenant: tenant || 'organizations',
      cloud: settings.graphCloud,
    });
    void (async () => {
      try {
        const { tokens: signed, organization } = await signing;
        setTokens(signed);
        setOrgName(organization?.name ?? null);
        // Keep what the sign-in used, and fill the directory hint when there was none.
        const hint = !tenant && organization?.hint ? organization.hint : null;
        const stored = await store.load();
        await store.save({
          ...stored,
          graphClientId: clientId,
          graphCloud: settings.graphCloud,
          ...(hint ? { defaultHint: hint } : {}),
        });
        if (hint) change({ defaultHint: hint });
        setStatus(hint ? { kind: 'hint', hint } : { kind: 'idle' });
      } catch (e) {
        setStatus({ kind: 'problem', problem: asGraphProblem(e) });
      }
    })();
  };

  return (
    <fieldset class="graph">
      <legend>{t('optionsGraphHeading')}</legend>
      <p class="muted">{t('optionsGraphIntro')}</p>
      <CheckedField
        id="graph-client-id"
        label={
          clientLocked
            ? `${t('optionGraphClientId')} — ${t('setByOrganisation')}`
            : t('optionGraphClientId')
        }
        error={clientOk ? '' : t('graphClientIdInvalid')}
        type="text"
        spellcheck={false}
        autocomplete="off"
        readOnly={clientLocked}
        value={settings.graphClientId}
        onInput={(e) => change({ graphClientId: e.currentTarget.value })}
      />
      {/* The cloud is chosen once, above, for Graph and links alike. */}
      <p class="muted">{t('graphCloudFromOptions', cloudName(settings.graphCloud))}</p>
      <p>{t('graphSetupRegister')}</p>
      <p>{t('graphSetupRedirect')}</p>
      <div class="row">
        <code data-testid="redirect-uri">{redirect}</code>
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(redirect).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <p>{t('graphSetupPermission')}</p>
      <p>{t('graphSetupRole')}</p>
      <p class="muted">{tenant ? t('graphSetupTenant', tenant) : t('graphSetupNoTenant')}</p>
      <div class="row">
        <button
          type="button"
          class="primary"
          disabled={status.kind === 'busy' || !clientOk}
          onClick={signIn}
        >
          {t('graphSignIn')}
        </button>
        {tokens && (
          <button
            type="button"
            onClick={() =>
              void graph
                .signOut()
                .then(() => (setTokens(null), setOrgName(null), setStatus({ kind: 'idle' })))
            }
          >
            {t('graphSignOut')}
          </button>
        )}
      </div>
      <p role="status" data-testid="graph-status">
        {status.kind === 'busy'
          ? t('graphSigningIn')
          : tokens
            ? t('graphSignedIn', [orgName ?? tokens.tenant, sessionEnd(tokens)])
            : t('graphNotSignedIn')}
        {status.kind === 'hint' && ` ${t('graphHintFilled', status.hint)}`}
      </p>
      {tokens && (
        <p>
          <a href="catalog.html" target="_blank" rel="noopener" data-testid="open-catalog-page">
            {t('optionsOpenCatalogPage')}
          </a>
        </p>
      )}
      {status.kind === 'problem' && (
        <p class="error" role="alert" data-testid="graph-problem" data-code={status.problem.code}>
          {graphProblemText(status.problem)}
        </p>
      )}
    </fieldset>
  );
}
