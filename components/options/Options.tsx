import { useEffect, useState } from 'preact/hooks';
import { isClientId } from '../../lib/graph';
import { parseDirectoryHint } from '../../lib/link';
import {
  DEFAULT_SETTINGS,
  EMAIL_LANGUAGES,
  MAX_HISTORY,
  type Settings,
  type SettingsStore,
} from '../../lib/settings/settings';
import type { Catalogue } from '../../lib/i18n/format-message';
import type { GraphEnv } from '../graph/graph-env';
import { CheckedField } from '../CheckedField';
import { t } from '../i18n';
import { GraphSettings } from './GraphSettings';
import { TemplateEditor } from './TemplateEditor';

export function Options({
  store,
  clearHistory,
  catalogue,
  graph,
}: {
  store: SettingsStore;
  clearHistory: () => Promise<void>;
  catalogue: (lang: string) => Promise<Catalogue>;
  graph: GraphEnv;
}) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [historySize, setHistorySize] = useState(String(DEFAULT_SETTINGS.historySize));
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed' | 'cleared'>('idle');
  const [templatesOk, setTemplatesOk] = useState(true);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void store.load().then((s) => {
      setSettings(s);
      setHistorySize(String(s.historySize));
      setLoaded(true);
    });
  }, [store]);
  const hintOk = settings.defaultHint.trim() === '' || parseDirectoryHint(settings.defaultHint).ok;
  const sizeOk = /^\d{1,3}$/.test(historySize.trim()) && Number(historySize) <= MAX_HISTORY;
  const clientIdOk =
    settings.graphClientId.trim() === '' || isClientId(settings.graphClientId.trim());
  const change = (patch: Partial<Settings>) => {
    setSettings({ ...settings, ...patch });
    setStatus('idle');
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!hintOk || !sizeOk || !templatesOk || !clientIdOk) return;
    try {
      await store.save({ ...settings, historySize: Number(historySize) });
      const saved = await store.load();
      setSettings(saved);
      setHistorySize(String(saved.historySize));
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <main class="options">
      <h1>{t('optionsHeading')}</h1>
      <form onSubmit={save}>
        <CheckedField
          id="default-hint"
          label={t('optionDefaultHint')}
          error={hintOk ? '' : t('hintInvalid')}
          type="text"
          spellcheck={false}
          value={settings.defaultHint}
          onInput={(e) => change({ defaultHint: e.currentTarget.value })}
        />
        <label for="cloud">{t('optionDefaultCloud')}</label>
        <select
          id="cloud"
          value={settings.cloud}
          onChange={(e) =>
            change({ cloud: e.currentTarget.value === 'usgov' ? 'usgov' : 'global' })
          }
        >
          <option value="global">{t('cloudGlobal')}</option>
          <option value="usgov">{t('cloudUsGov')}</option>
        </select>
        <label for="email-language">{t('optionEmailLanguage')}</label>
        <select
          id="email-language"
          value={settings.emailLanguage}
          onChange={(e) =>
            change({ emailLanguage: e.currentTarget.value as Settings['emailLanguage'] })
          }
        >
          {EMAIL_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`language_${l}`)}
            </option>
          ))}
        </select>
        <label for="organization">{t('optionOrganization')}</label>
        <input
          id="organization"
          type="text"
          maxLength={200}
          value={settings.organization}
          onInput={(e) => change({ organization: e.currentTarget.value })}
        />
        <CheckedField
          id="history-size"
          label={t('optionHistorySize')}
          error={sizeOk ? '' : t('historySizeInvalid')}
          type="number"
          min={0}
          max={MAX_HISTORY}
          value={historySize}
          onInput={(e) => {
            setHistorySize(e.currentTarget.value);
            setStatus('idle');
          }}
        />
        {loaded && (
          <GraphSettings
            settings={settings}
            clientOk={clientIdOk}
            change={change}
            store={store}
            graph={graph}
          />
        )}
        {loaded && (
          <TemplateEditor
            settings={settings}
            catalogue={catalogue}
            onChange={(templates, ok) => {
              change({ templates });
              setTemplatesOk(ok);
            }}
          />
        )}
        <div class="row">
          <button
            type="submit"
            class="primary"
            disabled={!hintOk || !sizeOk || !templatesOk || !clientIdOk}
          >
            {t('save')}
          </button>
          <button
            type="button"
            onClick={async () => {
              await clearHistory();
              setStatus('cleared');
            }}
          >
            {t('historyClear')}
          </button>
          <span role="status" data-testid="save-status">
            {status === 'saved'
              ? t('saved')
              : status === 'failed'
                ? t('saveFailed')
                : status === 'cleared'
                  ? t('optionHistoryCleared')
                  : ''}
          </span>
        </div>
      </form>
    </main>
  );
}
