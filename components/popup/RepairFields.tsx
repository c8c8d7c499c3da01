import type { Need } from '../../lib/link';
import { t } from '../i18n';

export type Fill = { directoryHint?: string; accessPackageId?: string };

/** Fields only for what the link lacks; the verdict above updates as the user types. */
export function RepairFields({
  needs,
  fill,
  onFill,
  suggestions,
}: {
  needs: Need[];
  fill: Fill;
  onFill: (f: Fill) => void;
  suggestions: string[];
}) {
  return (
    <div>
      {needs.map((need) => {
        const id = `fill-${need}`;
        const hint = need === 'directoryHint';
        const suggested = hint && suggestions.length > 0 && fill.directoryHint === suggestions[0];
        return (
          <div key={need}>
            <label for={id}>{t(hint ? 'fillHintLabel' : 'fillIdLabel')}</label>
            <input
              id={id}
              type="text"
              spellcheck={false}
              autocomplete="off"
              list={hint ? 'hint-suggestions' : undefined}
              aria-describedby={`${id}-help`}
              data-needs-input={(fill[need] ?? '') === '' || undefined}
              value={fill[need] ?? ''}
              onInput={(e) => onFill({ ...fill, [need]: e.currentTarget.value })}
            />
            {hint && (
              <datalist id="hint-suggestions">
                {suggestions.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            )}
            <p id={`${id}-help`} class="muted">
              {suggested ? t('fillHintSuggested') : t(hint ? 'fillHintHelp' : 'fillIdHelp')}
            </p>
          </div>
        );
      })}
    </div>
  );
}
