import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseAccessPackagePage } from '../lib/pages/portal-url';
import type { PortalPageReport } from '../lib/messages';

export default defineContentScript({
  matches: ['https://portal.azure.com/*', 'https://entra.microsoft.com/*', 'https://portal.azure.us/*', 'https://entra.microsoft.us/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx: ContentScriptContext) {
    // The blade's state lives in the top frame's hash; frames without it stay silent.
    if (window !== window.top) return;
    let last = '';
    const inspect = (url: string) => {
      const where = parseAccessPackagePage(url);
      const report: PortalPageReport = {
        type: 'portal-page',
        accessPackageId: where?.accessPackageId ?? null,
        packageName: null,
        hidden: null,
        catalogName: null,
        link: null,
      };
      const key = JSON.stringify(report);
      // Pages that are not an access package report once (to clear the badge), then do nothing.
      if (key === last) return;
      last = key;
      void browser.runtime.sendMessage(report).catch(() => {});
    };
    inspect(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', (event) => inspect(event.newUrl.href));
  },
});
