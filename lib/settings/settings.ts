import { parseDirectoryHint } from '../link/hint';

/** The user's settings. Each field is validated on its own: one corrupt value never costs the others. */
export interface Settings {
  /** The admin's own directory hint, used to complete links they share ('' = none). */
  defaultHint: string;
  cloud: 'global' | 'usgov';
}

export const DEFAULT_SETTINGS: Settings = { defaultHint: '', cloud: 'global' };

export function parseSettings(raw: unknown): Settings {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const hint = typeof r.defaultHint === 'string' ? parseDirectoryHint(r.defaultHint) : undefined;
  return {
    defaultHint: hint?.ok ? hint.value : r.defaultHint === '' ? '' : DEFAULT_SETTINGS.defaultHint,
    cloud: r.cloud === 'global' || r.cloud === 'usgov' ? r.cloud : DEFAULT_SETTINGS.cloud,
  };
}

export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}
