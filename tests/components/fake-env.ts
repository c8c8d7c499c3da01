import { vi } from 'vitest';
import type { PopupEnv } from '../../components/popup/env';
import { addToHistory, type HistoryEntry } from '../../lib/history/history';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import type { TabState } from '../../lib/tab-state';
import type { Catalogue } from '../../lib/i18n/format-message';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import nl from '../../public/_locales/nl/messages.json';

const CATALOGUES: Record<string, Catalogue> = { en, fr, nl };

/** An in-memory PopupEnv: what the popup would do to the browser, recorded for assertions. */
export function fakeEnv(over: { settings?: Partial<Settings>; tabUrl?: string | null; state?: TabState; hints?: string[]; history?: HistoryEntry[]; copyOk?: boolean } = {}) {
  let history = over.history ?? [];
  let hints = over.hints ?? [];
  const settings = { ...DEFAULT_SETTINGS, ...over.settings };
  const env = {
    copy: vi.fn(async (_: string) => over.copyOk ?? true),
    open: vi.fn(async (_: string) => {}),
    download: vi.fn((_f: string, _t: string, _y: string) => {}),
    openCompose: vi.fn(async (_: string) => {}),
    copyRich: vi.fn(async (_h: string, _t: string) => over.copyOk ?? true),
    catalogue: async (lang: string) => CATALOGUES[lang] ?? {},
    tab: async () => ({ url: over.tabUrl ?? null, state: over.state }),
    settings: async () => settings,
    history: async () => history,
    addHistory: vi.fn(async (e: HistoryEntry) => (history = addToHistory(history, e, settings.historySize))),
    clearHistory: vi.fn(async () => void (history = [])),
    recentHints: async () => hints,
    rememberHint: vi.fn(async (h: string) => void (hints = [h, ...hints.filter((x) => x !== h)])),
  } satisfies PopupEnv;
  return env;
}
