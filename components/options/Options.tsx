import { useEffect, useState } from 'preact/hooks';
import { parseDirectoryHint } from '../../lib/link';
import { DEFAULT_SETTINGS, type Settings, type SettingsStore } from '../../lib/settings/settings';
import { t } from '../i18n';

export function Options({ store }: { store: SettingsStore }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');
  useEffect(() => {
    void store.load().then(setSettings);
  }, [store]);
  const hintOk = settings.defaultHint.trim() === '' || parseDirectoryHint(settings.defaultHint).ok;

  const save = async (e: Event) => {
    e.preventDefault();
    if (!hintOk) return;
    try {
      await store.save(settings);
      setSettings(await store.load());
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <main class="options">
      <h1>{t('optionsHeading')}</h1>
      <form onSubmit={save}>
        <label for="default-hint">{t('optionDefaultHint')}</label>
        <input
          id="default-hint"
          type="text"
          spellcheck={false}
          value={settings.defaultHint}
          aria-invalid={!hintOk}
          aria-describedby="default-hint-error"
          onInput={(e) => {
            setSettings({ ...settings, defaultHint: e.currentTarget.value });
            setStatus('idle');
          }}
        />
        <p id="default-hint-error" class="error" role="alert">
          {hintOk ? '' : t('hintInvalid')}
        </p>
        <label for="cloud">{t('optionDefaultCloud')}</label>
        <select
          id="cloud"
          value={settings.cloud}
          onChange={(e) => {
            setSettings({ ...settings, cloud: e.currentTarget.value === 'usgov' ? 'usgov' : 'global' });
            setStatus('idle');
          }}
        >
          <option value="global">{t('cloudGlobal')}</option>
          <option value="usgov">{t('cloudUsGov')}</option>
        </select>
        <div class="row">
          <button type="submit" class="primary" disabled={!hintOk}>
            {t('save')}
          </button>
          <span role="status" data-testid="save-status">
            {status === 'saved' ? t('saved') : status === 'failed' ? t('saveFailed') : ''}
          </span>
        </div>
      </form>
    </main>
  );
}
