// The one module of lib/ that touches extension storage: typed, versioned items (WXT storage).
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, parseSettings, type Settings, type SettingsStore } from './settings/settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export const settingsStore: SettingsStore = {
  // Whatever is stored is re-validated field by field: corrupt data falls back per field.
  load: async () => parseSettings(await settingsItem.getValue()),
  save: (settings) => settingsItem.setValue(parseSettings(settings)),
};
