// The yardstick of `npm run bench`: an empty Preact popup (a heading and a focused box), built by
// Vite like the extension's pages and loaded from the same extension. Never part of a store build.
import { h, render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
// Its CSS is loaded as the popup's is: imported here, linked in the head by the build.
import '../../../components/theme.css';

function Bare() {
  const box = useRef(null);
  useLayoutEffect(() => {
    box.current?.focus();
    performance.mark('ald:popup-ready');
  }, []);
  return h(
    'main',
    { class: 'popup' },
    h('h1', null, 'Access Link Doctor'),
    h('label', { for: 'paste' }, 'Paste'),
    h('textarea', { id: 'paste', ref: box }),
  );
}

render(h(Bare, null), document.getElementById('app'));
