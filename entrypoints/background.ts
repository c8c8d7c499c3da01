import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { acceptedFrom, createDropLog, parseRuntimeMessage } from '../lib/messages';
import { settingsStore } from '../lib/storage';
import { badgeFor, mergeReport, parseTabState, type TabState } from '../lib/tab-state';

const MENU_ID = 'ald-check-link';
// Session storage: per-tab state survives the service worker sleeping, never reaches the disk.
const tabKey = (tabId: number) => `tab:${tabId}`;

async function readTabState(tabId: number): Promise<TabState | undefined> {
  const key = tabKey(tabId);
  return parseTabState((await browser.storage.session.get(key))[key]);
}

async function showBadge(tabId: number, state: TabState | undefined) {
  const badge = badgeFor(state, (await settingsStore.load()).defaultHint);
  // MV3 (Chromium) has `action`; the Firefox build is MV2, where it is `browserAction`.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ tabId, text: badge.text });
  await action.setBadgeBackgroundColor({ tabId, color: badge.color });
  await action.setTitle({ tabId, title: browser.i18n.getMessage(badge.titleKey) });
}

// Dropped messages are counted for debugging, in memory only.
const dropped = createDropLog((line) => console.debug(line));

export default defineBackground(() => {
  // Session storage holds per-tab state and the Graph tokens: keep it from content scripts where
  // the browser offers the switch (Chromium's default, made explicit; Firefox never exposes it).
  try {
    void Promise.resolve(
      browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }),
    ).catch(() => {});
  } catch {
    // Not offered here: nothing to restrict.
  }

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: browser.i18n.getMessage('contextMenuCheck'),
      contexts: ['link', 'selection'],
    });
  });

  browser.contextMenus.onClicked.addListener(async (info) => {
    if (info.menuItemId !== MENU_ID) return;
    const text = (info.linkUrl ?? info.selectionText ?? '').slice(0, 100_000);
    // A link's text (Firefox gives it; a selection over the link gives it too) is checked against
    // where the link goes: a My Access text on another target is the danger.
    const shown = info.linkUrl
      ? ((info as { linkText?: string }).linkText ?? info.selectionText ?? '').slice(0, 10_000)
      : '';
    const query = new URLSearchParams({ check: text, ...(shown ? { shown } : {}) });
    // The popup page, opened as a tab, runs the check: one place shows verdicts, repair and actions.
    await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?${query}`) });
  });

  // One tab's reports arrive back to back (a page report and its facts): merge them one at a
  // time, or two read-merge-write cycles would lose one of them.
  const queues = new Map<number, Promise<unknown>>();
  const inOrder = (tabId: number, work: () => Promise<void>) => {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
    queues.set(tabId, next);
    void next.finally(() => queues.get(tabId) === next && queues.delete(tabId));
    return next;
  };

  browser.runtime.onMessage.addListener(async (raw: unknown, sender) => {
    const message = parseRuntimeMessage(raw);
    if (!message) {
      dropped.drop('malformed');
      return undefined;
    }
    // Each report only from the content script and frame that makes it.
    const from = acceptedFrom(message, sender, browser.runtime.id);
    if (!from.ok) {
      dropped.drop(from.reason, message.type);
      return undefined;
    }
    const tabId = from.tabId;
    await inOrder(tabId, async () => {
      const state = mergeReport(await readTabState(tabId), message);
      await browser.storage.session.set({ [tabKey(tabId)]: state });
      await showBadge(tabId, state);
    });
    return { ok: true };
  });

  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(tabKey(tabId)));
});
