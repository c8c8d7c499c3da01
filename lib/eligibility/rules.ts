// Package facts → findings (DESIGN.md §1, §6). Pure: the sources (page, Graph, user) fill the facts.

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
  state: 'configured' | 'proposed' | string;
  domains: string[];
  /** Tenants the organisation is identified by; their domains are unknown offline. */
  tenantIds?: string[];
}

export interface PackageFacts {
  hidden?: Known<boolean>;
  catalogExternal?: Known<boolean>;
  catalogState?: Known<'published' | 'unpublished' | string>;
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
  | 'catalog-unpublished'
  | 'catalog-state-unchecked'
  | 'no-external-policy'
  | 'policies-unchecked'
  | 'policy-specific-organizations'
  | 'policy-no-self-request'
  | 'partner-covered'
  | 'partner-not-covered'
  | 'partner-unverified'
  | 'cloud-mismatch'
  | 'reminder-email-otp'
  | 'reminder-b2b-lists'
  | 'reminder-conditional-access';

export interface Finding {
  code: FindingCode;
  severity: 'error' | 'warning' | 'info';
  /** Which source the finding rests on; 'none' for "not checked" findings and reminders. */
  source: Source | 'none';
  /** The message's substitutions, in order ($1, $2): a domain, a list of names. */
  args: string[];
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
): Finding => ({ code, severity, source, args });

/** The partner's domain from an email address or a domain, lower-case; undefined if neither. */
export function partnerDomain(input: string | undefined): string | undefined {
  const d = (input ?? '').trim().toLowerCase().split('@').pop()!.replace(/\.$/, '');
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/.test(d) ? d : undefined;
}

function coversDomain(org: ConnectedOrganization, domain: string): boolean {
  return org.domains.some(
    (d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`),
  );
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

  if (!facts.catalogState) out.push(f('catalog-state-unchecked', 'warning', 'none'));
  else if (facts.catalogState.value !== 'published')
    out.push(f('catalog-unpublished', 'error', facts.catalogState.source));

  if (!facts.policies) {
    out.push(f('policies-unchecked', 'warning', 'none'));
  } else {
    const { value: policies, source } = facts.policies;
    const external = policies.filter((p) => EXTERNAL.includes(p.scope));
    if (external.length === 0) out.push(f('no-external-policy', 'error', source));
    const orgs = facts.connectedOrganizations?.value ?? [];
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
    const domain = partnerDomain(facts.partner);
    if (domain && external.length > 0) {
      // "All external users" covers anyone; "all configured" only configured (not proposed) organisations.
      const covered =
        external.some((p) => p.scope === 'allExternalUsers') ||
        external.some(
          (p) =>
            p.scope === 'allConfiguredConnectedOrganizationUsers' &&
            orgs.some((o) => o.state === 'configured' && coversDomain(o, domain)),
        ) ||
        specific.some((p) =>
          orgs.some((o) => p.connectedOrganizationIds.includes(o.id) && coversDomain(o, domain)),
        );
      // Organisations known only by tenant id may own the domain: say so rather than "not covered".
      const candidates = external.some((p) => p.scope === 'allConfiguredConnectedOrganizationUsers')
        ? orgs.filter((o) => o.state === 'configured')
        : orgs.filter((o) => specific.some((p) => p.connectedOrganizationIds.includes(o.id)));
      const byTenant = candidates.filter((o) => (o.tenantIds?.length ?? 0) > 0).map((o) => o.name);
      if (covered) out.push(f('partner-covered', 'info', source, [domain]));
      else if (byTenant.length > 0)
        out.push(f('partner-unverified', 'warning', source, [domain, byTenant.join(', ')]));
      else out.push(f('partner-not-covered', 'error', source, [domain]));
    }
    if (external.some((p) => p.scope === 'allExternalUsers'))
      out.push(f('reminder-email-otp', 'info', 'none'));
  }

  if (facts.linkCloud && facts.tenantCloud && facts.linkCloud !== facts.tenantCloud.value)
    out.push(f('cloud-mismatch', 'error', facts.tenantCloud.source));
  out.push(
    f('reminder-b2b-lists', 'info', 'none'),
    f('reminder-conditional-access', 'info', 'none'),
  );
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
