import { useEffect, useState } from 'preact/hooks';
import {
  isCatalogPage,
  isIdentityGovernanceDashboard,
  parseAccessPackagePage,
  parsePortalUrl,
} from '../../lib/pages/portal-url';
import { parseGuid } from '../../lib/link/guid';
import { catalogPageUrl } from '../catalog/open-page';
import { t } from '../i18n';
import type { PopupState } from './state';

type Where =
  | { kind: 'catalog'; catalogId: string }
  | { kind: 'governance' }
  | { kind: 'package'; catalogId: string | null };

/** Which admin page the tab shows, as far as the catalog listing cares. */
export function portalPlace(url: string | null): Where | null {
  if (!url) return null;
  const pkg = parseAccessPackagePage(url);
  if (pkg) return { kind: 'package', catalogId: pkg.catalogId };
  if (isCatalogPage(url)) {
    const id = parseGuid(parsePortalUrl(url)?.params.catalogid ?? '');
    return id.ok ? { kind: 'catalog', catalogId: id.value } : null;
  }
  if (isIdentityGovernanceDashboard(url)) return { kind: 'governance' };
  return null;
}

/**
 * On a catalog page or the Identity Governance dashboard, what the extension does there; on a
 * package page, a way to every package of its catalog. Listing needs Microsoft Graph: without it
 * the view says so and offers the options.
 */
export function CatalogView({ state }: { state: PopupState }) {
  const { env } = state;
  const [where, setWhere] = useState<Where | null>(null);
  useEffect(() => {
    let live = true;
    void env.tab().then(
      (tab) => live && setWhere(portalPlace(tab.url)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [env]);
  if (!where) return null;
  const graph = state.settings.value.graphClientId !== '';
  const catalogId = where.kind === 'governance' ? null : where.catalogId;
  const list = (
    <button
      type="button"
      class={where.kind === 'package' ? undefined : 'primary'}
      data-testid="open-catalog-page"
      onClick={() => void env.open(catalogPageUrl(catalogId))}
    >
      {t(catalogId ? 'popupListCatalog' : 'popupListAll')}
    </button>
  );
  const needsGraph = (
    <>
      <p class="muted">{t('popupListNeedsGraph')}</p>
      <button type="button" onClick={() => void env.openOptions()}>
        {t('popupSetUpGraph')}
      </button>
    </>
  );
  if (where.kind === 'package') return graph ? <p class="row">{list}</p> : null;
  return (
    <section class="verdict" data-testid="catalog-view" data-kind={where.kind}>
      <h2>{t(where.kind === 'catalog' ? 'popupCatalogHeading' : 'popupIgaHeading')}</h2>
      <p>{t(where.kind === 'catalog' ? 'popupCatalogText' : 'popupIgaText')}</p>
      {graph ? list : needsGraph}
    </section>
  );
}
