import type { JSX } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { LOCALES } from '../../lib/i18n/locales';
import { GRAPH_CLOUDS, type GraphCloud } from '../../lib/graph/clouds';
import { EMAIL_LANGUAGES, MAX_HISTORY } from '../../lib/settings/settings';
import { CheckedField } from '../CheckedField';
import { LabelledSelect } from '../LabelledSelect';
import { t } from '../i18n';
import type { OptionsEnv } from './env';
import { DirectorySettings } from './DirectorySettings';
import { GraphSettings } from './GraphSettings';
import { lockedLabel } from './locked-label';
import { HistorySettings } from './HistorySettings';
import { PolicyNotes } from './PolicyNotes';
import { SaveStatus } from './SaveStatus';
import { createOptionsState, type TextSetting } from './state';
import { TemplateEditor } from './TemplateEditor';

export const cloudLabel = (c: GraphCloud) =>
  t(`graphCloud_${c.replace(/-/g, '_') as 'global' | 'usgov_high' | 'usgov_dod'}`);

export function Options({ env }: { env: OptionsEnv }) {
  const state = useMemo(() => createOptionsState(env), [env]);
  useEffect(() => void state.load(), [state]);
  // Nothing is lost by leaving, except a field that is not valid yet: ask before that goes.
  useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => {
      if (state.dirty.value) e.preventDefault();
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [state]);
  const s = state.settings.value;
  const locked = state.isLocked;
  // A typed setting's field: read-only when locked, showing and taking the text as typed.
  const typed = (key: TextSetting) => ({
    readOnly: locked(key),
    value: state.text(key),
    onInput: (e: JSX.TargetedEvent<HTMLInputElement>) =>
      void state.type(key, e.currentTarget.value),
  });
  if (!state.loaded.value) return <main class="options" aria-busy="true" />;

  return (
    <main class="options">
      <h1>{t('optionsHeading')}</h1>
      <p class="muted">{t('optionsAutosave')}</p>
      <PolicyNotes state={state} />
      <CheckedField
        id="default-hint"
        label={lockedLabel(state, 'defaultHint', t('optionDefaultHint'))}
        error={state.isValid('defaultHint') ? '' : t('hintInvalid')}
        type="text"
        spellcheck={false}
        {...typed('defaultHint')}
      />
      <LabelledSelect
        id="cloud"
        label={lockedLabel(state, 'graphCloud', t('optionCloud'))}
        value={s.graphCloud}
        options={GRAPH_CLOUDS}
        text={cloudLabel}
        disabled={locked('graphCloud')}
        aria-describedby="cloud-help"
        onChange={(graphCloud) => void state.change({ graphCloud })}
      />
      <p id="cloud-help" class="muted">
        {t('optionCloudHelp')}
      </p>
      <LabelledSelect
        id="email-language"
        label={lockedLabel(state, 'emailLanguage', t('optionEmailLanguage'))}
        value={s.emailLanguage}
        options={EMAIL_LANGUAGES}
        text={(l) => LOCALES[l]}
        disabled={locked('emailLanguage')}
        aria-describedby="email-language-help"
        onChange={(l) => void state.pickEmailLanguage(l)}
      />
      <p id="email-language-help" class="muted">
        {s.emailLanguageChosen ? '' : t('optionEmailLanguageFollows')}
      </p>
      <label for="organization">
        {lockedLabel(state, 'organization', t('optionOrganization'))}
      </label>
      <input id="organization" type="text" maxLength={200} {...typed('organization')} />
      <CheckedField
        id="history-size"
        label={lockedLabel(state, 'historySize', t('optionHistorySize'))}
        error={state.isValid('historySize') ? '' : t('historySizeInvalid')}
        type="number"
        min={0}
        max={MAX_HISTORY}
        {...typed('historySize')}
      />
      <HistorySettings state={state} />
      <DirectorySettings state={state} />
      <GraphSettings
        settings={{ ...s, graphClientId: state.text('graphClientId') }}
        clientOk={state.isValid('graphClientId')}
        clientLocked={locked('graphClientId')}
        change={(patch) =>
          patch.graphClientId !== undefined
            ? void state.type('graphClientId', patch.graphClientId)
            : state.applied(patch)
        }
        store={state.store}
        graph={env.graph}
      />
      {locked('templates') ? (
        <fieldset class="templates">
          <legend>{t('templatesHeading')}</legend>
          <p class="muted" data-testid="templates-locked">
            {t('setByOrganisation')}
          </p>
        </fieldset>
      ) : (
        <TemplateEditor
          settings={s}
          catalogue={env.catalogue}
          onChange={(templates, ok) => void state.editTemplates(templates, ok)}
        />
      )}
      <SaveStatus state={state} />
    </main>
  );
}
