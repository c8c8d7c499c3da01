import { browser } from 'wxt/browser';
import type { HistoryEntry } from '../../lib/history/history';
import type { EligibilityEnv } from '../eligibility/state';
import type { GraphEnv } from '../graph/graph-env';
import type { Catalogue } from '../../lib/i18n/format-message';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import {
  historyStore,
  readAnswers,
  readRecentHints,
  rememberHint,
  saveAnswers,
  settingsStore,
} from '../../lib/storage';
import { parseTabState, stateForUrl, type TabState } from '../../lib/tab-state';

/** What the popup needs from the world, as one small adapter that tests replace. */
export interface PopupEnv extends EligibilityEnv {
  copy(text: string): Promise<boolean>;
  open(url: string): Promise<void>;
  download(filename: string, text: string, type: string): void;
  /** Opens a compose URL: mailto: in the current tab (the mail app takes it), web mail in a new tab. */
  openCompose(url: string): Promise<void>;
  /** Puts both flavours on the clipboard, so the email pastes well into Outlook, Teams or a ticket. */
  copyRich(html: string, text: string): Promise<boolean>;
  /** The messages of a language the user picked for an email (not necessarily the UI's). */
  catalogue(lang: string): Promise<Catalogue>;
  /** What the user is looking at: the tab's URL (through activeTab) and what its page reported. */
  tab(): Promise<{ url: string | null; state: TabState | undefined }>;
  settings(): Promise<Settings>;
  history(): Promise<HistoryEntry[]>;
  addHistory(entry: HistoryEntry): Promise<HistoryEntry[]>;
  clearHistory(): Promise<void>;
  recentHints(): Promise<string[]>;
  rememberHint(hint: string): Promise<void>;
}

// Graph is loaded only when used: most popups never sign in, and the popup opens faster without it.
const loadGraph = () => import('../graph/graph-env').then((m) => m.browserGraph);
const lazyGraph: Pick<GraphEnv, 'signedIn' | 'readPackage'> = {
  signedIn: async () => (await loadGraph()).signedIn(),
  readPackage: async (id) => (await loadGraph()).readPackage(id),
};

/** The tab the popup is about: `?tab=` when opened as a page (context menu), else the active tab. */
async function targetTab(tabParam: string | null) {
  if (tabParam && /^\d+$/.test(tabParam))
    return browser.tabs.get(Number(tabParam)).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab && !tab.url?.startsWith(browser.runtime.getURL('')) ? tab : undefined;
}

export function browserEnv(tabParam: string | null, win: Window = window): PopupEnv {
  return {
    async copy(text) {
      try {
        await win.navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
    async open(url) {
      await browser.tabs.create({ url });
    },
    download(filename, text, type) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = Object.assign(win.document.createElement('a'), { href: url, download: filename });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    async openCompose(url) {
      if (url.startsWith('mailto:')) await browser.tabs.update({ url });
      else await browser.tabs.create({ url });
    },
    async copyRich(html, text) {
      try {
        const item = new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        });
        await win.navigator.clipboard.write([item]);
        return true;
      } catch {
        return false;
      }
    },
    async catalogue(lang) {
      // Only the languages we ship: the name never goes into a path as typed.
      const path = {
        en: '/_locales/en/messages.json',
        fr: '/_locales/fr/messages.json',
        nl: '/_locales/nl/messages.json',
      }[lang];
      if (!path) return {};
      const res = await fetch(browser.runtime.getURL(path as '/_locales/en/messages.json'));
      return (await res.json()) as Catalogue;
    },
    async tab() {
      const tab = await targetTab(tabParam);
      if (tab?.id === undefined) return { url: null, state: undefined };
      const key = `tab:${tab.id}`;
      const url = tab.url ?? null;
      return {
        url,
        state: stateForUrl(parseTabState((await browser.storage.session.get(key))[key]), url),
      };
    },
    settings: () => settingsStore.load().catch(() => DEFAULT_SETTINGS),
    history: () => historyStore.list(),
    addHistory: (entry) => historyStore.add(entry),
    clearHistory: () => historyStore.clear(),
    recentHints: readRecentHints,
    rememberHint,
    graph: lazyGraph,
    answers: readAnswers,
    saveAnswers,
    openOptions: () => browser.runtime.openOptionsPage(),
  };
}
