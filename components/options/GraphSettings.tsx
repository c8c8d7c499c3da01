import { useEffect, useState } from 'preact/hooks';
import {
  GRAPH_CLOUDS,
  GraphProblem,
  asGraphProblem,
  isClientId,
  type GraphCloud,
  type TokenSet,
} from '../../lib/graph';
import type { Settings, SettingsStore } from '../../lib/settings/settings';
import type { GraphEnv } from '../graph/graph-env';
import { graphProblemText } from '../graph/problem-text';
import { CheckedField } from '../CheckedField';
import { t } from '../i18n';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'problem'; problem: GraphProblem }
  | { kind: 'hint'; hint: string };

/** Optional Microsoft Graph: what to register, the client id and cloud, sign-in and sign-out. */
export function GraphSettings({
  settings,
  clientOk,
  change,
  store,
  graph,
}: {
  settings: Settings;
  clientOk: boolean;
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
  const tenant = settings.defaultHint.trim();

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
        label={t('optionGraphClientId')}
        error={clientOk ? '' : t('graphClientIdInvalid')}
        type="text"
        spellcheck={false}
        autocomplete="off"
        value={settings.graphClientId}
        onInput={(e) => change({ graphClientId: e.currentTarget.value })}
      />
      <label for="graph-cloud">{t('optionGraphCloud')}</label>
      <select
        id="graph-cloud"
        value={settings.graphCloud}
        onChange={(e) => change({ graphCloud: e.currentTarget.value as GraphCloud })}
      >
        {GRAPH_CLOUDS.map((c) => (
          <option key={c} value={c}>
            {t(`graphCloud_${c.replace(/-/g, '_') as 'global' | 'usgov_high' | 'usgov_dod'}`)}
          </option>
        ))}
      </select>
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
            ? t('graphSignedIn', [
                orgName ?? tokens.tenant,
                new Date(tokens.expiresAt).toLocaleTimeString(undefined, {
                  hour: '2-digit',
                  minute: '2-digit',
                }),
              ])
            : t('graphNotSignedIn')}
        {status.kind === 'hint' && ` ${t('graphHintFilled', status.hint)}`}
      </p>
      {status.kind === 'problem' && (
        <p class="error" role="alert" data-testid="graph-problem" data-code={status.problem.code}>
          {graphProblemText(status.problem)}
        </p>
      )}
    </fieldset>
  );
}
