import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserOptionsEnv } from '../../components/options/env';
import { Options } from '../../components/options/Options';
// The build links imported CSS in the page's head, so it applies before the first paint.
import '../../components/theme.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('optionsHeading');
render(<Options env={browserOptionsEnv} />, document.getElementById('app')!);
