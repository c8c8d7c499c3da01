import type { JSX } from 'preact';
import { MAX_TEXT, type Anchor } from '../../lib/link';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { t } from '../i18n';
import type { PopupEnv } from './env';
import { HistoryList } from './HistoryList';
import { LinkList } from './LinkList';
import { anchorsInHtml } from './paste-html';
import { createPopupState, HOLD_TEXT, LARGE_TEXT, type PopupState } from './state';
import { VerdictView } from './VerdictView';
import { lazy } from '../Lazy';

// Only admins on a portal tab see the package view: its code loads then.
const PackageView = lazy(() => import('./PackageView').then((m) => m.PackageView));
// What the extension does on a catalog or Identity Governance page: its code loads after the first paint.
const CatalogView = lazy(() => import('./CatalogView').then((m) => m.CatalogView));

/**
 * Takes over the paste: the HTML flavour holds where each link really goes, which the plain text
 * loses. The text goes in by our hand so that the anchors belong to this paste and to no later edit.
 */
function onPaste(e: JSX.TargetedClipboardEvent<HTMLTextAreaElement>, state: PopupState) {
  const data = e.clipboardData;
  const box = e.currentTarget;
  const plain = data?.getData('text/plain') ?? '';
  const html = data?.getData('text/html') ?? '';
  // Files or images: nothing to check, and the browser's own paste is left alone.
  if (!plain && !html) return;
  e.preventDefault();
  const { selectionStart: start, selectionEnd: end, value } = box;
  const whole = value.slice(0, start) + plain + value.slice(end);
  // Too long for the box (a long thread with its quotes): checked, and held beside the box.
  if (whole.length > HOLD_TEXT) return void state.pasted(whole, plain, anchorsInHtml(html));
  if (!isLargePaste(plain)) {
    insertText(box, plain);
    void state.pasted(box.value, plain, anchorsInHtml(html));
    return;
  }
  // A large paste: the verdict first, the text in the box right after, caret after it.
  const caret = start + plain.length;
  void state.pasted(whole, plain, anchorsInHtml(html), true);
  // Once the state has put the text in (a frame later), as the browser's own paste would.
  requestAnimationFrame(() =>
    requestAnimationFrame(() =>
      setTimeout(() => box.value === whole && box.setSelectionRange(caret, caret)),
    ),
  );
}

/** The held paste's buttons go away when pressed: the focus goes to the box, the next input. */
const backToBox = (act: () => void) => (e: JSX.TargetedMouseEvent<HTMLButtonElement>) => {
  const doc = e.currentTarget.ownerDocument;
  act();
  doc.getElementById('paste')?.focus();
};

/** Inserts as a paste would: over the selection, caret after it. */
function insertText(box: HTMLTextAreaElement, text: string) {
  if (!text) return;
  const doc = box.ownerDocument;
  // Deprecated, but the one way to keep Ctrl+Z working after the paste; it fires `input` itself.
  if (
    doc.activeElement === box &&
    typeof doc.execCommand === 'function' &&
    doc.execCommand('insertText', false, text)
  )
    return;
  const caret = box.selectionStart + text.length;
  box.setRangeText(text, box.selectionStart, box.selectionEnd);
  box.setSelectionRange(caret, caret);
}

/**
 * A paste too large for the browser's editing commands (their cost grows with every line: seconds
 * for a long thread): it goes in directly, without Ctrl+Z.
 */
function isLargePaste(text: string) {
  if (text.length > LARGE_TEXT) return true;
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= 40; i = text.indexOf('\n', i + 1)) lines++;
  return lines > 40;
}

export function Popup({
  env,
  initialText = '',
  initialAnchors = [],
  onReady,
}: {
  env: PopupEnv;
  initialText?: string;
  initialAnchors?: Anchor[];
  onReady?: () => void;
}) {
  // One state per env: the initial text and anchors are where it starts, not inputs to follow.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useMemo(() => createPopupState(env, initialText, initialAnchors), [env]);
  const paste = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    // Explicit focus, before the first paint: `autofocus` is not honoured in every popup host.
    // The first field that needs input: a repair field for a link handed over incomplete (context
    // menu), else the paste box.
    const main = paste.current?.closest('main');
    (main?.querySelector<HTMLElement>('[data-needs-input]') ?? paste.current)?.focus();
    onReady?.();
    void state.load();
    // Once per state: `onReady` reports the first render only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  const { links, current, currentIndex, total } = state;

  return (
    <main class="popup">
      <h1>{t('popupHeading')}</h1>
      {state.portal.value && <PackageView state={state} portal={state.portal.value} />}
      <CatalogView state={state} />
      <label for="paste">{t('pasteLabel')}</label>
      <textarea
        id="paste"
        ref={paste}
        spellcheck={false}
        placeholder={t('pastePlaceholder')}
        value={state.text.value}
        aria-describedby={state.checking.value ? 'paste-pending' : undefined}
        onInput={(e) => state.setText(e.currentTarget.value)}
        onPaste={(e) => onPaste(e, state)}
      />
      {state.held.value !== null && (
        <div class="held-paste" data-testid="held-paste">
          <p role="status">{t('heldPaste', state.held.value.length.toLocaleString())}</p>
          <div class="row">
            <button type="button" onClick={backToBox(() => state.editHeld())}>
              {t('heldPasteEdit')}
            </button>
            <button type="button" onClick={backToBox(() => state.clearHeld())}>
              {t('heldPasteClear')}
            </button>
          </div>
        </div>
      )}
      {state.checking.value && (
        <p id="paste-pending" class="muted" role="status">
          {t('checkingText')}
        </p>
      )}
      {links.value.length === 0 && !state.portal.value && !state.checking.value && (
        <p class="muted">{t('emptyHint')}</p>
      )}
      {state.analysed.value.length > MAX_TEXT && (
        <p class="muted" role="status">
          {t('textTooLong', MAX_TEXT.toLocaleString())}
        </p>
      )}
      {total.value > 1 && (
        <LinkList
          links={links.value}
          selected={currentIndex.value}
          onSelect={(i) => state.select(i)}
        />
      )}
      {current.value && (
        <VerdictView
          key={`${currentIndex.value}:${current.value.link}`}
          analysis={current.value}
          state={state}
        />
      )}
      <HistoryList state={state} />
    </main>
  );
}
