import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserEnv } from '../../components/popup/env';
import { Popup } from '../../components/popup/Popup';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('extName');
const params = new URLSearchParams(location.search);
// `?check=` and `?tab=` come from the context menu, which opens this page as a tab.
render(
  <Popup env={browserEnv(params.get('tab'))} initialText={params.get('check') ?? ''} onReady={() => performance.mark('ald:popup-ready')} />,
  document.getElementById('app')!,
);
