import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';
import { oneFullStop } from '../lib/i18n/format-message';

/** Every key of the English catalogue: a typo in a key is a compile error. */
export type MessageKey = keyof typeof en;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return oneFullStop(browser.i18n.getMessage(key, substitutions) || key, substitutions);
}

/** Problem codes are kebab-case; their messages are `problem_<code with underscores>`. */
export function problemKey(code: string): MessageKey {
  return `problem_${code.replace(/-/g, '_')}` as MessageKey;
}
