import { describe, expect, it } from 'vitest';
import {
  eligibilityFindings,
  partnerDomain,
  type ConnectedOrganization,
  type PackageFacts,
  type PolicyFacts,
} from '../../lib/eligibility/rules';

const g = <T>(value: T) => ({ value, source: 'graph' as const });
const policy = (scope: PolicyFacts['scope'], over: Partial<PolicyFacts> = {}): PolicyFacts => ({
  name: `${scope} policy`,
  scope,
  connectedOrganizationIds: [],
  selfRequest: true,
  ...over,
});
const FABRIKAM: ConnectedOrganization = {
  id: 'org-fab',
  name: 'Fabrikam',
  state: 'configured',
  domains: ['fabrikam.com'],
};
const PROPOSED: ConnectedOrganization = {
  id: 'org-nw',
  name: 'Northwind',
  state: 'proposed',
  domains: ['northwind.example'],
};
const WOODGROVE: ConnectedOrganization = {
  id: 'org-wg',
  name: 'Woodgrove',
  state: 'configured',
  domains: [],
  tenantIds: ['3f5c8a1e-2b4d-4c6e-9f01-23456789abcd'],
};
const OPEN: PackageFacts = {
  hidden: g(false),
  catalogExternal: g(true),
  catalogState: g('published'),
  policies: g([policy('allExternalUsers')]),
  connectedOrganizations: g([FABRIKAM, PROPOSED]),
};
const codes = (facts: PackageFacts) => eligibilityFindings(facts).map((x) => x.code);

