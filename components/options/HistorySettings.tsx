import { t } from '../i18n';
import type { OptionsState } from './state';

/** Clearing the history at once, with an undo until the page closes (no dialog to dismiss). */
export function HistorySettings({ state }: { state: OptionsState }) {
  const status = state.historyStatus.value;
  return (
    <div class="row">
      <button type="button" onClick={() => void state.clearHistory()}>
        {t('historyClear')}
      </button>
      {status === 'cleared' && state.cleared.value && (
        <button type="button" onClick={() => void state.undoClear()}>
          {t('optionsUndo')}
        </button>
      )}
      <span role="status" data-testid="history-status">
        {status === 'cleared'
          ? t('optionHistoryCleared')
          : status === 'restored'
            ? t('optionHistoryRestored')
            : ''}
      </span>
    </div>
  );
}
