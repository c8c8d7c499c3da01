import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserEnv } from '../../components/popup/env';
import { Popup } from '../../components/popup/Popup';
// The build links imported CSS in the page's head, so it applies before the first paint.
import '../../components/theme.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('extName');
const params = new URLSearchParams(location.search);
// `?check=`, `?shown=` and `?tab=` come from the context menu, which opens this page as a tab.
const check = params.get('check') ?? '';
const shown = params.get('shown');
render(
  <Popup
    env={browserEnv(params.get('tab'))}
    initialText={check}
    initialAnchors={shown ? [{ href: check, text: shown }] : []}
    onReady={() => performance.mark('ald:popup-ready')}
  />,
  document.getElementById('app')!,
);
