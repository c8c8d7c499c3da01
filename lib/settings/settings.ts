import { mergeKnownDirectories, parseKnownDirectories } from '../directory/known-directories';
import {
  EMAIL_LANGUAGES,
  emailLanguageFor,
  isEmailLanguage,
  type EmailLanguage,
} from '../email/languages';
import { checkTemplate } from '../email/template';
import { isClientId } from '../graph/auth';
import { cloudHosts, isGraphCloud } from '../graph/clouds';
import { parseDirectoryHint } from '../link/hint';

// Re-exported for the views that pick a language; the list itself belongs to the email module.
export { EMAIL_LANGUAGES, type EmailLanguage };

import {
  DEFAULT_SETTINGS,
  MAX_HISTORY,
  type PartialSettings,
  type SettingKey,
  type Settings,
  type SettingValues,
} from './defaults';

export { DEFAULT_SETTINGS, MAX_HISTORY, type PartialSettings, type SettingKey, type Settings };
export type { SettingValues };

const MAX_ORGANIZATION = 200;

/** Each setting's own check: the value to keep, or undefined when the raw value is unusable. */
export const SETTING_PARSERS: {
  [K in SettingKey]: (raw: unknown) => SettingValues[K] | undefined;
} = {
  defaultHint: parseHint,
  graphCloud: (v) => (isGraphCloud(v) ? v : undefined),
  historySize: (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_HISTORY ? v : undefined,
  emailLanguage: (v) => (isEmailLanguage(v) ? v : undefined),
  organization: (v) =>
    typeof v === 'string'
      ? v
          .replace(/[\r\n\t]+/g, ' ')
          .trim()
          .slice(0, MAX_ORGANIZATION)
      : undefined,
  templates: (v) => (typeof v === 'object' && v !== null ? parseTemplates(v).templates : undefined),
  graphClientId: (v) =>
    typeof v === 'string' && (v.trim() === '' || isClientId(v.trim()))
      ? v.trim().toLowerCase()
      : undefined,
  graphTenant: parseHint,
  knownDirectories: (v) => (Array.isArray(v) ? parseKnownDirectories(v, 'user').list : undefined),
  directoryCheck: (v) => (typeof v === 'boolean' ? v : undefined),
};

function parseHint(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (v.trim() === '') return '';
  const hint = parseDirectoryHint(v);
  return hint.ok ? hint.value : undefined;
}

/** Templates, each kept only when it is well-formed (a broken one falls back to the default). */
export function parseTemplates(raw: object): {
  templates: Settings['templates'];
  rejected: string[];
} {
  const templates: Settings['templates'] = {};
  const rejected: string[] = [];
  for (const [lang, value] of Object.entries(raw)) {
    const t = value as Record<string, unknown> | null;
    if (!isEmailLanguage(lang) || typeof t?.subject !== 'string' || typeof t.body !== 'string') {
      rejected.push(lang);
      continue;
    }
    const template = { subject: t.subject, body: t.body };
    if (checkTemplate(template).length === 0) templates[lang] = template;
    else rejected.push(lang);
  }
  return { templates, rejected };
}

/**
 * What the user stored, key by key: a corrupt value is left out (its default applies) and never
 * costs the others. Versions before 5 stored a link cloud (`cloud: 'usgov'`) beside the Graph one.
 */
export function parseStoredSettings(raw: unknown): PartialSettings {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SETTING_PARSERS) as SettingKey[]) {
    if (!(key in r)) continue;
    const value = SETTING_PARSERS[key](r[key]);
    if (value !== undefined) out[key] = value;
  }
  // A US Government admin without a Graph choice yet most likely sits in GCC High.
  if (out.graphCloud === undefined && (r.cloud === 'usgov' || r.cloud === 'global'))
    out.graphCloud = r.cloud === 'usgov' ? 'usgov-high' : 'global';
  return out;
}

export interface SettingLayers {
  user: PartialSettings;
  /** The organisation's defaults: the user may change them. */
  policyDefaults?: PartialSettings;
  /** The organisation's locked values: they win over the user's. */
  policyLocked?: PartialSettings;
  /** The browser's interface language, which the email language follows until someone picks one. */
  uiLanguage?: string;
}

/** The settings in effect: defaults, the policy's defaults, the user's choices, the policy's locks. */
export function resolveSettings({
  user,
  policyDefaults = {},
  policyLocked = {},
  uiLanguage = 'en',
}: SettingLayers): Settings {
  const merged: SettingValues = {
    ...DEFAULT_SETTINGS,
    emailLanguage: emailLanguageFor(uiLanguage),
    ...policyDefaults,
    ...user,
    ...policyLocked,
  };
  const policyList = policyLocked.knownDirectories ?? policyDefaults.knownDirectories ?? [];
  const userList = policyLocked.knownDirectories ? [] : (user.knownDirectories ?? []);
  return {
    ...merged,
    cloud: cloudHosts(merged.graphCloud).linkCloud,
    emailLanguageChosen: [policyDefaults, user, policyLocked].some((l) => 'emailLanguage' in l),
    knownDirectories: mergeKnownDirectories(
      policyList.map((k) => ({ ...k, source: 'policy' as const })),
      userList.map((k) => ({ ...k, source: 'user' as const })),
    ),
  };
}

/** Stored (or legacy) settings alone, as in effect without a policy. */
export function parseSettings(raw: unknown, uiLanguage = 'en'): Settings {
  return resolveSettings({ user: parseStoredSettings(raw), uiLanguage });
}

/** A setting as the user would store it: of the known directories, only their own, without source. */
function storedForm(settings: Settings, key: SettingKey): unknown {
  return key === 'knownDirectories'
    ? settings.knownDirectories
        .filter((k) => k.source === 'user')
        .map(({ directory, name }) => ({ directory, name }))
    : settings[key];
}

/**
 * What to store for the user: only what differs from what they would get anyway (defaults and
 * policy), so an organisation's later default still reaches a user who never changed that setting.
 * An email language is kept once chosen, even when it matches the interface's.
 */
export function userChoices(
  settings: Settings,
  baseline: Settings,
  locked: readonly SettingKey[] = [],
): PartialSettings {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SETTING_PARSERS) as SettingKey[]) {
    if (locked.includes(key)) continue;
    const value = storedForm(settings, key);
    const base = storedForm(baseline, key);
    const chosen =
      key === 'emailLanguage' && settings.emailLanguageChosen && !baseline.emailLanguageChosen;
    if (!chosen && JSON.stringify(value) === JSON.stringify(base)) continue;
    // Stored in normal form (a client id typed in capitals is kept in lower case); never invalid.
    const normal = key === 'knownDirectories' ? value : SETTING_PARSERS[key](value);
    if (normal !== undefined) out[key] = normal;
  }
  return out;
}

/**
 * Versions 1–4 stored the whole settings object (hint and link cloud; then history size and email
 * language; organisation and templates; the Graph client id and cloud). Version 5 stores only the
 * user's choices: each old value is kept when it is valid, so an explicit email language stays.
 */
export function migrateSettings(old: unknown): PartialSettings {
  return parseStoredSettings(old);
}

export interface SettingsStore {
  /** The settings in effect (the policy applied). */
  load(): Promise<Settings>;
  /** Keeps the user's choices; locked settings are never written. */
  save(settings: Settings): Promise<void>;
}
