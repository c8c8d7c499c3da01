// Vitest setup: the fake browser has no i18n, so give it the real English catalogue.
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../public/_locales/en/messages.json';
import { formatMessage } from '../lib/i18n/format-message';

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = (key: string, subs?: string | string[]) =>
    formatMessage(en, key, subs);
  fakeBrowser.i18n.getUILanguage = () => 'en';
});

// The popup loads some views only when shown: load them once here, so that no import is still
// pending when a test file's environment is torn down (on a busy machine one can come that late).
await Promise.all([
  import('../components/popup/PackageView'),
  import('../components/popup/CatalogView'),
  import('../components/directory/DirectoryNote'),
  import('../components/share/SharePanel'),
]);
