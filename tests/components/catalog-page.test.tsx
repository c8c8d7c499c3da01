/** @vitest-environment happy-dom */
// The catalog page as the admin sees it: loading with progress, rows with the popup's findings,
// filters, selection, copy and export, a refused catalog, a throttling wait, signed out.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogEnv } from '../../components/catalog/catalog-env';
import { CatalogPage } from '../../components/catalog/CatalogPage';
import { createListingReader } from '../../lib/graph/catalog-fetch';
import { readCatalogListing } from '../../lib/graph/catalog-read';
import {
  answerGraph,
  catalogGuid,
  generateTenant,
  GRAPH,
  packageGuid,
} from '../fixtures/catalog-tenant.mjs';

afterEach(cleanup);

function fakeCatalogEnv(
  over: {
    signedIn?: boolean;
    refuse?: string[];
    catalogs?: number;
    throttle?: (url: string) => number | undefined;
    sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  } = {},
) {
  const tenant = generateTenant({ catalogs: over.catalogs ?? 10, perCatalog: 20 });
  const refuse = over.refuse ?? [];
  const env = {
    signedIn: vi.fn(() => Promise.resolve(over.signedIn === false ? null : ('global' as const))),
    list: vi.fn(async ({ catalogId, signal, onEvent }: Parameters<CatalogEnv['list']>[0]) => {
      const reader = createListingReader({
        base: GRAPH,
        token: () => Promise.resolve('t'),
        now: () => 0,
        sleep: over.sleep ?? (() => Promise.resolve()),
        fetch: (input: RequestInfo | URL) => {
          const url =
            typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
          const wait = over.throttle?.(url);
          if (wait !== undefined)
            return Promise.resolve(
              new Response('{}', { status: 429, headers: { 'Retry-After': String(wait) } }),
            );
          const a = answerGraph(tenant, url, { refuse });
          return Promise.resolve(new Response(JSON.stringify(a.body), { status: a.status }));
        },
      });
      return {
        ...(await readCatalogListing(reader, { catalogId, signal, onEvent })),
        cloud: 'global' as const,
      };
    }),
    defaultHint: () => Promise.resolve(''),
    copy: vi.fn((_: string) => Promise.resolve(true)),
    copyRich: vi.fn((_h: string, _t: string) => Promise.resolve(true)),
    download: vi.fn((_f: string, _t: string, _y: string) => {}),
    openOptions: vi.fn(() => Promise.resolve()),
    now: () => Date.now(),
  } satisfies CatalogEnv;
  return { env, refuse };
}

const done = () =>
  waitFor(() => expect(screen.getByTestId('catalog-progress').dataset.phase).toBe('done'), {
    timeout: 5000,
  });
const rows = () => screen.queryAllByTestId('catalog-row');

