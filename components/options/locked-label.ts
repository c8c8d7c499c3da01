import type { SettingKey } from '../../lib/settings/settings';
import { t } from '../i18n';
import type { OptionsState } from './state';

/** A field's label, saying when the organisation set its value (the field is then read-only). */
export function lockedLabel(state: OptionsState, key: SettingKey, text: string): string {
  return state.isLocked(key) ? `${text} — ${t('setByOrganisation')}` : text;
}
