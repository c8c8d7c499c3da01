import { t } from '../i18n';
import type { OptionsState } from './state';

/** Says, after each change, whether it was saved (kept in view at the bottom of the page). */
export function SaveStatus({ state }: { state: OptionsState }) {
  const status = state.status.value;
  return (
    <p
      class={`save-status${status === 'invalid' || status === 'failed' ? ' error' : ''}`}
      role="status"
      data-testid="save-status"
      data-status={status}
    >
      {status === 'saved'
        ? t('saved')
        : status === 'failed'
          ? t('saveFailed')
          : status === 'invalid'
            ? t('notSavedInvalid')
            : ''}
    </p>
  );
}
