import { browser } from 'wxt/browser';
import { DISCOVERY_PERMISSION } from '../../lib/directory/openid-check';
import type { HistoryEntry } from '../../lib/history/history';
import type { Catalogue } from '../../lib/i18n/format-message';
import type { Policy } from '../../lib/settings/managed';
import type { Settings } from '../../lib/settings/settings';
import { historyStore, readPolicy, settingsStore } from '../../lib/storage';
import { browserGraph, type GraphEnv } from '../graph/graph-env';
import { browserEnv } from '../popup/env';

/** What the options page needs from the world, as one small adapter that tests replace. */
export interface OptionsEnv {
  /** The settings in effect and the organisation's policy (what it locks, what it ignored). */
  load(): Promise<{ settings: Settings; policy: Policy }>;
  save(settings: Settings): Promise<void>;
  /** Empties the history and returns what it held, for an undo. */
  clearHistory(): Promise<HistoryEntry[]>;
  restoreHistory(entries: HistoryEntry[]): Promise<void>;
  /** Asks for the directory check's host; call it inside the click (the browser needs the gesture). */
  requestCheckPermission(): Promise<boolean>;
  catalogue: (lang: string) => Promise<Catalogue>;
  graph: GraphEnv;
}

export const browserOptionsEnv: OptionsEnv = {
  load: async () => {
    const [settings, policy] = await Promise.all([settingsStore.load(), readPolicy()]);
    return { settings, policy };
  },
  save: (settings) => settingsStore.save(settings),
  async clearHistory() {
    const entries = await historyStore.list();
    await historyStore.clear();
    return entries;
  },
  restoreHistory: (entries) => historyStore.restore(entries),
  requestCheckPermission: () =>
    Promise.resolve(browser.permissions.request({ origins: [DISCOVERY_PERMISSION] })).catch(
      () => false,
    ),
  catalogue: (lang) => browserEnv(null).catalogue(lang),
  graph: browserGraph,
};
