import { browser } from 'wxt/browser';
import {
  checkDirectory,
  DISCOVERY_PERMISSION,
  type DirectoryCheck,
} from '../../lib/directory/openid-check';

export type DirectoryChecker = (hint: string) => Promise<DirectoryCheck>;

/**
 * The opt-in check from an extension page. Without the host permission (never granted, or taken
 * back in the browser's settings) it is "not checked": nothing is asked outside a click.
 */
export const browserDirectoryCheck: DirectoryChecker = async (hint) => {
  const allowed = await Promise.resolve(
    browser.permissions.contains({ origins: [DISCOVERY_PERMISSION] }),
  ).catch(() => false);
  if (!allowed) return { kind: 'not-checked', reason: 'no-permission' };
  return checkDirectory(hint, {
    // No cookies: the check is anonymous, whatever the user is signed in to.
    fetch: (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store' }),
    now: Date.now,
    // Storage loads with the first check, not with every page that shows a directory.
    readCache: async (hint) => (await import('../../lib/storage')).readCachedCheck(hint),
    writeCache: async (hint, entry) =>
      (await import('../../lib/storage')).writeCachedCheck(hint, entry),
  });
};
