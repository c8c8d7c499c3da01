import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserCatalogEnv } from '../../components/catalog/catalog-env';
import { CatalogPage } from '../../components/catalog/CatalogPage';
import { requestedCatalog } from '../../components/catalog/open-page';
// The build links imported CSS in the page's head, so it applies before the first paint.
import '../../components/theme.css';
import '../../components/catalog/catalog.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('catalogPageTitle');
render(
  <CatalogPage
    env={browserCatalogEnv()}
    catalogId={requestedCatalog(location.search)}
    locale={browser.i18n.getUILanguage()}
    onFirstRows={() => performance.mark('ald:catalog-first-rows')}
    onAllRows={() => performance.mark('ald:catalog-all-rows')}
  />,
  document.getElementById('app')!,
);
