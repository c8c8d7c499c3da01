import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { t } from '../i18n';
import type { PopupEnv } from './env';
import { HistoryList } from './HistoryList';
import { LinkList } from './LinkList';
import { PackageView } from './PackageView';
import { createPopupState } from './state';
import { VerdictView } from './VerdictView';

export function Popup({ env, initialText = '', onReady }: { env: PopupEnv; initialText?: string; onReady?: () => void }) {
  const state = useMemo(() => createPopupState(env, initialText), [env]);
  const paste = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    // Explicit focus, before the first paint: `autofocus` is not honoured in every popup host.
    paste.current?.focus();
    onReady?.();
    void state.load();
  }, [state]);
  const { links, current } = state;

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
        onPaste={(e) => void state.pasted(e.clipboardData?.getData('text/plain') ?? '')}
      />
      {links.value.length === 0 && !state.portal.value && <p class="muted">{t('emptyHint')}</p>}
      {links.value.length > 1 && <LinkList links={links.value} selected={state.selected.value} onSelect={(i) => (state.selected.value = i)} />}
      {current.value && <VerdictView key={current.value.link} analysis={current.value} state={state} />}
      <HistoryList state={state} />
    </main>
  );
}
