// The one module of lib/ that touches extension storage: typed, versioned items (WXT storage).
import { storage } from 'wxt/utils/storage';
import { parseAnswers, withAnswers, type Answers } from './eligibility/answers';
import { addToHistory, parseHistory, type HistoryEntry } from './history/history';
import { pushRecent } from './recent';
import {
  DEFAULT_SETTINGS,
  migrateSettings,
  parseSettings,
  type Settings,
  type SettingsStore,
} from './settings/settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 4,
  migrations: { 2: migrateSettings, 3: migrateSettings, 4: migrateSettings },
});

export const settingsStore: SettingsStore = {
  // Whatever is stored is re-validated field by field: corrupt data falls back per field.
  load: async () => parseSettings(await settingsItem.getValue()),
  save: (settings) => settingsItem.setValue(parseSettings(settings)),
};

export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', {
  fallback: [],
  version: 1,
});
/** Directory hints the user confirmed (shared with the in-page notice, which writes the same key). */
export const recentHintsItem = storage.defineItem<string[]>('local:recentHints', { fallback: [] });

export interface HistoryStore {
  list(): Promise<HistoryEntry[]>;
  add(entry: HistoryEntry): Promise<HistoryEntry[]>;
  clear(): Promise<void>;
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
};

export const RECENT_HINTS = 20;

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
export const graphTokensItem = storage.defineItem<unknown>('session:graphTokens');

/** What the admin answered about packages, by package id (the third eligibility source). */
export const answersItem = storage.defineItem<Record<string, Answers>>('local:answers', {
  fallback: {},
});

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
