// Listing every package of every catalog: paging, throttling, partial failure and cancelling,
// against a generated tenant of 100 catalogs and 2,000 packages.
import { describe, expect, it, vi } from 'vitest';
import {
  abortableSleep,
  createListingReader,
  ListingCancelled,
} from '../../lib/graph/catalog-fetch';
import { packagesPath, readCatalogListing, type CatalogEvent } from '../../lib/graph/catalog-read';
import {
  answerGraph,
  catalogGuid,
  generateTenant,
  GRAPH,
  type Tenant,
} from '../fixtures/catalog-tenant.mjs';
import { fixture } from './fake-graph';

type Planned = { status: number; body?: unknown; headers?: Record<string, string> };

/** fetch() over the generated tenant; `before` may answer first (throttling, errors). */
function tenantFetch(
  tenant: Tenant,
  options: { pageSize?: number; refuse?: string[] } = {},
  before: (url: string) => Planned | undefined = () => undefined,
) {
  const calls: string[] = [];
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push(url);
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer t0ken');
    const a: Planned = before(url) ?? answerGraph(tenant, url, options);
    return Promise.resolve(
      new Response(JSON.stringify(a.body ?? {}), {
        status: a.status,
        headers: { 'Content-Type': 'application/json', ...a.headers },
      }),
    );
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

function reader(fetch: typeof globalThis.fetch, sleep = vi.fn(async () => {})) {
  return createListingReader({
    fetch,
    base: GRAPH,
    token: () => Promise.resolve('t0ken'),
    sleep,
    now: () => Date.parse('2026-11-30T10:00:00Z'),
  });
}

async function listAll(r: ReturnType<typeof reader>, catalogId?: string) {
  const events: CatalogEvent[] = [];
  const context = await readCatalogListing(r, {
    catalogId,
    signal: new AbortController().signal,
    onEvent: (e) => events.push(e),
  });
  const packages = events.flatMap((e) => (e.type === 'packages' ? e.packages : []));
  return { context, events, packages };
}

describe('readCatalogListing', () => {
  it('reads 2,000 packages of 100 catalogs, following every next link', async () => {
    const tenant = generateTenant();
    const { fetch, calls } = tenantFetch(tenant);
    const { context, events, packages } = await listAll(reader(fetch));
    expect(packages).toHaveLength(2000);
    expect(new Set(packages.map((p) => p.id)).size).toBe(2000);
    const catalogs = events.find((e) => e.type === 'catalogs');
    expect(catalogs?.type === 'catalogs' && catalogs.catalogs).toHaveLength(100);
    expect(events.filter((e) => e.type === 'catalog-done')).toHaveLength(100);
    // Two pages of catalogs (50 each), two pages of packages per catalog (10 each).
    expect(calls.filter((u) => u.includes('/catalogs'))).toHaveLength(2);
    expect(calls.filter((u) => u.includes('/accessPackages'))).toHaveLength(200);
    expect(context.directoryHint).toBe('contoso.onmicrosoft.com');
    expect(context.organizations?.[0]?.displayName).toBe('Fabrikam');
  });

  it('asks per catalog with the documented filter and expands the policies', () => {
    expect(decodeURIComponent(packagesPath(catalogGuid(1)))).toBe(
      `/v1.0/identityGovernance/entitlementManagement/accessPackages?$filter=catalog/id eq '${catalogGuid(1)}'&$expand=assignmentPolicies`,
    );
  });

  it('reads one catalog when asked for one', async () => {
    const tenant = generateTenant({ catalogs: 5, perCatalog: 25 });
    const { fetch, calls } = tenantFetch(tenant);
    const { packages, events } = await listAll(reader(fetch), catalogGuid(2).toUpperCase());
    expect(packages).toHaveLength(25);
    expect(calls.filter((u) => u.includes('/catalogs'))).toEqual([
      `${GRAPH}/v1.0/identityGovernance/entitlementManagement/catalogs/${catalogGuid(2)}`,
    ]);
    expect(events.some((e) => e.type === 'catalog-failed')).toBe(false);
  });

  it('a catalog Graph refuses (403) is reported; the others are read', async () => {
    const tenant = generateTenant({ catalogs: 10, perCatalog: 20 });
    const refused = [catalogGuid(4), catalogGuid(8)];
    const { fetch } = tenantFetch(tenant, { refuse: refused });
    const { events, packages } = await listAll(reader(fetch));
    expect(packages).toHaveLength(160);
    const failed = events.filter((e) => e.type === 'catalog-failed');
    expect(failed.map((e) => e.type === 'catalog-failed' && e.catalog.id).sort()).toEqual(refused);
    expect(failed.every((e) => e.type === 'catalog-failed' && e.problem.code === 'forbidden')).toBe(
      true,
    );
  });

  it('a saved Graph 403 body is read as "forbidden" too', async () => {
    const tenant = generateTenant({ catalogs: 2, perCatalog: 3 });
    const { fetch } = tenantFetch(tenant, {}, (url) =>
      url.includes(catalogGuid(1)) ? { status: 403, body: fixture('error-403.json') } : undefined,
    );
    const { events } = await listAll(reader(fetch));
    expect(events.filter((e) => e.type === 'catalog-failed')).toHaveLength(1);
  });

  it('honours Retry-After on 429: waits as long as asked, says so, then goes on', async () => {
    const tenant = generateTenant({ catalogs: 3, perCatalog: 15 });
    let throttled = 0;
    const { fetch } = tenantFetch(tenant, {}, (url) =>
      url.includes('/accessPackages') && url.includes('skiptoken') && throttled++ < 2
        ? { status: 429, body: fixture('error-429.json'), headers: { 'Retry-After': '17' } }
        : undefined,
    );
    const sleep = vi.fn(async () => {});
    const { events, packages } = await listAll(reader(fetch, sleep));
    expect(packages).toHaveLength(45);
    expect(sleep.mock.calls.map((c) => (c as unknown[])[0])).toEqual([17_000, 17_000]);
    const waits = events
      .filter((e) => e.type === 'wait')
      .map((e) => e.type === 'wait' && e.seconds);
    // Each wait is announced, then announced over (0): the page shows it only while it lasts.
    expect([...waits].sort()).toEqual([0, 0, 17, 17]);
    expect(waits.at(-1)).toBe(0);
  });

  it('Retry-After as an HTTP date, and none at all, still wait', async () => {
    const tenant = generateTenant({ catalogs: 1, perCatalog: 2 });
    const answers: Planned[] = [
      { status: 429, headers: { 'Retry-After': 'Mon, 30 Nov 2026 10:00:42 GMT' } },
      { status: 503 },
    ];
    const { fetch } = tenantFetch(tenant, {}, (url) =>
      url.includes('/accessPackages') ? answers.shift() : undefined,
    );
    const sleep = vi.fn(async () => {});
    const { packages } = await listAll(reader(fetch, sleep));
    expect(packages).toHaveLength(2);
    expect(sleep.mock.calls.map((c) => (c as unknown[])[0])).toEqual([42_000, 4_000]);
  });

  it('gives up on a request throttled again and again, as a throttled catalog', async () => {
    const tenant = generateTenant({ catalogs: 2, perCatalog: 2 });
    const { fetch } = tenantFetch(tenant, {}, (url) =>
      url.includes(catalogGuid(0)) ? { status: 429, headers: { 'Retry-After': '1' } } : undefined,
    );
    const { events, packages } = await listAll(reader(fetch));
    expect(packages).toHaveLength(2);
    const failed = events.find((e) => e.type === 'catalog-failed');
    expect(failed?.type === 'catalog-failed' && failed.problem.code).toBe('throttled');
  });

  it('a next link to another host is not followed (the token stays with Graph)', async () => {
    const tenant = generateTenant({ catalogs: 1, perCatalog: 2 });
    const { fetch, calls } = tenantFetch(tenant, {}, (url) =>
      url.includes('/accessPackages')
        ? {
            status: 200,
            body: { value: [{ id: 'x' }], '@odata.nextLink': 'https://evil.example/next' },
          }
        : undefined,
    );
    await listAll(reader(fetch));
    expect(calls.some((u) => u.startsWith('https://evil.example'))).toBe(false);
  });

  it('the catalog list itself failing fails the listing with its problem', async () => {
    const tenant = generateTenant({ catalogs: 2, perCatalog: 2 });
    const { fetch } = tenantFetch(tenant, {}, (url) =>
      url.endsWith('/catalogs') ? { status: 401 } : undefined,
    );
    await expect(listAll(reader(fetch))).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('cancelling stops the listing: no request after the abort', async () => {
    const tenant = generateTenant({ catalogs: 20, perCatalog: 20 });
    const { fetch, calls } = tenantFetch(tenant);
    const controller = new AbortController();
    let seen = 0;
    const run = readCatalogListing(reader(fetch), {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'packages' && (seen += e.packages.length) >= 50) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ListingCancelled);
    const made = calls.length;
    await new Promise((r) => setTimeout(r, 10));
    expect(calls.length).toBe(made);
    expect(made).toBeLessThan(60);
  });

  it('cancelling during a wait ends the wait at once', async () => {
    const controller = new AbortController();
    const wait = abortableSleep(60_000, controller.signal);
    controller.abort();
    await expect(wait).rejects.toBeInstanceOf(ListingCancelled);
  });
});
