/** @vitest-environment happy-dom */
// The popup on a catalog page and on the Identity Governance dashboard: it says what the extension
// does there and leads to the catalog page (or to setting up Graph first).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { portalPlace } from '../../components/popup/CatalogView';
import { Popup } from './popup-loaded';
import { PORTAL_CORPUS } from '../fixtures/portal-urls';
import { fakeEnv } from './fake-env';

afterEach(cleanup);
const CLIENT = '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c';
const CATALOG = 'beedadfe-01d5-4025-910b-84abb9369997';
const CATALOG_URL = `https://entra.microsoft.com/#view/Microsoft_Azure_ELMAdmin/CatalogMenuBlade/~/overview/catalogId/${CATALOG}`;
const IGA_URL =
  'https://entra.microsoft.com/#view/Microsoft_AAD_ERM/DashboardBlade/~/elmEntitlement';

describe('portalPlace', () => {
  it.each(PORTAL_CORPUS.isCatalogPage!)('a catalog page: %s', (url) => {
    expect(portalPlace(url)?.kind).toBe('catalog');
  });
  it.each(PORTAL_CORPUS.isIdentityGovernanceDashboard!)('the dashboard: %s', (url) => {
    expect(portalPlace(url)?.kind).toBe('governance');
  });
  it.each(PORTAL_CORPUS.notOurs!)('nothing for %s', (url) => {
    expect(portalPlace(url)).toBeNull();
  });
});

describe('popup on catalog and Identity Governance pages', () => {
  it('a catalog page: says it holds packages and opens its listing', async () => {
    const env = fakeEnv({ tabUrl: CATALOG_URL, settings: { graphClientId: CLIENT } });
    render(<Popup env={env} />);
    const view = await screen.findByTestId('catalog-view');
    expect(view.textContent).toContain('This catalog holds access packages.');
    fireEvent.click(screen.getByRole('button', { name: 'List this catalog’s packages' }));
    await waitFor(() => expect(env.open).toHaveBeenCalled());
    expect(env.open.mock.calls[0]![0]).toMatch(new RegExp(`/catalog\\.html\\?catalog=${CATALOG}$`));
  });

  it('without Graph: says what Graph would add and leads to the options', async () => {
    const env = fakeEnv({ tabUrl: CATALOG_URL });
    render(<Popup env={env} />);
    await screen.findByTestId('catalog-view');
    expect(screen.queryByRole('button', { name: 'List this catalog’s packages' })).toBeNull();
    expect(screen.getByTestId('catalog-view').textContent).toContain('With Microsoft Graph set up');
    fireEvent.click(screen.getByRole('button', { name: 'Set up Microsoft Graph' }));
    expect(env.openOptions).toHaveBeenCalled();
  });

  it('the Identity Governance dashboard: how to reach a package, and every package', async () => {
    const env = fakeEnv({ tabUrl: IGA_URL, settings: { graphClientId: CLIENT } });
    render(<Popup env={env} />);
    const view = await screen.findByTestId('catalog-view');
    expect(view.querySelector('h2')!.textContent).toBe('Identity Governance');
    fireEvent.click(screen.getByRole('button', { name: 'List every access package' }));
    await waitFor(() => expect(env.open).toHaveBeenCalled());
    expect(env.open.mock.calls[0]![0]).toMatch(/\/catalog\.html$/);
  });

  it('any other page: nothing of this', async () => {
    const env = fakeEnv({ tabUrl: 'https://entra.microsoft.com/#home' });
    render(<Popup env={env} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('catalog-view')).toBeNull();
    expect(screen.queryByTestId('open-catalog-page')).toBeNull();
  });
});
