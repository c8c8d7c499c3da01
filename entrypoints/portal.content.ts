import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ADMIN_PORTAL_MATCHES, cloudOfAdminHost, PORTAL_FRAME_MATCHES } from '../lib/hosts';
import { hasOverviewFacts, readOverview } from '../lib/pages/portal-dom';
import { mayBeEntitlementPage, parseAccessPackagePage } from '../lib/pages/portal-url';
import {
  parsePortalWatch,
  type PortalFactsReport,
  type PortalFrameQuery,
  type PortalPageReport,
} from '../lib/messages';
import { timed } from '../lib/timing';

const send = (message: PortalPageReport | PortalFactsReport) =>
  void browser.runtime.sendMessage(message).catch(() => {});
// Blades render late; give up watching after this long.
const WATCH_MS = 20_000;

/**
 * Watches a frame until it shows this package's overview, reports it once, and stops (on success,
 * timeout or abort). Only the blade that shows the package is read.
 */
function watchOverview(packageId: string, signal: AbortSignal) {
  const report = () => {
    const facts = readOverview(document, packageId);
    if (!hasOverviewFacts(facts)) return false;
    send({ type: 'portal-facts', ...facts });
    return true;
  };
  if (report()) return;
  let pending = 0;
  const observer = new MutationObserver(() => {
    // Coalesce bursts of mutations into one read per frame.
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      if (report()) stop();
    });
  });
  const timer = setTimeout(() => stop(), WATCH_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    cancelAnimationFrame(pending);
  };
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  signal.addEventListener('abort', stop, { once: true });
}

export default defineContentScript({
  // The admin portals' top frames and their own frames, and the Microsoft hosts the portal renders
  // blades in (React views, extension UI): a content script runs only where its frame's URL matches.
  matches: [...ADMIN_PORTAL_MATCHES, ...PORTAL_FRAME_MATCHES],
  allFrames: true,
  runAt: 'document_idle',
  // No "script started" message to every listener on the page: it would name the extension.
  noScriptStartedPostMessage: true,
  main(ctx: ContentScriptContext) {
    let watch: AbortController | null = null;
    const watchFor = (packageId: string | null) => {
      watch?.abort();
      watch = null;
      if (!packageId) return;
      watch = new AbortController();
      watchOverview(packageId, AbortSignal.any([watch.signal, ctx.signal]));
    };
    ctx.onInvalidated(() => watch?.abort());

    if (window !== window.top) {
      // A frame cannot tell which page the tab shows (the top may be another origin): the
      // background answers from the tab's URL, now and whenever the tab moves to another package.
      const listener = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
        const m = parsePortalWatch(raw, sender, browser.runtime.id);
        if (m) timed('portal', () => watchFor(m.accessPackageId));
      };
      browser.runtime.onMessage.addListener(listener);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
      const query: PortalFrameQuery = { type: 'portal-frame-query' };
      void browser.runtime
        .sendMessage(query)
        .then((reply: unknown) => {
          const m = parsePortalWatch(reply, { id: browser.runtime.id }, browser.runtime.id);
          if (m && !ctx.isInvalid) watchFor(m.accessPackageId);
        })
        .catch(() => {});
      return;
    }

    // The report behind the badge this document set, '' when it shows none of ours.
    let shown = '';
    /** Reports the top frame's package; its id, or null when the page is not one. */
    const reportTop = (url: string): string | null => {
      // A fresh document starts with a clear badge: a page that is not ours costs one string test.
      if (!shown && !mayBeEntitlementPage(url)) return null;
      const where = parseAccessPackagePage(url);
      const cloud = cloudOfAdminHost(location.hostname.toLowerCase()) ?? 'global';
      const report: PortalPageReport = where
        ? {
            type: 'portal-page',
            accessPackageId: where.accessPackageId,
            tenant: where.tenant,
            cloud,
          }
        : { type: 'portal-page', accessPackageId: null, tenant: null, cloud };
      const key = where ? JSON.stringify(report) : '';
      // Only changes are worth a message; leaving a package clears its badge, once.
      if (key !== shown) send(report);
      shown = key;
      return where?.accessPackageId ?? null;
    };
    // The overview may render in the top document too (the blades of the Azure portal).
    const inspect = (url: string) => watchFor(reportTop(url));
    timed('portal', () => inspect(location.href));
    ctx.addEventListener(window, 'wxt:locationchange', (event) =>
      timed('portal', () => inspect(event.newUrl.href)),
    );
  },
});
