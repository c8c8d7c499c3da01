import { describe, expect, it } from 'vitest';
import { eligibilityFindings } from '../../lib/eligibility/rules';
import { createGraphClient } from '../../lib/graph/client';
import { directoryHintOf, graphPackage, parseDuration, requestTerms } from '../../lib/graph/facts';
import { readPackage } from '../../lib/graph/read-package';
import { GRAPH, PACKAGE_ID, fakeGraph, fixture } from './fake-graph';

const client = (override = {}) =>
  createGraphClient({
    fetch: fakeGraph(override).fetch,
    base: GRAPH,
    token: () => Promise.resolve('t'),
    sleep: () => Promise.resolve(),
  });

describe('Graph facts', () => {
  it('turns the fixture package into eligibility facts', async () => {
    const pkg = await readPackage(client(), PACKAGE_ID, 'global');
    expect(pkg.packageName).toBe('Fabrikam partner onboarding');
    expect(pkg.catalogName).toBe('Partner collaboration');
    expect(pkg.facts.hidden).toEqual({ value: true, source: 'graph' });
    expect(pkg.facts.catalogExternal).toEqual({ value: true, source: 'graph' });
    expect(pkg.facts.catalogState).toEqual({ value: 'published', source: 'graph' });
    expect(pkg.facts.tenantCloud).toEqual({ value: 'global', source: 'graph' });
    expect(pkg.facts.policies?.value).toEqual([
      {
        name: 'Partners from connected organizations',
        scope: 'specificConnectedOrganizationUsers',
        connectedOrganizationIds: ['922bf5c4-8b3e-4c0a-9d3b-2f7e5ad1a001'],
        selfRequest: true,
      },
      {
        name: 'Employees',
        scope: 'allMemberUsers',
        connectedOrganizationIds: [],
        selfRequest: true,
      },
    ]);
    expect(
      pkg.facts.connectedOrganizations?.value.map((o) => [o.name, o.state, o.domains, o.tenantIds]),
    ).toEqual([
      ['Fabrikam', 'configured', ['fabrikam.com'], []],
      ['Northwind Traders', 'proposed', ['northwindtraders.com'], []],
      ['Woodgrove Bank', 'configured', [], ['3f5c8a1e-2b4d-4c6e-9f01-23456789abcd']],
      [
        'Tailspin Toys (GCC High)',
        'configured',
        ['tailspintoys.com'],
        ['0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'],
      ],
    ]);
    expect(pkg.terms).toEqual({
      approval: 'required',
      expiry: {
        kind: 'duration',
        duration: { years: 0, months: 0, weeks: 0, days: 365, hours: 0 },
      },
    });
  });

  it('feeds the rules: hidden, only Fabrikam, and whether a partner is covered', async () => {
    const pkg = await readPackage(client(), PACKAGE_ID, 'global');
    const findings = (partner?: string) =>
      eligibilityFindings({ ...pkg.facts, linkCloud: 'global', partner }).map((f) =>
        [f.code, ...f.args].join(':'),
      );
    expect(findings()).toEqual([
      'hidden',
      'policy-specific-organizations:Fabrikam',
      'reminder-email-otp',
      'reminder-b2b-lists',
      'reminder-cross-tenant-access',
      'reminder-cross-cloud',
      'reminder-conditional-access',
      'reminder-blocked-guests',
    ]);
    expect(findings('anna@fabrikam.com')).toContain('partner-covered:fabrikam.com');
    expect(findings('joe@northwindtraders.com')[0]).toBe(
      'partner-not-covered:northwindtraders.com',
    );
    expect(eligibilityFindings({ ...pkg.facts, linkCloud: 'usgov' })[0]?.code).toBe(
      'cloud-mismatch',
    );
  });

  it('still reads the package when the role cannot list connected organisations', async () => {
    const pkg = await readPackage(
      client({
        [`${GRAPH}/v1.0/identityGovernance/entitlementManagement/connectedOrganizations`]: {
          status: 403,
          body: fixture('error-403.json'),
        },
      }),
      PACKAGE_ID,
      'usgov-high',
    );
    expect(pkg.facts.connectedOrganizations).toBeUndefined();
    expect(pkg.facts.tenantCloud?.value).toBe('usgov');
    expect(
      eligibilityFindings(pkg.facts).find((f) => f.code === 'policy-specific-organizations')?.args,
    ).toEqual(['922bf5c4-8b3e-4c0a-9d3b-2f7e5ad1a001']);
    // An unreadable list is "not checked", never "empty": no partner is called "not covered",
    // and nothing blocks sharing.
    const findings = eligibilityFindings({
      ...pkg.facts,
      linkCloud: 'usgov',
      partner: 'joe@northwindtraders.com',
    });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['organizations-unchecked', 'partner-unchecked']),
    );
    expect(findings.map((f) => f.code)).not.toContain('partner-not-covered');
  });

  it('leaves facts Graph did not give unchecked, and survives junk', () => {
    const pkg = graphPackage(
      { displayName: 42, catalog: 'x', assignmentPolicies: 'nope' },
      undefined,
      'global',
    );
    expect(pkg.facts).toEqual({ tenantCloud: { value: 'global', source: 'graph' } });
    expect(pkg.packageName).toBeNull();
    expect(
      graphPackage(
        { assignmentPolicies: [{ allowedTargetScope: 'somethingNew', requestorSettings: null }] },
        [],
        'global',
      ).facts.policies?.value,
    ).toEqual([
      { name: '', scope: 'unknownFutureValue', connectedOrganizationIds: [], selfRequest: false },
    ]);
  });

  const external = (over: Record<string, unknown>) => ({
    allowedTargetScope: 'allExternalUsers',
    requestorSettings: { enableTargetsToSelfAddAccess: true },
    ...over,
  });
  it.each([
    ['no external policy', [], { approval: null, expiry: null }],
    [
      'never expires, no approval',
      [
        external({
          requestApprovalSettings: { isApprovalRequiredForAdd: false },
          expiration: { type: 'noExpiration' },
        }),
      ],
      { approval: 'not-required', expiry: { kind: 'never' } },
    ],
    [
      'ends on a date',
      [external({ expiration: { type: 'afterDateTime', endDateTime: '2027-06-30T00:00:00Z' } })],
      // The instant as Graph gave it: cutting it to a date here would be a day off in some zones.
      { approval: null, expiry: { kind: 'date', dateTime: '2027-06-30T00:00:00Z' } },
    ],
    [
      'lasts a year: a year, not 365 days',
      [external({ expiration: { type: 'afterDuration', duration: 'P1Y' } })],
      {
        approval: null,
        expiry: {
          kind: 'duration',
          duration: { years: 1, months: 0, weeks: 0, days: 0, hours: 0 },
        },
      },
    ],
    [
      'policies that disagree say nothing',
      [
        external({ expiration: { type: 'afterDuration', duration: 'P30D' } }),
        external({ expiration: { type: 'afterDuration', duration: 'P90D' } }),
      ],
      { approval: null, expiry: null },
    ],
    [
      'a policy without self-request does not count',
      [external({ requestorSettings: {}, expiration: { type: 'noExpiration' } })],
      { approval: null, expiry: null },
    ],
  ])('request terms: %s', (_, policies, expected) => {
    expect(requestTerms({ assignmentPolicies: policies })).toEqual(expected);
  });

  const dur = (years = 0, months = 0, weeks = 0, days = 0, hours = 0) => ({
    years,
    months,
    weeks,
    days,
    hours,
  });
  it.each([
    ['P365D', dur(0, 0, 0, 365)],
    ['P1Y', dur(1)],
    ['P6M', dur(0, 6)],
    ['P2W', dur(0, 0, 2)],
    ['PT48H', dur(0, 0, 0, 0, 48)],
    ['PT8H', dur(0, 0, 0, 0, 8)],
    ['P1Y6M', dur(1, 6)],
    ['P1M15D', dur(0, 1, 0, 15)],
    ['P0D', null],
    ['P', null],
    ['PT', null],
    ['P1DT', null],
    ['365', null],
  ])('duration %s, unit by unit', (iso, expected) => {
    expect(parseDuration(iso)).toEqual(expected);
  });

  it('takes the initial domain as the directory hint', () => {
    expect(
      directoryHintOf(
        fixture('organization.json').value && (fixture('organization.json').value as unknown[])[0],
      ),
    ).toBe('contoso.onmicrosoft.com');
    expect(
      directoryHintOf({
        verifiedDomains: [{ name: 'contoso.com', isDefault: true, isInitial: false }],
      }),
    ).toBe('contoso.com');
    expect(directoryHintOf(null)).toBeNull();
  });
});
