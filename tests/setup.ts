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
