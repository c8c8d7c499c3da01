// Where the catalog page lives, and what it is asked to show: one catalog, or every catalog.
import { browser } from 'wxt/browser';
import { parseGuid } from '../../lib/link/guid';

/** The page's URL; a catalog id that is not a GUID is dropped (then every catalog is listed). */
export function catalogPageUrl(catalogId?: string | null): string {
  const id = catalogId ? parseGuid(catalogId) : null;
  const base = browser.runtime.getURL('/catalog.html');
  return id?.ok ? `${base}?catalog=${id.value}` : base;
}

/** The catalog the page was opened for, from its own URL's `?catalog=`. */
export function requestedCatalog(search: string): string | undefined {
  const raw = new URLSearchParams(search).get('catalog');
  const id = raw ? parseGuid(raw) : null;
  return id?.ok ? id.value : undefined;
}
