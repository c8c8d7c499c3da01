import type { Need } from '../../lib/link';
import { t } from '../i18n';

type Fill = { directoryHint?: string; accessPackageId?: string };

/** Fields only for what the link lacks; the verdict above updates as the user types. */
export function RepairFields({ needs, fill, onFill }: { needs: Need[]; fill: Fill; onFill: (f: Fill) => void }) {
  return (
    <div>
      {needs.map((need) => {
        const id = `fill-${need}`;
        return (
          <div key={need}>
            <label for={id}>{t(need === 'directoryHint' ? 'fillHintLabel' : 'fillIdLabel')}</label>
            <input
              id={id}
              type="text"
              spellcheck={false}
              autocomplete="off"
              aria-describedby={`${id}-help`}
              value={fill[need] ?? ''}
              onInput={(e) => onFill({ ...fill, [need]: e.currentTarget.value })}
            />
            <p id={`${id}-help`} class="muted">
              {t(need === 'directoryHint' ? 'fillHintHelp' : 'fillIdHelp')}
            </p>
          </div>
        );
      })}
    </div>
  );
}
