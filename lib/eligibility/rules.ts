// Package facts → findings: can an external partner request the package? Pure: the sources (page,
// Graph, the admin's answers) fill the facts; each finding names the Learn page that states its rule.
import { FINDING_SOURCES } from './sources';

export type Source = 'page' | 'graph' | 'user';
/** A fact and where it came from; absent means nobody has checked it. */
export interface Known<T> {
  value: T;
  source: Source;
}

export type TargetScope =
  | 'notSpecified'
  | 'specificDirectoryUsers'
  | 'specificConnectedOrganizationUsers'
  | 'specificDirectoryServicePrincipals'
  | 'allMemberUsers'
  | 'allDirectoryUsers'
  | 'allDirectoryServicePrincipals'
  | 'allConfiguredConnectedOrganizationUsers'
  | 'allExternalUsers'
  | 'unknownFutureValue';

export interface PolicyFacts {
  name: string;
  scope: TargetScope;
  /** Connected organisations a `specificConnectedOrganizationUsers` policy names. */
  connectedOrganizationIds: string[];
  selfRequest: boolean;
}

export interface ConnectedOrganization {
  id: string;
  name: string;
  /** `configured` or `proposed` (created by an open request), or a value Graph adds later. */
  state: string;
  domains: string[];
  /** Tenants the organisation is identified by; their domains are unknown offline. */
  tenantIds?: string[];
}

export interface PackageFacts {
  hidden?: Known<boolean>;
  catalogExternal?: Known<boolean>;
  /** Graph's `published` (the admin centre's Enabled = Yes) or `unpublished`, or a later value. */
  catalogState?: Known<string>;
  policies?: Known<PolicyFacts[]>;
  connectedOrganizations?: Known<ConnectedOrganization[]>;
  /** The cloud of the link being shared, and of the tenant that owns the package. */
  linkCloud?: 'global' | 'usgov';
  tenantCloud?: Known<'global' | 'usgov'>;
  /** The partner's email or domain, when the admin typed it. */
  partner?: string;
}

export type FindingCode =
  | 'hidden'
  | 'hidden-unchecked'
  | 'catalog-not-external'
  | 'catalog-external-unchecked'
  | 'catalog-disabled'
  | 'catalog-enabled-unchecked'
  | 'no-external-policy'
  | 'policies-unchecked'
  | 'policy-specific-organizations'
  | 'policy-no-self-request'
  | 'organizations-unchecked'
  | 'partner-covered'
  | 'partner-not-covered'
  | 'partner-unverified'
  | 'partner-unchecked'
  | 'cloud-mismatch'
  | 'reminder-email-otp'
  | 'reminder-b2b-lists'
  | 'reminder-cross-tenant-access'
  | 'reminder-cross-cloud'
  | 'reminder-conditional-access'
  | 'reminder-blocked-guests';

export interface Finding {
  code: FindingCode;
  severity: 'error' | 'warning' | 'info';
  /** Which source the finding rests on; 'none' for "not checked" findings and reminders. */
  source: Source | 'none';
  /** The message's substitutions, in order ($1, $2): a domain, a list of names. */
  args: string[];
  /** The Microsoft Learn page that states the rule. */
  doc: string;
}

const EXTERNAL: readonly TargetScope[] = [
  'allExternalUsers',
  'allConfiguredConnectedOrganizationUsers',
  'specificConnectedOrganizationUsers',
];
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

const f = (
  code: FindingCode,
  severity: Finding['severity'],
  source: Finding['source'],
  args: string[] = [],
): Finding => ({ code, severity, source, args, doc: FINDING_SOURCES[code] });

/** The partner's domain from an email address or a domain, lower-case; undefined if neither. */
export function partnerDomain(input: string | undefined): string | undefined {
  const d = (input ?? '').trim().toLowerCase().split('@').pop()!.replace(/\.$/, '');
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/.test(d) ? d : undefined;
}

// Exact domains only: Microsoft documents no sub-domain matching for a connected organisation.
function coversDomain(org: ConnectedOrganization, domain: string): boolean {
  return org.domains.some((d) => domain === d.toLowerCase().replace(/\.$/, ''));
}

