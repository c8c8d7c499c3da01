import { describe, expect, it } from 'vitest';
import {
  eligibilityFindings,
  partnerDomain,
  type ConnectedOrganization,
  type PackageFacts,
  type PolicyFacts,
} from '../../lib/eligibility/rules';
import { FINDING_SOURCES } from '../../lib/eligibility/sources';

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

// Tenant-wide settings no read can confirm: always reminded, each with its page.
const REMIND = [
  'reminder-b2b-lists',
  'reminder-cross-tenant-access',
  'reminder-cross-cloud',
  'reminder-conditional-access',
  'reminder-blocked-guests',
];
const OTP_AND_REMIND = ['reminder-email-otp', ...REMIND];

describe('eligibility rules', () => {
  it.each<[string, PackageFacts, string[]]>([
    [
      'nothing known: every decisive fact is "not checked"',
      {},
      [
        'catalog-external-unchecked',
        'catalog-enabled-unchecked',
        'policies-unchecked',
        'hidden-unchecked',
        ...OTP_AND_REMIND,
      ],
    ],
    ['open to all external users', OPEN, OTP_AND_REMIND],
    [
      'hidden (from the page)',
      { ...OPEN, hidden: { value: true, source: 'page' } },
      ['hidden', ...OTP_AND_REMIND],
    ],
    [
      'catalog not enabled for external users',
      { ...OPEN, catalogExternal: g(false) },
      ['catalog-not-external', ...OTP_AND_REMIND],
    ],
    [
      'catalog not enabled (Graph says unpublished)',
      { ...OPEN, catalogState: g('unpublished') },
      ['catalog-disabled', ...OTP_AND_REMIND],
    ],
    [
      'only internal policies: a warning (existing guests may still request), no OTP reminder',
      { ...OPEN, policies: g([policy('allMemberUsers'), policy('specificDirectoryUsers')]) },
      ['no-external-policy', ...REMIND],
    ],
    ['no policy at all', { ...OPEN, policies: g([]) }, ['no-external-policy', ...REMIND]],
    [
      'specific connected organisations only',
      {
        ...OPEN,
        policies: g([
          policy('specificConnectedOrganizationUsers', { connectedOrganizationIds: ['org-fab'] }),
        ]),
      },
      ['policy-specific-organizations', ...OTP_AND_REMIND],
    ],
    [
      // Guests already in the directory can request under the first; the finding is about the
      // users not yet in it, whom only the named organisations' policy admits.
      'specific connected organisations beside "All users (including guests)"',
      {
        ...OPEN,
        policies: g([
          policy('allDirectoryUsers'),
          policy('specificConnectedOrganizationUsers', { connectedOrganizationIds: ['org-fab'] }),
        ]),
      },
      ['policy-specific-organizations', ...OTP_AND_REMIND],
    ],
    [
      'connected organisations that could not be read',
      {
        ...OPEN,
        connectedOrganizations: undefined,
        policies: g([policy('allConfiguredConnectedOrganizationUsers')]),
      },
      ['organizations-unchecked', ...OTP_AND_REMIND],
    ],
    [
      'external policy without self-request',
      {
        ...OPEN,
        policies: g([policy('allExternalUsers', { selfRequest: false, name: 'Partners' })]),
      },
      ['policy-no-self-request', ...OTP_AND_REMIND],
    ],
    [
      'a .us link for a global tenant',
      { ...OPEN, linkCloud: 'usgov', tenantCloud: g('global') },
      ['cloud-mismatch', ...OTP_AND_REMIND],
    ],
    [
      'a .com link for a US Government tenant',
      { ...OPEN, linkCloud: 'global', tenantCloud: g('usgov') },
      ['cloud-mismatch', ...OTP_AND_REMIND],
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
      doc: 'https://learn.microsoft.com/entra/id-governance/entitlement-management-access-package-request-policy',
    });
  });

  it.each<
    [
      string,
      PolicyFacts[],
      string,
      'partner-covered' | 'partner-not-covered' | 'partner-unverified' | 'partner-unchecked',
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
      'a sub-domain of a connected organisation (Microsoft documents no sub-domain matching)',
      [policy('allConfiguredConnectedOrganizationUsers')],
      'anna@sales.fabrikam.com',
      'partner-not-covered',
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
      'a policy for users in the directory does not cover a partner not yet in it',
      [policy('allDirectoryUsers'), policy('allConfiguredConnectedOrganizationUsers')],
      'tailspin.example',
      'partner-not-covered',
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
      doc: 'https://learn.microsoft.com/entra/id-governance/entitlement-management-organization',
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

  it.each<[string, PackageFacts, string]>([
    [
      'the connected organisations could not be read (403): not checked, never "not covered"',
      {
        ...OPEN,
        connectedOrganizations: undefined,
        policies: g([policy('allConfiguredConnectedOrganizationUsers')]),
      },
      'partner-unchecked',
    ],
    [
      'a named organisation, the list unreadable',
      {
        ...OPEN,
        connectedOrganizations: undefined,
        policies: g([
          policy('specificConnectedOrganizationUsers', { connectedOrganizationIds: ['org-fab'] }),
        ]),
      },
      'partner-unchecked',
    ],
    [
      'the admin said "yes, a policy lets external users request it": that names no domain',
      {
        ...OPEN,
        connectedOrganizations: undefined,
        policies: {
          value: [policy('allExternalUsers', { name: '' })],
          source: 'user',
        },
      },
      'partner-unchecked',
    ],
  ])('partner check: %s', (_, facts, expected) => {
    const findings = eligibilityFindings({ ...facts, partner: 'anna@tailspin.example' });
    expect(findings.filter((x) => x.code.startsWith('partner-'))).toMatchObject([
      { code: expected, severity: 'warning', source: 'none', args: ['tailspin.example'] },
    ]);
    // Unknown is never an error: it does not hold sharing back.
    expect(findings.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('no policy for external users is a warning that names the way existing guests still have', () => {
    const findings = eligibilityFindings({ ...OPEN, policies: g([policy('allDirectoryUsers')]) });
    expect(findings.find((x) => x.code === 'no-external-policy')).toMatchObject({
      severity: 'warning',
      source: 'graph',
    });
    expect(findings.some((x) => x.severity === 'error')).toBe(false);
  });

  it.each<[string, string]>([
    ['hidden', 'entitlement-management-access-package-edit'],
    ['hidden-unchecked', 'entitlement-management-access-package-edit'],
    ['catalog-not-external', 'entitlement-management-catalog-create'],
    ['catalog-disabled', 'entitlement-management-catalog-create'],
    ['no-external-policy', 'entitlement-management-access-package-request-policy'],
    ['policy-no-self-request', 'entitlement-management-access-package-request-policy'],
    ['partner-covered', 'entitlement-management-organization'],
    ['organizations-unchecked', 'entitlement-management-organization'],
    ['cloud-mismatch', 'entitlement-management-access-package-settings'],
    ['reminder-email-otp', 'external-id/one-time-passcode'],
    // The lists apply at invitation: the external-users page says so, the list page does not.
    ['reminder-b2b-lists', 'entitlement-management-external-users'],
    ['reminder-cross-tenant-access', 'external-id/cross-tenant-access-overview'],
    ['reminder-cross-cloud', 'external-id/cross-cloud-settings'],
    ['reminder-conditional-access', 'entitlement-management-external-users'],
    ['reminder-blocked-guests', 'entitlement-management-external-users'],
  ])('the rule %s cites the Learn page that states it', (code, page) => {
    const doc = FINDING_SOURCES[code as keyof typeof FINDING_SOURCES];
    expect(doc.startsWith('https://learn.microsoft.com/entra/')).toBe(true);
    expect(doc.endsWith(page)).toBe(true);
  });

  it('every finding it can make carries its source page', () => {
    const all = [
      eligibilityFindings({}),
      eligibilityFindings({
        ...OPEN,
        hidden: g(true),
        catalogExternal: g(false),
        partner: 'x.example',
      }),
      eligibilityFindings({ ...OPEN, catalogState: g('unpublished'), policies: g([]) }),
    ].flat();
    for (const x of all) expect(x.doc, x.code).toBe(FINDING_SOURCES[x.code]);
    // Hidden is cited from the page on hiding a package, which states it the right way round.
    expect(FINDING_SOURCES.hidden).not.toContain('access-package-settings');
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
