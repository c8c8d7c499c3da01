import { browser } from 'wxt/browser';
import { repairLink } from '../../lib/link/build';
import type { LinkAnalysis } from '../../lib/link/types';
import { pushRecent } from '../../lib/recent';
import { problemKey, t } from '../i18n';
import { NOTICE_CSS } from './notice-css';

// Plain DOM rather than Preact: this runs inside someone else's page, and the content script must
// stay under its 8 kB budget. Text goes in through textContent only, never as markup.

// storage.local keys: the links whose notice was dismissed, the hints the user confirmed.
const DISMISSED = 'dismissedNotices';
const HINTS = 'recentHints';

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

/** Shows the in-page notice for an incomplete link, in an open shadow root; removed when `signal` aborts. */
export async function showIncompleteNotice(analysis: LinkAnalysis, signal: AbortSignal) {
  const linkKey = analysis.link;
  if ((await readList(DISMISSED)).includes(linkKey) || signal.aborted) return;
  const recentHint = (await readList(HINTS))[0] ?? '';

  const host = el('div');
  host.setAttribute('data-testid', 'ald-notice');
  const shadow = host.attachShadow({ mode: 'open' });
  const fields: { need: 'directoryHint' | 'accessPackageId'; input: HTMLInputElement }[] = [];
  const repair = el('button', {
    type: 'button',
    className: 'primary',
    textContent: t('noticeRepair'),
  });
  repair.setAttribute('data-testid', 'ald-repair');
  const error = el('p', { className: 'error', role: 'alert' } as Partial<HTMLParagraphElement>);

  const body = el('section', { className: 'card' } as Partial<HTMLElement>);
  body.setAttribute('role', 'dialog');
  body.setAttribute('aria-labelledby', 'ald-title');
  body.append(el('h2', { id: 'ald-title', textContent: t('noticeTitle') }));
  for (const need of analysis.needs) {
    body.append(
      el('p', {
        textContent: t(need === 'directoryHint' ? 'noticeMissingHint' : 'noticeMissingId'),
      }),
    );
    const id = `ald-${need}`;
    const input = document.createElement('input');
    Object.assign(input, {
      id,
      spellcheck: false,
      value: need === 'directoryHint' ? recentHint : '',
    });
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('aria-describedby', 'ald-ask');
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = t(need === 'directoryHint' ? 'fillHintLabel' : 'fillIdLabel');
    body.append(label, input);
    fields.push({ need, input });
  }
  body.append(
    el('p', { id: 'ald-ask', className: 'muted', textContent: t('noticeAskSender') }),
    error,
  );
  const dismiss = el('button', { type: 'button', textContent: t('noticeDismiss') });
  body.append(el('div', { className: 'actions' }, repair, dismiss));
  shadow.append(el('style', { textContent: NOTICE_CSS }), body);

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
  for (const f of fields) f.input.addEventListener('input', update);
  // The shadow root is open, so page script can reach these buttons: act on trusted events only
  // (a real click, or Enter/Space on a focused button), never on `.click()` or a dispatched event.
  repair.addEventListener('click', async (e) => {
    if (!e.isTrusted) return;
    const r = repaired();
    if (r.verdict !== 'valid' || !r.canonical) return;
    if (r.directoryHint && analysis.needs.includes('directoryHint'))
      await pushList(HINTS, r.directoryHint, 20);
    location.assign(r.canonical);
  });
  const close = async (e: Event) => {
    if (!e.isTrusted) return;
    host.remove();
    await pushList(DISMISSED, linkKey, 200);
  };
  dismiss.addEventListener('click', close);
  body.addEventListener('keydown', (e) => void (e.key === 'Escape' && close(e)));
  update();
  document.body.append(host);
  // The content script aborts `signal` on navigation and on invalidation alike.
  signal.addEventListener('abort', () => host.remove(), { once: true });
}
