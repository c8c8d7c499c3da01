// Settings an organisation presets by policy (Chromium's `storage.managed`, Firefox's policies.json
// `3rdparty.Extensions.<add-on id>`). Each key is checked on its own: a bad one is ignored with a
// note, never a broken extension. The schema the browsers read is public/managed_schema.json.
import { parseKnownDirectories } from '../directory/known-directories';
import {
  parseStoredSettings,
  parseTemplates,
  resolveSettings,
  SETTING_PARSERS,
  userChoices,
  type PartialSettings,
  type SettingKey,
  type Settings,
  type SettingValues,
} from './settings';

/** The policy's key for each setting it can preset (the policy's names are the documented ones). */
export const POLICY_KEYS = {
  directoryHint: 'defaultHint',
  cloud: 'graphCloud',
  organization: 'organization',
  emailLanguage: 'emailLanguage',
  templates: 'templates',
  historySize: 'historySize',
  graphClientId: 'graphClientId',
  graphTenant: 'graphTenant',
  knownDirectories: 'knownDirectories',
} as const satisfies Record<string, SettingKey>;
export type PolicyKey = keyof typeof POLICY_KEYS;
/** The key listing which of the others are locked. */
export const LOCKED_KEY = 'locked';

export type PolicyNoteCode = 'unknown-key' | 'wrong-type' | 'invalid-value' | 'unknown-lock';
export interface PolicyNote {
  code: PolicyNoteCode;
  /** The policy key (or `key[index]`, `templates.<lang>`) the note is about. */
  key: string;
}

export interface Policy {
  /** The valid values the policy sets, by setting. */
  values: PartialSettings;
  /** Settings the user cannot change (their policy value, or the default when the policy has none). */
  locked: SettingKey[];
  notes: PolicyNote[];
}

export const NO_POLICY: Policy = { values: {}, locked: [], notes: [] };

// What each key must be, for the "wrong type" note (the schema says the same to the browser).
const TYPES: Record<PolicyKey, 'string' | 'integer' | 'object' | 'array'> = {
  directoryHint: 'string',
  cloud: 'string',
  organization: 'string',
  emailLanguage: 'string',
  templates: 'object',
  historySize: 'integer',
  graphClientId: 'string',
  graphTenant: 'string',
  knownDirectories: 'array',
};

function hasType(value: unknown, type: (typeof TYPES)[PolicyKey]): boolean {
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'object')
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}

function isPolicyKey(key: string): key is PolicyKey {
  return Object.prototype.hasOwnProperty.call(POLICY_KEYS, key);
}

/** The policy as the browser hands it over (`storage.managed.get()`), checked key by key. */
export function parsePolicy(raw: unknown): Policy {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return NO_POLICY;
  const values: Record<string, unknown> = {};
  const notes: PolicyNote[] = [];
  const entries = Object.entries(raw as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (key === LOCKED_KEY) continue;
    if (!isPolicyKey(key)) {
      notes.push({ code: 'unknown-key', key });
      continue;
    }
    if (!hasType(value, TYPES[key])) {
      notes.push({ code: 'wrong-type', key });
      continue;
    }
    const setting = POLICY_KEYS[key];
    if (key === 'knownDirectories') {
      const { list, rejected } = parseKnownDirectories(value, 'policy');
      for (const i of rejected) notes.push({ code: 'invalid-value', key: `${key}[${i}]` });
      values[setting] = list;
    } else if (key === 'templates') {
      const { templates, rejected } = parseTemplates(value as object);
      for (const lang of rejected) notes.push({ code: 'invalid-value', key: `${key}.${lang}` });
      if (Object.keys(templates).length > 0) values[setting] = templates;
    } else {
      // An empty hint or client id would silently turn the feature off: not a preset.
      const parsed = value === '' ? undefined : SETTING_PARSERS[setting](value);
      if (parsed === undefined) notes.push({ code: 'invalid-value', key });
      else values[setting] = parsed;
    }
  }
  const locked: SettingKey[] = [];
  const lockList = (raw as Record<string, unknown>)[LOCKED_KEY];
  if (lockList !== undefined && !Array.isArray(lockList))
    notes.push({ code: 'wrong-type', key: LOCKED_KEY });
  for (const name of Array.isArray(lockList) ? (lockList as unknown[]) : []) {
    if (typeof name === 'string' && isPolicyKey(name)) {
      if (!locked.includes(POLICY_KEYS[name])) locked.push(POLICY_KEYS[name]);
    } else notes.push({ code: 'unknown-lock', key: String(name) });
  }
  return { values: values, locked, notes };
}

/**
 * The policy split into the layers settings are resolved from. A setting locked without a value
 * is locked at `fallback`'s (the default): the organisation wants it left as it is.
 */
export function policyLayers(
  policy: Policy,
  fallback: SettingValues,
): { policyDefaults: PartialSettings; policyLocked: PartialSettings } {
  const policyDefaults: Record<string, unknown> = {};
  const policyLocked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(policy.values))
    (policy.locked.includes(key as SettingKey) ? policyLocked : policyDefaults)[key] = value;
  for (const key of policy.locked) if (!(key in policyLocked)) policyLocked[key] = fallback[key];
  return { policyDefaults, policyLocked };
}

/** The settings in effect for what the user stored, under a policy, in a browser of `uiLanguage`. */
export function effectiveSettings(stored: unknown, policy: Policy, uiLanguage: string): Settings {
  const layers = policyLayers(policy, resolveSettings({ user: {}, uiLanguage }));
  return resolveSettings({ user: parseStoredSettings(stored), uiLanguage, ...layers });
}

/** What to store for `settings`: the user's own choices, never a locked setting. */
export function choicesToStore(
  settings: Settings,
  policy: Policy,
  uiLanguage: string,
): PartialSettings {
  const baseline = effectiveSettings({}, policy, uiLanguage);
  return userChoices(settings, baseline, policy.locked);
}
