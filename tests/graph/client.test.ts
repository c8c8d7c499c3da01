import { describe, expect, it } from 'vitest';
import { createGraphClient } from '../../lib/graph/client';
import { GraphProblem } from '../../lib/graph/problems';
import { retryAfterSeconds } from '../../lib/graph/client';
import { GRAPH, PACKAGE_ID, fakeGraph, fixture, type Answer } from './fake-graph';

const EM = `${GRAPH}/v1.0/identityGovernance/entitlementManagement`;
const EXPANDED = `${EM}/accessPackages/${PACKAGE_ID}?$expand=catalog,assignmentPolicies`;

function client(override: Record<string, Answer | Answer[]> = {}) {
  const fake = fakeGraph(override);
  const slept: number[] = [];
  const c = createGraphClient({
    fetch: fake.fetch,
    base: GRAPH,
    token: async () => 'token-1',
    sleep: async (ms) => void slept.push(ms),
  });
  return { c, calls: fake.calls, slept };
}

async function problemOf(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(GraphProblem);
  return e as GraphProblem;
}

describe('Graph client', () => {
  it('reads the package with its catalog and policies in one call, with the bearer token', async () => {
    const { c, calls } = client();
    const pkg = await c.accessPackage(PACKAGE_ID);
    expect(pkg.displayName).toBe('Fabrikam partner onboarding');
    expect((pkg.catalog as { isExternallyVisible: boolean }).isExternallyVisible).toBe(true);
    expect((pkg.assignmentPolicies as unknown[]).length).toBe(2);
    expect(calls).toEqual([{ url: EXPANDED, auth: 'Bearer token-1' }]);
  });

  it('falls back to two calls when the combined $expand is refused', async () => {
    const { c, calls } = client({
      [EXPANDED]: { status: 400, body: fixture('error-400-expand.json') },
    });
    const pkg = await c.accessPackage(PACKAGE_ID);
    expect(pkg.catalog).toEqual(fixture('access-package-catalog.json').catalog);
    expect(pkg.assignmentPolicies).toEqual(
      fixture('access-package-policies.json').assignmentPolicies,
    );
    expect(calls.map((x) => x.url)).toEqual([
      EXPANDED,
      `${EM}/accessPackages/${PACKAGE_ID}?$expand=catalog`,
      `${EM}/accessPackages/${PACKAGE_ID}?$expand=assignmentPolicies`,
    ]);
  });

  it('follows @odata.nextLink through every page', async () => {
    const { c, calls } = client();
    const orgs = await c.connectedOrganizations();
    expect(orgs.map((o) => o.displayName)).toEqual([
      'Fabrikam',
      'Northwind Traders',
      'Woodgrove Bank',
      'Tailspin Toys (GCC High)',
    ]);
    expect(calls).toHaveLength(2);
  });

  it('never sends the token to a next link on another host', async () => {
    const page = {
      ...fixture('connected-organizations-page1.json'),
      '@odata.nextLink': 'https://graph.microsoft.com.evil.example/v1.0/next',
    };
    const { c, calls } = client({ [`${EM}/connectedOrganizations`]: { status: 200, body: page } });
    expect(await c.connectedOrganizations()).toHaveLength(2);
    expect(calls.map((x) => x.url)).toEqual([`${EM}/connectedOrganizations`]);
  });

  it('reads the organisation', async () => {
    const { c } = client();
    expect((await c.organization())?.displayName).toBe('Contoso');
  });

  it.each<[string, Answer | Answer[], string, number | undefined]>([
    [
      '401: the token is not accepted',
      { status: 401, body: fixture('error-403.json') },
      'unauthorized',
      undefined,
    ],
    [
      '403: no entitlement-management role',
      { status: 403, body: fixture('error-403.json') },
      'forbidden',
      undefined,
    ],
    [
      '404: the package is not in this tenant',
      { status: 404, body: fixture('error-404.json') },
      'not-found',
      undefined,
    ],
    [
      '429 with a long Retry-After: reported with the wait',
      { status: 429, body: fixture('error-429.json'), headers: { 'Retry-After': '120' } },
      'throttled',
      120,
    ],
    [
      '503 with Retry-After: reported',
      { status: 503, headers: { 'Retry-After': '30' } },
      'throttled',
      30,
    ],
    [
      '429 without Retry-After',
      { status: 429, body: fixture('error-429.json') },
      'throttled',
      undefined,
    ],
    ['500', { status: 500, body: '{}' }, 'server-error', undefined],
    ['offline', { status: 0 }, 'offline', undefined],
    ['not JSON', { status: 200, body: '<html>proxy login</html>' }, 'bad-response', undefined],
    ['a JSON array', { status: 200, body: [] }, 'bad-response', undefined],
  ])('%s', async (_, answer, code, retryAfter) => {
    const { c } = client({
      [EXPANDED]: answer,
      [`${EM}/accessPackages/${PACKAGE_ID}?$expand=catalog`]: answer,
    });
    const p = await problemOf(c.accessPackage(PACKAGE_ID));
    expect([p.code, p.retryAfter]).toEqual([code, retryAfter]);
  });

  it('waits out a short Retry-After and tries again', async () => {
    const { c, calls, slept } = client({
      [EXPANDED]: [
        { status: 429, body: fixture('error-429.json'), headers: { 'Retry-After': '2' } },
        { status: 200, body: fixture('access-package-expanded.json') },
      ],
    });
    expect((await c.accessPackage(PACKAGE_ID)).id).toBe(PACKAGE_ID);
    expect(slept).toEqual([2000]);
    expect(calls).toHaveLength(2);
  });

  it('gives up after two short waits', async () => {
    const { c, slept } = client({ [EXPANDED]: [{ status: 503, headers: { 'Retry-After': '1' } }] });
    expect((await problemOf(c.accessPackage(PACKAGE_ID))).code).toBe('throttled');
    expect(slept).toEqual([1000, 1000]);
  });

  it.each([
    ['7', 7],
    [' 0 ', 0],
    ['Tue, 24 Nov 2026 09:30:30 GMT', 30],
    ['soon', undefined],
    [null, undefined],
  ])('Retry-After %j → %j s', (header, seconds) => {
    expect(retryAfterSeconds(header, Date.parse('Tue, 24 Nov 2026 09:30:00 GMT'))).toBe(seconds);
  });
});
