import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { repairLink } from '../../lib/link/build';
import type { LinkAnalysis } from '../../lib/link/types';
import { t } from '../i18n';
import { NOTICE_CSS } from './notice-css';

// Plain DOM rather than Preact: this runs inside someone else's page, and the content script must
// stay under its 8 kB budget. Text goes in through textContent only, never as markup.

const DISMISSED_KEY = 'local:dismissedNotices';
const HINTS_KEY = 'local:recentHints';

async function readList(key: string): Promise<string[]> {
  const name = key.slice('local:'.length);
  const got = (await browser.storage.local.get(name))[name];
  return Array.isArray(got) ? got.filter((x): x is string => typeof x === 'string') : [];
}
async function pushList(key: string, value: string, cap: number) {
  const list = [value, ...(await readList(key)).filter((x) => x !== value)].slice(0, cap);
  await browser.storage.local.set({ [key.slice('local:'.length)]: list });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Shows the in-page notice for an incomplete link, in an open shadow root; removed when `signal` aborts. */
export async function showIncompleteNotice(ctx: ContentScriptContext, analysis: LinkAnalysis, signal: AbortSignal) {
  const linkKey = analysis.link;
  if ((await readList(DISMISSED_KEY)).includes(linkKey) || signal.aborted || ctx.isInvalid) return;
  const recentHint = (await readList(HINTS_KEY))[0] ?? '';

  const host = el('div');
  host.setAttribute('data-testid', 'ald-notice');
  const shadow = host.attachShadow({ mode: 'open' });
  const fields: { need: 'directoryHint' | 'accessPackageId'; input: HTMLInputElement }[] = [];
  const repair = el('button', { type: 'button', className: 'primary', textContent: t('noticeRepair') });
  repair.setAttribute('data-testid', 'ald-repair');
  const error = el('p', { className: 'error', role: 'alert' } as Partial<HTMLParagraphElement>);

  const body = el('section', { className: 'card' } as Partial<HTMLElement>);
  body.setAttribute('role', 'dialog');
  body.setAttribute('aria-labelledby', 'ald-title');
  body.append(el('h2', { id: 'ald-title', textContent: t('noticeTitle') }));
  for (const need of analysis.needs) {
    body.append(el('p', { textContent: t(need === 'directoryHint' ? 'noticeMissingHint' : 'noticeMissingId') }));
    const id = `ald-${need}`;
    const input = document.createElement('input');
    Object.assign(input, { id, type: 'text', spellcheck: false, value: need === 'directoryHint' ? recentHint : '' });
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('aria-describedby', 'ald-ask');
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = t(need === 'directoryHint' ? 'fillHintLabel' : 'fillIdLabel');
    body.append(label, input);
    fields.push({ need, input });
  }
  body.append(el('p', { id: 'ald-ask', className: 'muted', textContent: t('noticeAskSender') }), error);
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
    const bad = r.problems.find((p) => p.code === 'fill-hint-invalid' || p.code === 'fill-package-id-invalid');
    error.textContent = bad ? t(bad.code === 'fill-hint-invalid' ? 'problem_fill_hint_invalid' : 'problem_fill_package_id_invalid') : '';
  };
  for (const f of fields) f.input.addEventListener('input', update);
  repair.addEventListener('click', async () => {
    const r = repaired();
    if (r.verdict !== 'valid' || !r.canonical) return;
    if (r.directoryHint && analysis.needs.includes('directoryHint')) await pushList(HINTS_KEY, r.directoryHint, 20);
    location.assign(r.canonical);
  });
  dismiss.addEventListener('click', async () => {
    host.remove();
    await pushList(DISMISSED_KEY, linkKey, 200);
  });
  body.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') dismiss.click();
  });
  update();
  document.body.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  ctx.onInvalidated(() => host.remove());
}
