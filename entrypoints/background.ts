import { browser } from 'wxt/browser';
import type { Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  acceptedFrom,
  createDropLog,
  parseRuntimeMessage,
  tabPackage,
  type PortalWatch,
} from '../lib/messages';
import { answersBlock } from '../lib/eligibility/answers';
import { readAnswers, settingsStore } from '../lib/storage';
// Session storage: per-tab state survives the service worker sleeping, never reaches the disk.
import { tabStateKey } from '../lib/storage-keys';
import { badgeFor, mergeReport, parseTabState, type TabState } from '../lib/tab-state';

const MENU_ID = 'ald-check-link';

async function readTabState(tabId: number): Promise<TabState | undefined> {
  const key = tabStateKey(tabId);
  return parseTabState((await browser.storage.session.get(key))[key]);
}

async function showBadge(tabId: number, state: TabState | undefined) {
  // A package the admin said partners cannot request (catalog closed, no policy) is not "OK".
  const pkg = state?.type === 'portal' ? state.accessPackageId : undefined;
  const blocked = pkg ? answersBlock(await readAnswers(pkg)) : false;
  const badge = badgeFor(state, (await settingsStore.load()).defaultHint, blocked);
  // Both builds are MV3 (`action`); an MV2 build (`--mv2`) has `browserAction` instead.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ tabId, text: badge.text });
  await action.setBadgeBackgroundColor({ tabId, color: badge.color });
  await action.setTitle({ tabId, title: browser.i18n.getMessage(badge.titleKey) });
}

/** Tells a portal tab's frames which package it shows; a tab without listening frames is fine. */
function tellFrames(tabId: number, accessPackageId: string | null) {
  const watch: PortalWatch = { type: 'portal-watch', accessPackageId };
  try {
    void Promise.resolve(browser.tabs.sendMessage(tabId, watch)).catch(() => {});
  } catch {
    // No frame listens (or the browser cannot deliver): nothing to tell.
  }
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

  // The browser ignores a listener's promise: the work runs on, and its errors end with it.
  browser.contextMenus.onClicked.addListener((info) => void openCheck(info));
  async function openCheck(info: Browser.contextMenus.OnClickData) {
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
  }

  // One tab's reports arrive back to back (a page report and its facts): merge them one at a
  // time, or two read-merge-write cycles would lose one of them.
  const queues = new Map<number, Promise<unknown>>();
  const inOrder = (tabId: number, work: () => Promise<void>) => {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
    queues.set(tabId, next);
    void next.finally(() => queues.get(tabId) === next && queues.delete(tabId));
    return next;
  };

  // The promise's value is the answer to the sender (the polyfill's async form of sendResponse).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
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
    // A portal frame asks which package the tab shows: the tab's own URL says (the frame's cannot).
    if (message.type === 'portal-frame-query')
      return { type: 'portal-watch', accessPackageId: tabPackage(sender) } satisfies PortalWatch;
    await inOrder(tabId, async () => {
      const state = mergeReport(await readTabState(tabId), message);
      await browser.storage.session.set({ [tabStateKey(tabId)]: state });
      await showBadge(tabId, state);
    });
    // The top frame moved to another package (or none): the tab's frames read that one now.
    if (message.type === 'portal-page') tellFrames(tabId, message.accessPackageId);
    return { ok: true };
  });

  browser.tabs.onRemoved.addListener(
    (tabId) => void browser.storage.session.remove(tabStateKey(tabId)),
  );
});