describe('eligibility rules', () => {
  it.each<[string, PackageFacts, string[]]>([
    [
      'nothing known: every decisive fact is "not checked"',
      {},
      [
        'catalog-external-unchecked',
        'catalog-state-unchecked',
        'policies-unchecked',
        'hidden-unchecked',
        'reminder-b2b-lists',
        'reminder-conditional-access',
      ],
    ],
    [
      'open to all external users',
      OPEN,
      ['reminder-email-otp', 'reminder-b2b-lists', 'reminder-conditional-access'],
    ],
    [
      'hidden (from the page)',
      { ...OPEN, hidden: { value: true, source: 'page' } },
      ['hidden', 'reminder-email-otp', 'reminder-b2b-lists', 'reminder-conditional-access'],
    ],
    [
      'catalog not enabled for external users',
      { ...OPEN, catalogExternal: g(false) },
      [
        'catalog-not-external',
        'reminder-email-otp',
        'reminder-b2b-lists',
        'reminder-conditional-access',
      ],
    ],
    [
      'catalog unpublished',
      { ...OPEN, catalogState: g('unpublished') },
      [
        'catalog-unpublished',
        'reminder-email-otp',
        'reminder-b2b-lists',
        'reminder-conditional-access',
      ],
    ],
    [
      'only internal policies',
      { ...OPEN, policies: g([policy('allMemberUsers'), policy('specificDirectoryUsers')]) },
      ['no-external-policy', 'reminder-b2b-lists', 'reminder-conditional-access'],
    ],
    [
      'no policy at all',
      { ...OPEN, policies: g([]) },
      ['no-external-policy', 'reminder-b2b-lists', 'reminder-conditional-access'],
    ],
    [
      'specific connected organisations only',
      {
        ...OPEN,
        policies: g([
          policy('specificConnectedOrganizationUsers', { connectedOrganizationIds: ['org-fab'] }),
        ]),
      },
      ['policy-specific-organizations', 'reminder-b2b-lists', 'reminder-conditional-access'],
    ],
    [
      'external policy without self-request',
      {
        ...OPEN,
        policies: g([policy('allExternalUsers', { selfRequest: false, name: 'Partners' })]),
      },
      [
        'policy-no-self-request',
        'reminder-email-otp',
        'reminder-b2b-lists',
        'reminder-conditional-access',
      ],
    ],
    [
      'a .us link for a global tenant',
      { ...OPEN, linkCloud: 'usgov', tenantCloud: g('global') },
      ['cloud-mismatch', 'reminder-email-otp', 'reminder-b2b-lists', 'reminder-conditional-access'],
    ],
    [
      'a .com link for a US Government tenant',
      { ...OPEN, linkCloud: 'global', tenantCloud: g('usgov') },
      ['cloud-mismatch', 'reminder-email-otp', 'reminder-b2b-lists', 'reminder-conditional-access'],
    ],
  ])('%s', (_, facts, expected) => {
    expect(codes(facts)).toEqual(expected);
  });

  it('names the connected organisations of a "specific" policy', () => {
    const findings = eligibilityFindings({
      ...OPEN,
      policies: g([
        policy('specificConnectedOrganizationUsers', { connectedOrganizationIds: ['org-fab'] }),
      ]),
    });
    expect(findings.find((x) => x.code === 'policy-specific-organizations')).toEqual({
      code: 'policy-specific-organizations',
      severity: 'info',
      source: 'graph',
      args: ['Fabrikam'],
    });
  });

  it.each<
    [
      string,
      PolicyFacts[],
      string,
      'partner-covered' | 'partner-not-covered' | 'partner-unverified',
      ConnectedOrganization[]?,
    ]
  >([
    [
      'all external users cover anyone',
      [policy('allExternalUsers')],
      'anna@contoso-partner.example',
      'partner-covered',
    ],
    [
      'a configured connected organisation',
      [policy('allConfiguredConnectedOrganizationUsers')],
      'anna@fabrikam.com',
      'partner-covered',
    ],
    [
      'a subdomain of a connected organisation',
      [policy('allConfiguredConnectedOrganizationUsers')],
      'anna@sales.fabrikam.com',
      'partner-covered',
    ],
    [
      'a proposed organisation does not count',
      [policy('allConfiguredConnectedOrganizationUsers')],
      'anna@northwind.example',
      'partner-not-covered',
    ],
    [
      'a domain that is no connected organisation',
      [policy('allConfiguredConnectedOrganizationUsers')],
      'tailspin.example',
      'partner-not-covered',
    ],
    [
      'the named organisation',
      [policy('specificConnectedOrganizationUsers', { connectedOrganizationIds: ['org-fab'] })],
      'FABRIKAM.COM',
      'partner-covered',
    ],
    [
      'another organisation than the named one',
      [policy('specificConnectedOrganizationUsers', { connectedOrganizationIds: ['org-nw'] })],
      'anna@fabrikam.com',
      'partner-not-covered',
    ],
    [
      'a look-alike of a connected domain',
      [policy('allConfiguredConnectedOrganizationUsers')],
      'anna@notfabrikam.com',
      'partner-not-covered',
    ],
    [
      'an organisation known by tenant id only: cannot tell',
      [policy('allConfiguredConnectedOrganizationUsers')],
      'anna@woodgrove.example',
      'partner-unverified',
      [FABRIKAM, WOODGROVE],
    ],
    [
      'a named organisation known by tenant id only',
      [policy('specificConnectedOrganizationUsers', { connectedOrganizationIds: ['org-wg'] })],
      'woodgrove.example',
      'partner-unverified',
      [FABRIKAM, WOODGROVE],
    ],
    [
      'a named domain organisation, another known by tenant id not named',
      [policy('specificConnectedOrganizationUsers', { connectedOrganizationIds: ['org-fab'] })],
      'woodgrove.example',
      'partner-not-covered',
      [FABRIKAM, WOODGROVE],
    ],
  ])('partner check: %s', (_, policies, partner, expected, orgs = [FABRIKAM, PROPOSED]) => {
    const findings = eligibilityFindings({
      ...OPEN,
      connectedOrganizations: g(orgs),
      policies: g(policies),
      partner,
    });
    expect(findings.filter((x) => x.code.startsWith('partner-')).map((x) => x.code)).toEqual([
      expected,
    ]);
  });

  it('names the domain and the organisations it cannot check', () => {
    const findings = eligibilityFindings({
      ...OPEN,
      connectedOrganizations: g([FABRIKAM, WOODGROVE]),
      policies: g([policy('allConfiguredConnectedOrganizationUsers')]),
      partner: 'x@woodgrove.example',
    });
    expect(findings.find((x) => x.code === 'partner-unverified')).toEqual({
      code: 'partner-unverified',
      severity: 'warning',
      source: 'graph',
      args: ['woodgrove.example', 'Woodgrove'],
    });
  });

  it('errors come before warnings, warnings before information; each says its source', () => {
    const findings = eligibilityFindings({
      hidden: { value: true, source: 'page' },
      catalogExternal: { value: false, source: 'user' },
    });
    expect(findings.map((x) => x.severity)).toEqual(
      [...findings.map((x) => x.severity)].sort(
        (a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b),
      ),
    );
    expect(findings[0]).toMatchObject({ code: 'catalog-not-external', source: 'user' });
    expect(findings.find((x) => x.code === 'hidden')?.source).toBe('page');
  });

  it.each([
    ['anna@Fabrikam.com', 'fabrikam.com'],
    ['fabrikam.com.', 'fabrikam.com'],
    ['not a domain', undefined],
    ['', undefined],
  ])('partnerDomain(%s)', (input, expected) => {
    expect(partnerDomain(input)).toBe(expected);
  });
});
