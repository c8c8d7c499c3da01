import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { findLinks, analyzeLink } from '../../lib/link';
import { t } from '../i18n';
import { browserActions, type PopupActions } from './actions';
import { LinkList } from './LinkList';
import { VerdictView } from './VerdictView';

export function Popup({ initialText = '', actions = browserActions() }: { initialText?: string; actions?: PopupActions }) {
  const [text, setText] = useState(initialText);
  const [selected, setSelected] = useState(0);
  const links = useMemo(() => {
    if (text.trim() === '') return [];
    const found = findLinks(text);
    // Nothing My Access-like found: still say what the text is, rather than nothing.
    return found.length > 0 ? found : [analyzeLink(text)];
  }, [text]);
  const current = links[Math.min(selected, links.length - 1)];
  const paste = useRef<HTMLTextAreaElement>(null);
  // Explicit focus: `autofocus` is not honoured in every popup host.
  useEffect(() => paste.current?.focus(), []);

  return (
    <main class="popup">
      <h1>{t('popupHeading')}</h1>
      <label for="paste">{t('pasteLabel')}</label>
      <textarea
        id="paste"
        ref={paste}
        spellcheck={false}
        placeholder={t('pastePlaceholder')}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setSelected(0);
        }}
      />
      {links.length === 0 && <p class="muted">{t('emptyHint')}</p>}
      {links.length > 1 && <LinkList links={links} selected={selected} onSelect={setSelected} />}
      {current && <VerdictView key={current.link} analysis={current} actions={actions} />}
    </main>
  );
}
