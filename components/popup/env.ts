import { browser } from 'wxt/browser';
import type { HistoryEntry } from '../../lib/history/history';
import type { EligibilityEnv } from '../eligibility/state';
import type { GraphEnv } from '../graph/graph-env';
import type { Catalogue } from '../../lib/i18n/format-message';
import { isLocale } from '../../lib/i18n/locales';
import { tabStateKey } from '../../lib/storage-keys';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/defaults';
import type { TabState } from '../../lib/tab-state';
import { copyText } from '../clipboard';

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
  /** Sets the tab's badge for its package as the popup now sees it (blocked: partners cannot request it). */
  /** Sets the tab's badge with what only the popup knows: Graph's findings and directory. */
  packageBadge(blocked: boolean, graphHint: string | null): Promise<void>;
}

// Storage (WXT's storage layer, settings policy, history) loads while the popup draws its first
// frame: nothing it holds is needed before the paste box is usable.
const store = () => import('../../lib/storage');
const tabState = () => import('../../lib/tab-state');

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
    copy: (text) => copyText(win, text),
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
      if (!isLocale(lang)) return {};
      const path = `/_locales/${lang}/messages.json` as const;
      const res = await fetch(browser.runtime.getURL(path as '/_locales/en/messages.json'));
      return (await res.json()) as Catalogue;
    },
    async tab() {
      const tab = await targetTab(tabParam);
      if (tab?.id === undefined) return { url: null, state: undefined };
      const key = tabStateKey(tab.id);
      const url = tab.url ?? null;
      const { parseTabState, stateForUrl } = await tabState();
      return {
        url,
        state: stateForUrl(parseTabState((await browser.storage.session.get(key))[key]), url),
      };
    },
    settings: async () => (await store()).settingsStore.load().catch(() => DEFAULT_SETTINGS),
    history: async () => (await store()).historyStore.list(),
    addHistory: async (entry) => (await store()).historyStore.add(entry),
    clearHistory: async () => (await store()).historyStore.clear(),
    recentHints: async () => (await store()).readRecentHints(),
    rememberHint: async (hint) => (await store()).rememberHint(hint),
    async packageBadge(blocked, graphHint) {
      const tab = await targetTab(tabParam);
      if (tab?.id === undefined) return;
      const key = tabStateKey(tab.id);
      const { badgeFor, parseTabState, stateForUrl } = await tabState();
      const state = stateForUrl(
        parseTabState((await browser.storage.session.get(key))[key]),
        tab.url ?? null,
      );
      if (state?.type !== 'portal') return;
      // The same rule as the background's, with what only the popup knows (Graph's findings).
      const { defaultHint } = await (await store()).settingsStore.load();
      const badge = badgeFor(state, defaultHint, blocked, graphHint);
      const action = browser.action ?? browser.browserAction;
      await action.setBadgeText({ tabId: tab.id, text: badge.text });
      await action.setBadgeBackgroundColor({ tabId: tab.id, color: badge.color });
      await action.setTitle({ tabId: tab.id, title: browser.i18n.getMessage(badge.titleKey) });
    },
    graph: lazyGraph,
    answers: async (id) => (await store()).readAnswers(id),
    saveAnswers: async (id, answers) => (await store()).saveAnswers(id, answers),
    openOptions: () => browser.runtime.openOptionsPage(),
  };
}