describe('CatalogPage', () => {
  it('lists every package with its link and findings, 100 rows a page', async () => {
    const { env } = fakeCatalogEnv();
    render(<CatalogPage env={env} />);
    await done();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Access packages of every catalog you can read',
    );
    expect(screen.getByTestId('catalog-progress').textContent).toBe(
      '200 packages from 10 of 10 catalogs.',
    );
    expect(rows()).toHaveLength(100);
    expect(screen.getByTestId('catalog-pager').textContent).toBe('Rows 1–100 of 200');
    const first = rows()[0]!;
    const id = first.dataset.id!;
    expect(
      within(first).getByText(
        `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${id}`,
      ),
    ).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(/Directory for the links/).value).toBe(
      'contoso.onmicrosoft.com',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Next rows' }));
    expect(screen.getByTestId('catalog-pager').textContent).toBe('Rows 101–200 of 200');
  });

  it('the one-line summary comes from the popup rules', async () => {
    const { env } = fakeCatalogEnv();
    render(<CatalogPage env={env} />);
    await done();
    fireEvent.input(screen.getByLabelText('Filter by name, catalog, ID or link'), {
      target: { value: packageGuid(3, 1) },
    });
    expect(rows()).toHaveLength(1);
    expect(rows()[0]!.textContent).toContain('Catalog not enabled for external users.');
    fireEvent.input(screen.getByLabelText('Filter by name, catalog, ID or link'), {
      target: { value: packageGuid(1, 5) },
    });
    expect(rows()[0]!.textContent).toContain(
      '“Partners (assigned by admins)” does not let partners request it themselves.',
    );
    fireEvent.input(screen.getByLabelText('Filter by name, catalog, ID or link'), {
      target: { value: packageGuid(1, 8) },
    });
    expect(rows()[0]!.textContent).toContain('Partners can request it. Only: Fabrikam.');
  });

  it('filters by finding and text; copies and exports the selection, else what is shown', async () => {
    const { env } = fakeCatalogEnv();
    render(<CatalogPage env={env} />);
    await done();
    fireEvent.change(screen.getByLabelText('Show', { exact: true }), {
      target: { value: 'blocked' },
    });
    // Catalog 3 (not external) and 7 (not enabled): 40 packages partners cannot request.
    expect(rows()).toHaveLength(40);
    fireEvent.input(screen.getByLabelText('Filter by name, catalog, ID or link'), {
      target: { value: 'catalog 003' },
    });
    expect(rows()).toHaveLength(20);
    expect(screen.getByTestId('catalog-selection').textContent).toBe(
      'Nothing selected: copy and export use the 20 rows shown.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(env.download.mock.calls[0]![1].split('\r\n')).toHaveLength(22);

    fireEvent.click(within(rows()[0]!).getByRole('checkbox'));
    fireEvent.click(within(rows()[1]!).getByRole('checkbox'));
    expect(screen.getByTestId('catalog-selection').textContent).toMatch(/^2 selected/);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as table' }));
    await waitFor(() => expect(env.copyRich).toHaveBeenCalled());
    const [html, text] = env.copyRich.mock.calls[0]!;
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(text.trimEnd().split('\n')).toHaveLength(3);
    await waitFor(() =>
      expect(screen.getByTestId('catalog-status').textContent).toBe(
        'Copied 2 rows as a table: paste them into a wiki page, an email or a ticket.',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(env.download.mock.calls[1]![1].split('\r\n')).toHaveLength(4);

    fireEvent.click(screen.getByLabelText('Select all 20 shown'));
    expect(screen.getByTestId('catalog-selection').textContent).toMatch(/^20 selected/);
  });

  it('CSV export neutralises a package named like a formula', async () => {
    const { env } = fakeCatalogEnv();
    render(<CatalogPage env={env} />);
    await done();
    fireEvent.input(screen.getByLabelText('Filter by name, catalog, ID or link'), {
      target: { value: 'HYPERLINK' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(env.download.mock.calls[0]![1]).toContain(`"'=HYPERLINK(`);
  });

  it('sorts from the column headers, and says which way', async () => {
    const { env } = fakeCatalogEnv();
    render(<CatalogPage env={env} />);
    await done();
    const header = screen.getByRole('button', { name: 'Access package' });
    fireEvent.click(header);
    expect(header.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    const names = rows().map((r) => r.querySelector('th')!.textContent ?? '');
    expect(names).toEqual(
      [...names].sort((a, b) =>
        a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }),
      ),
    );
    fireEvent.click(header);
    expect(header.closest('th')!.getAttribute('aria-sort')).toBe('descending');
  });

  it('a refused catalog is listed with the reason, and read again on request', async () => {
    const { env, refuse } = fakeCatalogEnv({ refuse: [catalogGuid(2)] });
    render(<CatalogPage env={env} />);
    await done();
    expect(screen.getByTestId('catalog-progress').textContent).toBe(
      '180 packages from 9 of 10 catalogs.',
    );
    expect(screen.getByTestId('catalog-failures').textContent).toContain(
      'Partner catalog 002: Microsoft Graph refused',
    );
    refuse.length = 0;
    fireEvent.click(screen.getByRole('button', { name: 'Try these catalogs again' }));
    await waitFor(() =>
      expect(screen.getByTestId('catalog-progress').textContent).toBe(
        '200 packages from 10 of 10 catalogs.',
      ),
    );
    expect(screen.queryByTestId('catalog-failures')).toBeNull();
    expect(env.list.mock.calls[1]![0].catalogId).toBe(catalogGuid(2));
  });

  it('shows the wait Graph asks for, then goes on', async () => {
    let release: () => void = () => {};
    const sleep = vi.fn(
      (_ms: number, signal: AbortSignal) =>
        new Promise<void>((resolve, reject) => {
          release = resolve;
          signal.addEventListener('abort', () => reject(new (class extends Error {})()));
        }),
    );
    let once = true;
    const { env } = fakeCatalogEnv({
      sleep,
      throttle: (url) => (url.includes(catalogGuid(0)) && once ? ((once = false), 30) : undefined),
    });
    render(<CatalogPage env={env} />);
    await waitFor(() =>
      expect(screen.getByTestId('catalog-wait').textContent).toMatch(
        /^Microsoft Graph asked to slow down: reading resumes in (30|29) s\.$/,
      ),
    );
    release();
    await done();
    expect(screen.queryByTestId('catalog-wait')).toBeNull();
    expect(sleep.mock.calls[0]![0]).toBe(30_000);
  });

  it('Stop keeps what was read and says the rest was not', async () => {
    const { env } = fakeCatalogEnv({
      sleep: (_ms, signal) =>
        new Promise((_r, reject) =>
          signal.addEventListener('abort', () => reject(new Error('stopped'))),
        ),
      throttle: (url) => (url.includes(catalogGuid(9)) ? 5 : undefined),
    });
    render(<CatalogPage env={env} />);
    await waitFor(() => expect(screen.getByTestId('catalog-wait')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() =>
      expect(screen.getByTestId('catalog-progress').dataset.phase).toBe('cancelled'),
    );
    expect(screen.getByTestId('catalog-progress').textContent).toBe(
      'Stopped: 180 packages read, 9 of 10 catalogs. The others were not read.',
    );
    expect(rows().length).toBe(100);
  });

  it('signed out: says what to do and opens the options', async () => {
    const { env } = fakeCatalogEnv({ signedIn: false });
    render(<CatalogPage env={env} />);
    await screen.findByTestId('catalog-signed-out');
    expect(env.list).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Open the options' }));
    expect(env.openOptions).toHaveBeenCalled();
  });

  it('one catalog: its name in the heading, its packages only', async () => {
    const { env } = fakeCatalogEnv();
    render(<CatalogPage env={env} catalogId={catalogGuid(4)} />);
    await done();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Access packages of the catalog “Legal catalog 004”',
    );
    expect(rows()).toHaveLength(20);
  });

  it('without a directory from Graph or the options, links wait for one', async () => {
    const { env } = fakeCatalogEnv();
    env.list.mockImplementationOnce(({ onEvent }) => {
      onEvent({
        type: 'catalogs',
        catalogs: [{ id: catalogGuid(1), name: 'Cat', state: 'published', external: true }],
        context: { organizations: [], directoryHint: null },
      });
      onEvent({
        type: 'packages',
        catalog: { id: catalogGuid(1), name: 'Cat', state: 'published', external: true },
        packages: [
          { id: packageGuid(1, 1), displayName: 'One', isHidden: false, assignmentPolicies: [] },
        ],
      });
      return Promise.resolve({ organizations: [], directoryHint: null, cloud: 'global' as const });
    });
    render(<CatalogPage env={env} />);
    await done();
    expect(rows()[0]!.textContent).toContain('Needs the directory (above)');
    fireEvent.input(screen.getByLabelText(/Directory for the links/), {
      target: { value: 'fabrikam.com' },
    });
    expect(rows()[0]!.textContent).toContain(
      `https://myaccess.microsoft.com/@fabrikam.com#/access-packages/${packageGuid(1, 1)}`,
    );
  });
});
