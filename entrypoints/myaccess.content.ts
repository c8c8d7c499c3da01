import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseMyAccessPage } from '../lib/pages/my-access-url';
import { pageStatus } from '../lib/pages/page-status';
import { showIncompleteNotice } from '../components/notice/incomplete-notice';

export default defineContentScript({
  matches: ['https://myaccess.microsoft.com/*', 'https://myaccess.microsoft.us/*'],
  runAt: 'document_idle',
  main(ctx: ContentScriptContext) {
    let notice: AbortController | null = null;
    const inspect = (url: string, initial: boolean) => {
      notice?.abort();
      notice = null;
      const page = parseMyAccessPage(url);
      if (!page) return;
      if (page.fixedUrl) {
        // `%23/` where `#/` was meant: My Access cannot route it, so fix it in place.
        location.replace(page.fixedUrl);
        return;
      }
      const status = pageStatus(page, { initial });
      document.documentElement.dataset.aldStatus = status;
      void browser.runtime.sendMessage({ type: 'my-access-page', status, canonical: page.analysis.canonical }).catch(() => {});
      if (status === 'incomplete') {
        notice = new AbortController();
        void showIncompleteNotice(ctx, page.analysis, notice.signal);
      }
    };
    inspect(location.href, true);
    // SPA navigation: hash-only and pushState changes both arrive here (read the event's newUrl).
    ctx.addEventListener(window, 'wxt:locationchange', (event) => inspect(event.newUrl.href, false));
    ctx.onInvalidated(() => notice?.abort());
  },
});
