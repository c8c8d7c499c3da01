import { browser } from 'wxt/browser';
import { STORAGE_KEYS } from '../../lib/storage-keys';
import { directoryStanding, knownDirectoriesFrom } from '../../lib/directory/known-directories';
import { t } from '../i18n';
import { NOTICE_CSS } from './notice-css';

// Plain DOM, like the incomplete-link notice: it runs inside My Access's page. Text goes in through
// textContent only. Offline: the known list comes from storage, never from the network.

async function knownDirectories() {
  const [stored, policy] = await Promise.all([
    browser.storage.local.get(STORAGE_KEYS.settings).then((r) => r[STORAGE_KEYS.settings]),
    // Firefox rejects when no policy exists.
    Promise.resolve(browser.storage.managed.get(null)).catch(() => ({})),
  ]);
  return knownDirectoriesFrom(stored, policy);
}

/**
 * Warns, on a My Access page, that its directory is not one of the organisation's known partners
 * (only when that list is not empty). Removed when `signal` aborts, on Escape or "Close".
 */
export async function showDirectoryNotice(directory: string, signal: AbortSignal) {
  const standing = directoryStanding(directory, await knownDirectories().catch(() => []));
  if (standing.kind !== 'unknown' || signal.aborted) return;
  const host = document.createElement('div');
  host.setAttribute('data-testid', 'ald-directory-notice');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  // Below the incomplete-link notice's corner, so both can show at once.
  style.textContent = `${NOTICE_CSS}:host{inset:auto 16px 16px auto}`;
  const card = document.createElement('section');
  card.className = 'card';
  card.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = t('directoryUnknown', standing.directory);
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t('noticeClose');
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(close);
  card.append(text, actions);
  shadow.append(style, card);
  // Page script can reach an open shadow root: act on the user's own events only.
  close.addEventListener('click', (e) => void (e.isTrusted && host.remove()));
  shadow.addEventListener('keydown', (e) => {
    if (e.isTrusted && (e as KeyboardEvent).key === 'Escape') host.remove();
  });
  signal.addEventListener('abort', () => host.remove(), { once: true });
  document.body.append(host);
}