/** Who the partner check can speak for: a domain, against policies and organisations Graph read. */
function partnerFinding(
  facts: PackageFacts,
  external: PolicyFacts[],
  domain: string,
): Finding | undefined {
  const { source } = facts.policies!;
  // The admin's "yes, a policy lets external users request it" names no policy: it covers no domain.
  if (source === 'user') return f('partner-unchecked', 'warning', 'none', [domain]);
  if (external.length === 0) return undefined;
  if (external.some((p) => p.scope === 'allExternalUsers'))
    return f('partner-covered', 'info', source, [domain]);
  // Without the organisations (a role that cannot list them), coverage is unknown, never "none".
  if (!facts.connectedOrganizations) return f('partner-unchecked', 'warning', 'none', [domain]);
  const orgs = facts.connectedOrganizations.value;
  const candidates = external.some((p) => p.scope === 'allConfiguredConnectedOrganizationUsers')
    ? orgs.filter((o) => o.state === 'configured')
    : orgs.filter((o) =>
        external.some(
          (p) =>
            p.scope === 'specificConnectedOrganizationUsers' &&
            p.connectedOrganizationIds.includes(o.id),
        ),
      );
  if (candidates.some((o) => coversDomain(o, domain)))
    return f('partner-covered', 'info', source, [domain]);
  // An organisation backed by an Entra tenant counts whoever signs in to that directory,
  // whatever their email domain: say so rather than "not covered".
  const byTenant = candidates.filter((o) => (o.tenantIds?.length ?? 0) > 0).map((o) => o.name);
  if (byTenant.length > 0)
    return f('partner-unverified', 'warning', source, [domain, byTenant.join(', ')]);
  return f('partner-not-covered', 'error', source, [domain]);
}

/**
 * Everything that decides whether an external partner can request the package. Unknown facts
 * give "not checked" findings, never silence. Errors first, then warnings, then information.
 */
export function eligibilityFindings(facts: PackageFacts): Finding[] {
  const out: Finding[] = [];
  if (!facts.hidden) out.push(f('hidden-unchecked', 'info', 'none'));
  else if (facts.hidden.value) out.push(f('hidden', 'info', facts.hidden.source));

  if (!facts.catalogExternal) out.push(f('catalog-external-unchecked', 'warning', 'none'));
  else if (!facts.catalogExternal.value)
    out.push(f('catalog-not-external', 'error', facts.catalogExternal.source));

  // Graph calls an enabled catalog `published`; the admin centre shows it as Enabled = Yes.
  if (!facts.catalogState) out.push(f('catalog-enabled-unchecked', 'warning', 'none'));
  else if (facts.catalogState.value !== 'published')
    out.push(f('catalog-disabled', 'error', facts.catalogState.source));

  let external: PolicyFacts[] = [];
  if (!facts.policies) {
    out.push(f('policies-unchecked', 'warning', 'none'));
  } else {
    const { value: policies, source } = facts.policies;
    external = policies.filter((p) => EXTERNAL.includes(p.scope));
    // A warning, not an error: partners who are already guests can still request under
    // "All users (including guests)" or specific-user policies.
    if (external.length === 0) out.push(f('no-external-policy', 'warning', source));
    const orgs = facts.connectedOrganizations?.value ?? [];
    // This finding and the partner check speak only of users not yet in the directory: "All
    // users (including guests)" and specific-user policies let existing guests of any
    // organisation request, so the messages say "among users not yet in your directory".
    const specific = external.filter((p) => p.scope === 'specificConnectedOrganizationUsers');
    if (specific.length > 0 && specific.length === external.length) {
      const ids = new Set(specific.flatMap((p) => p.connectedOrganizationIds));
      const names = orgs.filter((o) => ids.has(o.id)).map((o) => o.name);
      out.push(
        f('policy-specific-organizations', 'info', source, [
          (names.length ? names : [...ids]).join(', '),
        ]),
      );
    }
    for (const p of external.filter((x) => !x.selfRequest))
      out.push(f('policy-no-self-request', 'warning', source, [p.name]));
    const needsOrganizations = external.some(
      (p) =>
        p.scope === 'allConfiguredConnectedOrganizationUsers' ||
        p.scope === 'specificConnectedOrganizationUsers',
    );
    if (source !== 'user' && needsOrganizations && !facts.connectedOrganizations)
      out.push(f('organizations-unchecked', 'warning', 'none'));
    const domain = partnerDomain(facts.partner);
    const partner = domain ? partnerFinding(facts, external, domain) : undefined;
    if (partner) out.push(partner);
  }

  if (facts.linkCloud && facts.tenantCloud && facts.linkCloud !== facts.tenantCloud.value)
    out.push(f('cloud-mismatch', 'error', facts.tenantCloud.source));
  // Tenant-wide settings no read here can confirm: reminders, each with its own page.
  if (!facts.policies || external.length > 0) out.push(f('reminder-email-otp', 'info', 'none'));
  out.push(
    f('reminder-b2b-lists', 'info', 'none'),
    f('reminder-cross-tenant-access', 'info', 'none'),
    f('reminder-cross-cloud', 'info', 'none'),
    f('reminder-conditional-access', 'info', 'none'),
    f('reminder-blocked-guests', 'info', 'none'),
  );
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
