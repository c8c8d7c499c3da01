import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MY_ACCESS_MATCHES } from '../lib/hosts';
import { mayConcernLink, parseMyAccessPage } from '../lib/pages/my-access-url';
import { pageStatus } from '../lib/pages/page-status';
import { showDirectoryNotice } from '../components/notice/directory-notice';
import { showIncompleteNotice } from '../components/notice/incomplete-notice';
import { timed } from '../lib/timing';

export default defineContentScript({
  matches: MY_ACCESS_MATCHES,
  runAt: 'document_idle',
  // Pages learn nothing of the extension but the notice: no "script started" message to every
  // listener on the page (WXT's custom event on the document still stops an older copy).
  noScriptStartedPostMessage: true,
  main(ctx: ContentScriptContext) {
    let notice: AbortController | null = null;
    // The known-directory warning: shown only while the page's directory stays the same.
    let directoryNotice: { directory: string; abort: AbortController } | null = null;
    let sent: string = 'other';
    const inspect = (url: string, initial: boolean) => {
      notice?.abort();
      notice = null;
      // Nothing to look at, and nothing shown to take back: a page that is not ours costs nothing.
      if (sent === 'other' && !mayConcernLink(url)) return;
      const page = parseMyAccessPage(url);
      if (!page) return;
      if (page.fixedUrl) {
        // `%23/` where `#/` was meant: My Access cannot route it, so fix it in place.
        location.replace(page.fixedUrl);
        return;
      }
      const status = pageStatus(page, { initial });
      // A new document starts with a clear badge; after that, only changes are worth a message.
      if (status !== sent)
        void browser.runtime.sendMessage({ type: 'my-access-page', status }).catch(() => {});
      sent = status;
      if (status === 'incomplete') {
        notice = new AbortController();
        void showIncompleteNotice(page.analysis, notice.signal);
      }
      const directory = page.analysis.directoryHint;
      if (directoryNotice?.directory !== directory) {
        directoryNotice?.abort.abort();
        directoryNotice = null;
        if (directory) {
          const abort = new AbortController();
          directoryNotice = { directory, abort };
          void showDirectoryNotice(directory, abort.signal);
        }
      }
    };
    timed('myaccess', () => inspect(location.href, true));
    // SPA navigation: hash-only and pushState changes both arrive here (read the event's newUrl).
    ctx.addEventListener(window, 'wxt:locationchange', (event) =>
      timed('myaccess', () => inspect(event.newUrl.href, false)),
    );
    ctx.onInvalidated(() => {
      notice?.abort();
      directoryNotice?.abort.abort();
    });
  },
});
