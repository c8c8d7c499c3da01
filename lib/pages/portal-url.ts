import { cloudOfAdminHost, isAdminPortalHost, type LinkCloud } from '../hosts';
import { parseGuid } from '../link/guid';
import { safeDecode } from '../link/text';

export interface PortalLocation {
  host: string;
  /** `@contoso.onmicrosoft.com/` at the start of the hash, when the URL names its directory. */
  tenant: string | null;
  extension: string | null;
  blade: string | null;
  tab: string | null;
  params: Record<string, string>;
}

/** Splits a portal URL's hash into blade, tab and parameters; tolerant of `#blade/`, encoding and extra segments. */
export function parsePortalUrl(url: string): PortalLocation | undefined {
  const m = /^https:\/\/([^/?#]+)\/?[^#]*#(.*)$/i.exec(url);
  if (!m) return undefined;
  const host = m[1]!.toLowerCase().replace(/:443$/, '').replace(/\.$/, '');
  if (!isAdminPortalHost(host)) return undefined;
  const segments = safeDecode(m[2]!)
    .split('/')
    .filter((s) => s !== '');
  let tenant: string | null = null;
  if (segments[0]?.startsWith('@')) tenant = segments.shift()!.slice(1).toLowerCase() || null;
  const kind = segments.findIndex((s) => /^(?:view|blade)$/i.test(s));
  const extension = kind >= 0 ? (segments[kind + 1] ?? null) : null;
  const blade = kind >= 0 ? (segments[kind + 2] ?? null) : null;
  const rest = kind >= 0 ? segments.slice(kind + 3) : [];
  let tab: string | null = null;
  if (rest[0] === '~') {
    tab = rest[1] ?? null;
    rest.splice(0, 2);
  } else if (rest.length % 2 === 1) {
    // Older `#blade/…/EntitlementMenuBlade/overview/entitlementId/<id>` puts the tab without `~`.
    tab = rest.shift()!;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i + 1 < rest.length; i += 2) params[rest[i]!.toLowerCase()] = rest[i + 1]!;
  return { host, tenant, extension, blade, tab, params };
}

const ELM = 'microsoft_azure_elmadmin';

/** A GUID parameter, normalised (case, braces), or undefined. */
function guidParam(value: string | undefined): string | undefined {
  const g = parseGuid(value ?? '');
  return g.ok ? g.value : undefined;
}

/** A cheap first look before any parsing: every entitlement-management blade names this extension. */
export function mayBeEntitlementPage(url: string): boolean {
  return /elmadmin/i.test(url);
}

/** An access package's blades: overview, policies, requests, assignments and any other tab. */
export function isAccessPackagePage(url: string): boolean {
  const p = parsePortalUrl(url);
  return p?.extension?.toLowerCase() === ELM && guidParam(p.params.entitlementid) !== undefined;
}

export function isCatalogPage(url: string): boolean {
  const p = parsePortalUrl(url);
  return (
    p?.extension?.toLowerCase() === ELM &&
    /^catalog(?:menu)?blade$/i.test(p.blade ?? '') &&
    p.params.entitlementid === undefined &&
    guidParam(p.params.catalogid) !== undefined
  );
}

export function isIdentityGovernanceDashboard(url: string): boolean {
  const p = parsePortalUrl(url);
  return (
    p?.extension?.toLowerCase() === 'microsoft_aad_erm' &&
    p.blade?.toLowerCase() === 'dashboardblade'
  );
}

export interface AccessPackageLocation {
  accessPackageId: string;
  catalogId: string | null;
  tab: string | null;
  tenant: string | null;
  /** US Government portals serve packages whose links use the US Government My Access host. */
  cloud: LinkCloud;
}

export function parseAccessPackagePage(url: string): AccessPackageLocation | undefined {
  if (!isAccessPackagePage(url)) return undefined;
  const p = parsePortalUrl(url)!;
  return {
    accessPackageId: guidParam(p.params.entitlementid)!,
    catalogId: guidParam(p.params.catalogid) ?? null,
    tab: p.tab,
    tenant: p.tenant,
    cloud: cloudOfAdminHost(p.host)!,
  };
}
