// Graph v1.0 JSON → the eligibility facts (lib/eligibility) and what the share email can say.
// Graph data is data from the network: every field is checked, nothing is assumed.
import type {
  ConnectedOrganization,
  PackageFacts,
  PolicyFacts,
  TargetScope,
} from '../eligibility/rules';
import { cloudHosts, type GraphCloud } from './clouds';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const SCOPES: readonly TargetScope[] = [
  'notSpecified',
  'specificDirectoryUsers',
  'specificConnectedOrganizationUsers',
  'specificDirectoryServicePrincipals',
  'allMemberUsers',
  'allDirectoryUsers',
  'allDirectoryServicePrincipals',
  'allConfiguredConnectedOrganizationUsers',
  'allExternalUsers',
  'unknownFutureValue',
];

export function policyFacts(p: Json): PolicyFacts {
  const scope = SCOPES.includes(p.allowedTargetScope as TargetScope)
    ? (p.allowedTargetScope as TargetScope)
    : 'unknownFutureValue';
  return {
    name: str(p.displayName) ?? str(p.id) ?? '',
    scope,
    connectedOrganizationIds: arr(p.specificAllowedTargets)
      .filter((t) => t['@odata.type'] === '#microsoft.graph.connectedOrganizationMembers')
      .map((t) => str(t.connectedOrganizationId))
      .filter((id): id is string => id !== null),
    selfRequest: obj(p.requestorSettings).enableTargetsToSelfAddAccess === true,
  };
}

export function connectedOrganization(o: Json): ConnectedOrganization {
  const sources = arr(o.identitySources);
  const domains = sources.map((s) => str(s.domainName)).filter((d): d is string => d !== null);
  const tenantIds = sources.map((s) => str(s.tenantId)).filter((d): d is string => d !== null);
  return {
    id: str(o.id) ?? '',
    name: str(o.displayName) ?? str(o.id) ?? '',
    state: str(o.state) ?? 'unknown',
    domains,
    tenantIds,
  };
}

/** An ISO 8601 duration as Graph gives it, unit by unit: never folded into days. */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
}

/** What an email may say about approval and expiry: only when every external policy agrees. */
export interface RequestTerms {
  approval: 'required' | 'not-required' | null;
  expiry:
    | { kind: 'never' }
    | { kind: 'duration'; duration: Duration }
    /** `dateTime` as Graph gave it (an instant, or a calendar date). */
    | { kind: 'date'; dateTime: string }
    | null;
}

/** ISO 8601 durations Graph uses for expiry (P365D, P1Y6M, P2W, PT8H) by unit, or null. */
export function parseDuration(iso: string): Duration | null {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  const d = { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5) };
  return Object.values(d).some((v) => v > 0) ? d : null;
}

function termsOf(p: Json): RequestTerms {
  const approvalRequired = obj(p.requestApprovalSettings).isApprovalRequiredForAdd;
  const e = obj(p.expiration);
  let expiry: RequestTerms['expiry'] = null;
  if (e.type === 'noExpiration') expiry = { kind: 'never' };
  else if (e.type === 'afterDuration' && typeof e.duration === 'string') {
    const duration = parseDuration(e.duration);
    expiry = duration ? { kind: 'duration', duration } : null;
  } else if (
    e.type === 'afterDateTime' &&
    typeof e.endDateTime === 'string' &&
    !Number.isNaN(Date.parse(e.endDateTime))
  ) {
    expiry = { kind: 'date', dateTime: e.endDateTime };
  }
  return {
    approval:
      approvalRequired === true ? 'required' : approvalRequired === false ? 'not-required' : null,
    expiry,
  };
}

const EXTERNAL = new Set<TargetScope>([
  'allExternalUsers',
  'allConfiguredConnectedOrganizationUsers',
  'specificConnectedOrganizationUsers',
]);

export function requestTerms(pkg: Json): RequestTerms {
  const terms = arr(pkg.assignmentPolicies)
    .filter((p) => EXTERNAL.has(policyFacts(p).scope) && policyFacts(p).selfRequest)
    .map(termsOf);
  const [first] = terms;
  if (!first) return { approval: null, expiry: null };
  const same = <T>(pick: (t: RequestTerms) => T) =>
    terms.every((t) => JSON.stringify(pick(t)) === JSON.stringify(pick(first)))
      ? pick(first)
      : null;
  return { approval: same((t) => t.approval), expiry: same((t) => t.expiry) };
}

export interface GraphPackage {
  facts: PackageFacts;
  packageName: string | null;
  catalogName: string | null;
  terms: RequestTerms;
  /** The directory Graph read the package from (the signed-in tenant), when known. */
  directoryHint?: string | null;
}

/** The package as Graph describes it; `organizations` undefined when they could not be read. */
export function graphPackage(
  pkg: Json,
  organizations: Json[] | undefined,
  cloud: GraphCloud,
): GraphPackage {
  const catalog = obj(pkg.catalog);
  const facts: PackageFacts = {
    tenantCloud: { value: cloudHosts(cloud).linkCloud, source: 'graph' },
  };
  if (typeof pkg.isHidden === 'boolean') facts.hidden = { value: pkg.isHidden, source: 'graph' };
  if (typeof catalog.isExternallyVisible === 'boolean')
    facts.catalogExternal = { value: catalog.isExternallyVisible, source: 'graph' };
  if (typeof catalog.state === 'string')
    facts.catalogState = { value: catalog.state, source: 'graph' };
  if (Array.isArray(pkg.assignmentPolicies))
    facts.policies = { value: arr(pkg.assignmentPolicies).map(policyFacts), source: 'graph' };
  if (organizations)
    facts.connectedOrganizations = {
      value: organizations.map(connectedOrganization),
      source: 'graph',
    };
  return {
    facts,
    packageName: str(pkg.displayName),
    catalogName: str(catalog.displayName),
    terms: requestTerms(pkg),
  };
}

/** The directory hint links usually carry: the initial *.onmicrosoft.com domain, else the default one. */
export function directoryHintOf(organization: unknown): string | null {
  const domains = arr(obj(organization).verifiedDomains);
  const pick =
    domains.find((d) => d.isInitial === true) ?? domains.find((d) => d.isDefault === true);
  return str(pick?.name)?.toLowerCase() ?? null;
}
