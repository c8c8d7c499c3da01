import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('extName');
// `?check=` comes from the context menu, which opens this page as a tab.
const initial = new URLSearchParams(location.search).get('check') ?? '';
render(<Popup initialText={initial} />, document.getElementById('app')!);
