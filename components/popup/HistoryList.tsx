import { historyToCsv } from '../../lib/history/history';
import { t } from '../i18n';
import type { PopupState } from './state';

/** The last links checked or shared: local only, capped, clearable, exportable. */
export function HistoryList({ state }: { state: PopupState }) {
  const entries = state.history.value;
  if (entries.length === 0) return null;
  return (
    <details class="history">
      <summary>{t('historyHeading', String(entries.length))}</summary>
      <ul class="links">
        {entries.map((e) => (
          <li key={e.at + e.link}>
            <button type="button" onClick={() => state.setText(e.link)} title={t('historyRecheck')}>
              <strong>{t(`verdict_${e.verdict}`)}</strong> — {e.link}
              <br />
              <span class="muted">
                <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div class="row">
        <button
          type="button"
          onClick={() =>
            state.env.download('access-link-doctor-history.csv', historyToCsv(entries), 'text/csv')
          }
        >
          {t('historyExport')}
        </button>
        <button type="button" onClick={() => void state.clearHistory()}>
          {t('historyClear')}
        </button>
      </div>
    </details>
  );
}
