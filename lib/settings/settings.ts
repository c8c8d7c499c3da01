import { parseDirectoryHint } from '../link/hint';

export const EMAIL_LANGUAGES = ['en', 'fr', 'nl'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

/** The user's settings. Each field is validated on its own: one corrupt value never costs the others. */
export interface Settings {
  /** The admin's own directory hint, used to complete links they share ('' = none). */
  defaultHint: string;
  cloud: 'global' | 'usgov';
  /** How many checked or shared links the history keeps (0 = keep none). */
  historySize: number;
  /** The language of shared emails: the sender picks it (it need not be the UI language). */
  emailLanguage: EmailLanguage;
}

export const DEFAULT_SETTINGS: Settings = { defaultHint: '', cloud: 'global', historySize: 50, emailLanguage: 'en' };
export const MAX_HISTORY = 500;

export function parseSettings(raw: unknown): Settings {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const hint = typeof r.defaultHint === 'string' ? parseDirectoryHint(r.defaultHint) : undefined;
  const size = typeof r.historySize === 'number' && Number.isInteger(r.historySize) ? r.historySize : NaN;
  return {
    defaultHint: hint?.ok ? hint.value : DEFAULT_SETTINGS.defaultHint,
    cloud: r.cloud === 'global' || r.cloud === 'usgov' ? r.cloud : DEFAULT_SETTINGS.cloud,
    historySize: size >= 0 && size <= MAX_HISTORY ? size : DEFAULT_SETTINGS.historySize,
    emailLanguage: (EMAIL_LANGUAGES as readonly unknown[]).includes(r.emailLanguage) ? (r.emailLanguage as EmailLanguage) : DEFAULT_SETTINGS.emailLanguage,
  };
}

/** Version 1 stored only the hint and the cloud; version 2 adds history size and email language. */
export function migrateSettingsV1(old: unknown): Settings {
  return parseSettings(old);
}

export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}
