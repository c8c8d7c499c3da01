import type { JSX } from 'preact';
import { MAX_TEXT, type Anchor } from '../../lib/link';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { t } from '../i18n';
import type { PopupEnv } from './env';
import { HistoryList } from './HistoryList';
import { LinkList } from './LinkList';
import { anchorsInHtml } from './paste-html';
import { createPopupState, type PopupState } from './state';
import { VerdictView } from './VerdictView';
import { lazy } from '../Lazy';

// Only admins on a portal tab see the package view: its code loads then.
const PackageView = lazy(() => import('./PackageView').then((m) => m.PackageView));

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
  insertText(box, plain);
  void state.pasted(box.value, plain, anchorsInHtml(html));
}

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
  const state = useMemo(() => createPopupState(env, initialText, initialAnchors), [env]);
  const paste = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    // Explicit focus, before the first paint: `autofocus` is not honoured in every popup host.
    paste.current?.focus();
    onReady?.();
    void state.load();
  }, [state]);
  const { links, current, currentIndex } = state;

  return (
    <main class="popup">
      <h1>{t('popupHeading')}</h1>
      {state.portal.value && <PackageView state={state} portal={state.portal.value} />}
      <label for="paste">{t('pasteLabel')}</label>
      <textarea
        id="paste"
        ref={paste}
        spellcheck={false}
        placeholder={t('pastePlaceholder')}
        value={state.text.value}
        onInput={(e) => state.setText(e.currentTarget.value)}
        onPaste={(e) => onPaste(e, state)}
      />
      {links.value.length === 0 && !state.portal.value && <p class="muted">{t('emptyHint')}</p>}
      {state.text.value.length > MAX_TEXT && (
        <p class="muted" role="status">
          {t('textTooLong', MAX_TEXT.toLocaleString())}
        </p>
      )}
      {links.value.length > 1 && (
        <LinkList links={links.value} selected={currentIndex.value} onSelect={state.select} />
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
