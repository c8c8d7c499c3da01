import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserGraph } from '../../components/graph/graph-env';
import { Options } from '../../components/options/Options';
import { browserEnv } from '../../components/popup/env';
import { historyStore, settingsStore } from '../../lib/storage';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('optionsHeading');
render(
  <Options
    store={settingsStore}
    clearHistory={historyStore.clear}
    catalogue={browserEnv(null).catalogue}
    graph={browserGraph}
  />,
  document.getElementById('app')!,
);
