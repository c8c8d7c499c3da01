// The one module of lib/ that touches extension storage: typed, versioned items (WXT storage).
import { RECENT_HINTS, STORAGE_KEYS } from './storage-keys';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { parseAnswers, withAnswers, type Answers } from './eligibility/answers';
import { addToHistory, parseHistory, type HistoryEntry } from './history/history';
import { parseCachedCheck, type CachedCheck } from './directory/openid-check';
import { pushRecent } from './recent';
import {
  choicesToStore,
  effectiveSettings,
  NO_POLICY,
  parsePolicy,
  type Policy,
} from './settings/managed';
import { migrateSettings, type PartialSettings, type SettingsStore } from './settings/settings';

/** The user's own choices only (version 5); defaults and the organisation's policy are applied on load. */
export const settingsItem = storage.defineItem<PartialSettings>(`local:${STORAGE_KEYS.settings}`, {
  fallback: {},
  version: 5,
  migrations: { 2: migrateSettings, 3: migrateSettings, 4: migrateSettings, 5: migrateSettings },
});

/** The organisation's policy (read-only for the extension); none, or unreadable, is no policy. */
export async function readPolicy(): Promise<Policy> {
  try {
    // Firefox rejects when no policy exists; Chromium answers {}.
    return parsePolicy(await browser.storage.managed.get(null));
  } catch {
    return NO_POLICY;
  }
}

export const settingsStore: SettingsStore = {
  // Whatever is stored is re-validated field by field: corrupt data falls back per field.
  async load() {
    const [policy, stored] = await Promise.all([readPolicy(), settingsItem.getValue()]);
    return effectiveSettings(stored, policy, browser.i18n.getUILanguage());
  },
  async save(settings) {
    const policy = await readPolicy();
    await settingsItem.setValue(choicesToStore(settings, policy, browser.i18n.getUILanguage()));
  },
};

export const historyItem = storage.defineItem<HistoryEntry[]>(`local:${STORAGE_KEYS.history}`, {
  fallback: [],
  version: 1,
});
/** Directory hints the user confirmed (shared with the in-page notice, which writes the same key). */
export const recentHintsItem = storage.defineItem<string[]>(`local:${STORAGE_KEYS.recentHints}`, {
  fallback: [],
});

export interface HistoryStore {
  list(): Promise<HistoryEntry[]>;
  add(entry: HistoryEntry): Promise<HistoryEntry[]>;
  clear(): Promise<void>;
  restore(entries: HistoryEntry[]): Promise<void>;
}

export const historyStore: HistoryStore = {
  list: async () => parseHistory(await historyItem.getValue()),
  async add(entry) {
    const { historySize } = await settingsStore.load();
    const next = addToHistory(parseHistory(await historyItem.getValue()), entry, historySize);
    await historyItem.setValue(next);
    return next;
  },
  clear: () => historyItem.setValue([]),
  /** Puts back what `clear` removed (the options' undo). */
  restore: (entries) => historyItem.setValue(parseHistory(entries)),
};

export async function readRecentHints(): Promise<string[]> {
  const raw: unknown = await recentHintsItem.getValue();
  return Array.isArray(raw)
    ? raw.filter((h): h is string => typeof h === 'string').slice(0, RECENT_HINTS)
    : [];
}

export async function rememberHint(hint: string): Promise<void> {
  await recentHintsItem.setValue(pushRecent(await readRecentHints(), hint, RECENT_HINTS));
}

// Graph tokens live in session storage: in memory only, gone when the browser closes, and not
// readable by content scripts (session storage is for trusted contexts by default).
export const graphTokensItem = storage.defineItem<unknown>(`session:${STORAGE_KEYS.graphTokens}`);

/** What the admin answered about packages, by package id (the third eligibility source). */
export const answersItem = storage.defineItem<Record<string, Answers>>(
  `local:${STORAGE_KEYS.answers}`,
  {
    fallback: {},
  },
);

export async function readAnswers(packageId: string): Promise<Answers> {
  const book: unknown = await answersItem.getValue();
  return parseAnswers(
    typeof book === 'object' && book !== null
      ? (book as Record<string, unknown>)[packageId]
      : undefined,
  );
}

export async function saveAnswers(packageId: string, answers: Answers): Promise<void> {
  await answersItem.setValue(withAnswers(await answersItem.getValue(), packageId, answers));
}

/** Directory check answers by hint, each kept for a day (see lib/directory/openid-check.ts). */
export const directoryChecksItem = storage.defineItem<Record<string, unknown>>(
  `local:${STORAGE_KEYS.directoryChecks}`,
  { fallback: {} },
);
const MAX_CACHED_CHECKS = 200;

export async function readCachedCheck(hint: string): Promise<CachedCheck | undefined> {
  const book: unknown = await directoryChecksItem.getValue();
  return typeof book === 'object' && book !== null
    ? parseCachedCheck((book as Record<string, unknown>)[hint])
    : undefined;
}

export async function writeCachedCheck(hint: string, entry: CachedCheck): Promise<void> {
  const book: unknown = await directoryChecksItem.getValue();
  const entries = Object.entries(typeof book === 'object' && book !== null ? book : {}).filter(
    ([h]) => h !== hint,
  );
  // The newest entries stay; the oldest go once there are too many.
  const kept = entries.slice(-(MAX_CACHED_CHECKS - 1));
  await directoryChecksItem.setValue(Object.fromEntries([...kept, [hint, entry]]));
}
