import { t } from '../i18n';
import { lockedLabel } from './locked-label';
import type { OptionsState } from './state';

/** Known directories (the organisation's, read-only, and the user's own) and the opt-in check. */
export function DirectorySettings({ state }: { state: OptionsState }) {
  const list = state.settings.value.knownDirectories;
  const locked = state.isLocked('knownDirectories');
  const problem = state.addProblem.value;
  return (
    <fieldset class="directories">
      <legend>{lockedLabel(state, 'knownDirectories', t('knownDirectoriesHeading'))}</legend>
      <p class="muted">{t('knownDirectoriesIntro')}</p>
      {list.length > 0 && (
        <ul class="known-directories" data-testid="known-directories">
          {list.map((k) => (
            <li key={k.directory}>
              <span>
                <strong>{k.name}</strong> <code>{k.directory}</code>
                {k.source === 'policy' && <span class="muted"> — {t('setByOrganisation')}</span>}
              </span>
              {k.source === 'user' && (
                <button
                  type="button"
                  aria-label={t('knownDirectoryRemove', k.name)}
                  onClick={() => void state.removeKnownDirectory(k.directory)}
                >
                  {t('optionsRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!locked && (
        <form
          class="known-add"
          onSubmit={(e) => {
            e.preventDefault();
            state.addKnownDirectory();
          }}
        >
          <label for="known-directory">{t('knownDirectoryDirectory')}</label>
          <input
            id="known-directory"
            type="text"
            spellcheck={false}
            autocomplete="off"
            aria-invalid={problem !== null}
            aria-describedby="known-directory-error"
            value={state.newDirectory.value}
            onInput={(e) => state.typeNewDirectory(e.currentTarget.value)}
          />
          <label for="known-name">{t('knownDirectoryName')}</label>
          <input
            id="known-name"
            type="text"
            maxLength={100}
            value={state.newName.value}
            onInput={(e) => state.typeNewName(e.currentTarget.value)}
          />
          <p id="known-directory-error" class="error" role="alert">
            {problem === 'invalid'
              ? t('hintInvalid')
              : problem === 'duplicate'
                ? t('knownDirectoryDuplicate')
                : ''}
          </p>
          <div class="row">
            <button type="submit">{t('knownDirectoryAdd')}</button>
          </div>
        </form>
      )}
      <label class="check">
        <input
          type="checkbox"
          id="directory-check"
          checked={state.settings.value.directoryCheck}
          aria-describedby="directory-check-help"
          onChange={(e) => {
            // The box shows the setting, not the click: turning on waits for the permission.
            const want = e.currentTarget.checked;
            e.currentTarget.checked = state.settings.value.directoryCheck;
            void state.setDirectoryCheck(want);
          }}
        />
        {t('directoryCheckOption')}
      </label>
      <p id="directory-check-help" class="muted">
        {t('directoryCheckHelp')}
      </p>
      {state.checkDenied.value && (
        <p class="error" role="alert" data-testid="check-denied">
          {t('directoryCheckDenied')}
        </p>
      )}
    </fieldset>
  );
}
