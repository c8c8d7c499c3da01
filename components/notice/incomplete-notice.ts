import { browser } from 'wxt/browser';
import { RECENT_HINTS, STORAGE_KEYS } from '../../lib/storage-keys';
import { repairLink } from '../../lib/link/build';
import type { LinkAnalysis } from '../../lib/link/types';
import { pushRecent } from '../../lib/recent';
import { problemKey, t, type MessageKey } from '../i18n';
import { NOTICE_CSS } from './notice-css';

// Plain DOM rather than Preact: this runs inside someone else's page, and the content script must
// stay under its 8 kB budget. Text goes in through textContent only, never as markup.

// storage.local keys: the links whose notice was dismissed, the hints the user confirmed.
const DISMISSED = STORAGE_KEYS.dismissedNotices;
const HINTS = STORAGE_KEYS.recentHints;

async function readList(key: string): Promise<string[]> {
  const got = (await browser.storage.local.get(key))[key];
  return Array.isArray(got) ? got.filter((x): x is string => typeof x === 'string') : [];
}
async function pushList(key: string, value: string, cap: number) {
  await browser.storage.local.set({ [key]: pushRecent(await readList(key), value, cap) });
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Adds a listener that acts on the user's own events only (see below). */
function onTrusted<E extends Event>(node: EventTarget, type: string, act: (e: E) => unknown) {
  node.addEventListener(type, (e) => void (e.isTrusted && act(e as E)));
}

/** Shows the in-page notice for an incomplete link, in an open shadow root; removed when `signal` aborts. */
export async function showIncompleteNotice(analysis: LinkAnalysis, signal: AbortSignal) {
  const linkKey = analysis.link;
  if ((await readList(DISMISSED)).includes(linkKey) || signal.aborted) return;
  const recentHint = (await readList(HINTS))[0] ?? '';
  const has = (code: string) => analysis.problems.some((p) => p.code === code);
  // A cut-off package ID is there but incomplete; a missing one is not there at all.
  const idCut = has('package-id-partial');
  // `/@contoso.com` opens that organisation's My Access: nothing is broken, and the package ID is
  // something only the sender knows, so no field asks for it.
  const organisation = has('organisation-link');

  const host = el('div');
  host.setAttribute('data-testid', 'ald-notice');
  const shadow = host.attachShadow({ mode: 'open' });
  const fields: { need: 'directoryHint' | 'accessPackageId'; input: HTMLInputElement }[] = [];
  const button = (key: MessageKey, className = '') =>
    el('button', { type: 'button', className, textContent: t(key) });
  const repair = button('noticeRepair', 'primary');
  repair.setAttribute('data-testid', 'ald-repair');
  const error = el('p', { className: 'error', role: 'alert' });

  const body = el('section', { className: 'card' });
  body.setAttribute('role', 'dialog');
  body.setAttribute('aria-labelledby', 'ald-title');
  body.append(
    el('h2', {
      id: 'ald-title',
      textContent: t(organisation ? 'verdict_organisation' : 'noticeTitle'),
    }),
  );
  if (organisation)
    body.append(
      el('p', { textContent: t('verdictDetail_organisation', analysis.directoryHint ?? '') }),
    );
  else
    for (const need of analysis.needs) {
      const hint = need === 'directoryHint';
      body.append(
        el('p', {
          textContent: t(hint ? 'noticeMissingHint' : idCut ? 'noticeCutId' : 'noticeMissingId'),
        }),
      );
      const id = `ald-${need}`;
      const input = document.createElement('input');
      Object.assign(input, { id, spellcheck: false, value: hint ? recentHint : '' });
      input.setAttribute('autocomplete', 'off');
      input.setAttribute('aria-describedby', 'ald-ask');
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = t(hint ? 'fillHintLabel' : 'fillIdLabel');
      body.append(label, input);
      fields.push({ need, input });
    }
  // Closing for now (Escape, "Not now") keeps nothing; "Don't show again" is remembered, with undo.
  const later = button('noticeLater');
  const never = button('noticeDismiss');
  if (!organisation)
    body.append(
      el('p', { id: 'ald-ask', className: 'muted', textContent: t('noticeAskSender') }),
      error,
    );
  body.append(el('div', { className: 'actions' }, ...(organisation ? [] : [repair]), later, never));
  const undo = button('noticeUndo');
  const close = button('noticeClose');
  const gone = el(
    'section',
    { className: 'card' },
    el('p', { role: 'status', textContent: t('noticeDismissed') }),
    el('div', { className: 'actions' }, undo, close),
  );
  const style = el('style', { textContent: NOTICE_CSS });
  shadow.append(style, body);

  const repaired = () => {
    const fill: Record<string, string> = {};
    for (const f of fields) fill[f.need] = f.input.value;
    return repairLink(analysis, fill);
  };
  const update = () => {
    const r = repaired();
    repair.disabled = r.verdict !== 'valid';
    const bad = r.problems.find(
      (p) => p.code === 'fill-hint-invalid' || p.code === 'fill-package-id-invalid',
    );
    error.textContent = bad ? t(problemKey(bad.code)) : '';
  };
  const go = async () => {
    const r = repaired();
    if (r.verdict !== 'valid' || !r.canonical) return;
    if (r.directoryHint && analysis.needs.includes('directoryHint'))
      await pushList(HINTS, r.directoryHint, RECENT_HINTS);
    location.assign(r.canonical);
  };
  // Storage writes in the order the user acted: an undo never lands before its dismissal.
  let saved = Promise.resolve();
  const save = (write: () => Promise<void>) => (saved = saved.then(write, write));
  const show = (card: HTMLElement, focus: HTMLElement) => {
    shadow.replaceChildren(style, card);
    focus.focus();
  };
  // The shadow root is open, so page script can reach these controls: act on trusted events only
  // (a real click, or a key the user pressed), never on `.click()` or a dispatched event.
  for (const f of fields) {
    f.input.addEventListener('input', update);
    // Not the Enter that ends an input method's composition.
    onTrusted<KeyboardEvent>(
      f.input,
      'keydown',
      (e) => e.key === 'Enter' && !e.isComposing && go(),
    );
  }
  onTrusted(repair, 'click', go);
  onTrusted(later, 'click', () => host.remove());
  onTrusted(close, 'click', () => host.remove());
  onTrusted<KeyboardEvent>(shadow, 'keydown', (e) => e.key === 'Escape' && host.remove());
  onTrusted(never, 'click', () => {
    show(gone, undo);
    return save(() => pushList(DISMISSED, linkKey, 200));
  });
  onTrusted(undo, 'click', () => {
    show(body, never);
    return save(async () => {
      const list = (await readList(DISMISSED)).filter((x) => x !== linkKey);
      await browser.storage.local.set({ [DISMISSED]: list });
    });
  });
  update();
  document.body.append(host);
  // The content script aborts `signal` on navigation and on invalidation alike.
  signal.addEventListener('abort', () => host.remove(), { once: true });
}
