import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { hasOverviewFacts, readOverview } from '../lib/pages/portal-dom';
import { mayBeEntitlementPage, parseAccessPackagePage } from '../lib/pages/portal-url';
import type { PortalFactsReport, PortalPageReport } from '../lib/messages';
import { timed } from '../lib/timing';

const send = (message: PortalPageReport | PortalFactsReport) =>
  void browser.runtime.sendMessage(message).catch(() => {});
// Blades render late; give up watching after this long.
const WATCH_MS = 20_000;

/** Watches a frame until it shows an overview, reports it once, and stops (on success, timeout or abort). */
function watchOverview(signal: AbortSignal) {
  const report = () => {
    const facts = readOverview(document);
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

/** A blade's frame only matters under a package page; when the top frame is readable, ask it. */
function frameMayShowPackage(): boolean {
  try {
    const url = window.top!.location.href;
    return mayBeEntitlementPage(url) && parseAccessPackagePage(url) !== undefined;
  } catch {
    return true; // another origin: it cannot be told from here, so watch (bounded by WATCH_MS)
  }
}

export default defineContentScript({
  matches: [
    'https://portal.azure.com/*',
    'https://entra.microsoft.com/*',
    'https://portal.azure.us/*',
    'https://entra.microsoft.us/*',
  ],
  allFrames: true,
  runAt: 'document_idle',
  // No "script started" message to every listener on the page: it would name the extension.
  noScriptStartedPostMessage: true,
  main(ctx: ContentScriptContext) {
    // The report behind the badge this document set, '' when it shows none of ours.
    let shown = '';
    /** Reports the top frame's package; false when the page is not one. */
    const reportTop = (url: string): boolean => {
      // A fresh document starts with a clear badge: a page that is not ours costs one string test.
      if (!shown && !mayBeEntitlementPage(url)) return false;
      const where = parseAccessPackagePage(url);
      const cloud = new URL(url).hostname.endsWith('.us') ? 'usgov' : 'global';
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
      return where !== undefined;
    };
    let watch: AbortController | null = null;
    const inspect = (url: string) => {
      watch?.abort();
      watch = null;
      if (window === window.top ? !reportTop(url) : !frameMayShowPackage()) return;
      // The overview may render in this frame (the top one, or a blade's iframe).
      watch = new AbortController();
      watchOverview(AbortSignal.any([watch.signal, ctx.signal]));
    };
    timed('portal', () => inspect(location.href));
    ctx.addEventListener(window, 'wxt:locationchange', (event) =>
      timed('portal', () => inspect(event.newUrl.href)),
    );
    ctx.onInvalidated(() => watch?.abort());
  },
});
