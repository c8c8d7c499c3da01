// The opt-in directory check: does a directory hint name an existing Entra tenant, which one, and
// in which cloud? Read from Microsoft's public OpenID discovery document (no sign-in). What each
// field means, and what is documented or only observed, is in the README ("Directory check").
import { parseGuid } from '../link/guid';

export const DISCOVERY_ORIGIN = 'https://login.microsoftonline.com';
/** The optional host permission the check asks for when the user turns it on. */
export const DISCOVERY_PERMISSION = `${DISCOVERY_ORIGIN}/*`;
export const CHECK_TTL_MS = 24 * 60 * 60 * 1000;
export const CHECK_TIMEOUT_MS = 5000;
/** The tenant that holds personal Microsoft accounts (outlook.com, hotmail.com, live.com …). */
export const CONSUMER_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

/** Where the tenant lives. GCC (moderate) tenants are in the worldwide cloud, with its hosts. */
export type TenantCloud = 'global' | 'gcc' | 'usgov' | 'usgov-high' | 'usgov-dod' | 'china';

export type DirectoryCheck =
  | { kind: 'found'; tenantId: string; cloud: TenantCloud; personal: boolean }
  | { kind: 'not-found' }
  | {
      kind: 'not-checked';
      reason: 'off' | 'no-permission' | 'offline' | 'timeout' | 'unexpected';
    };

export function discoveryUrl(hint: string): string {
  return `${DISCOVERY_ORIGIN}/${encodeURIComponent(hint)}/v2.0/.well-known/openid-configuration`;
}

const US_GOV_SCOPES = ['usgov', 'usg'];

/** Which cloud the discovery document places the tenant in (see the README for each field). */
function cloudOf(doc: Record<string, unknown>, issuerHost: string): TenantCloud {
  const str = (k: string) => (typeof doc[k] === 'string' ? doc[k].toLowerCase() : '');
  const instance = str('cloud_instance_name');
  const scope = str('tenant_region_scope');
  const sub = str('tenant_region_sub_scope');
  if (instance === 'partner.microsoftonline.cn' || issuerHost.endsWith('.cn')) return 'china';
  if (
    instance === 'microsoftonline.us' ||
    US_GOV_SCOPES.includes(scope) ||
    issuerHost.endsWith('.us')
  )
    return sub === 'dod' ? 'usgov-dod' : sub === 'dodcon' ? 'usgov-high' : 'usgov';
  return sub === 'gcc' ? 'gcc' : 'global';
}

/** The check's answer from the discovery endpoint's status and body. Never throws. */
export function readDiscovery(status: number, body: string): DirectoryCheck {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return { kind: 'not-checked', reason: 'unexpected' };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return { kind: 'not-checked', reason: 'unexpected' };
  const d = doc as Record<string, unknown>;
  // An unknown tenant is a 400 with an error (AADSTS90002); other failures say nothing about it.
  if (status === 400 && typeof d.error === 'string') return { kind: 'not-found' };
  if (status !== 200 || typeof d.issuer !== 'string')
    return { kind: 'not-checked', reason: 'unexpected' };
  let issuer: URL;
  try {
    issuer = new URL(d.issuer);
  } catch {
    return { kind: 'not-checked', reason: 'unexpected' };
  }
  // The issuer names the tenant: https://login.microsoftonline.com/<tenant id>/v2.0
  const id = parseGuid(issuer.pathname.split('/')[1] ?? '');
  if (issuer.protocol !== 'https:' || !id.ok) return { kind: 'not-checked', reason: 'unexpected' };
  return {
    kind: 'found',
    tenantId: id.value,
    cloud: cloudOf(d, issuer.hostname.toLowerCase()),
    personal: id.value === CONSUMER_TENANT,
  };
}

/** The My Access cloud of a tenant's links (none is documented for China). */
export function linkCloudOf(cloud: TenantCloud): 'global' | 'usgov' | null {
  if (cloud === 'china') return null;
  return cloud === 'global' || cloud === 'gcc' ? 'global' : 'usgov';
}

/** Whether a link on `linkHost` reaches a tenant in `cloud` (a worldwide link to GCC High does not). */
export function cloudMismatch(linkHost: string, cloud: TenantCloud): boolean {
  const linkCloud = linkHost.endsWith('.us') ? 'usgov' : 'global';
  const tenant = linkCloudOf(cloud);
  return tenant !== null && tenant !== linkCloud;
}

export interface CachedCheck {
  at: number;
  result: DirectoryCheck;
}

export interface CheckDeps {
  fetch: (
    url: string,
    init: { signal: AbortSignal },
  ) => Promise<{ status: number; text(): Promise<string> }>;
  now: () => number;
  readCache: (hint: string) => Promise<CachedCheck | undefined>;
  writeCache: (hint: string, entry: CachedCheck) => Promise<void>;
  timeoutMs?: number;
}

/**
 * Checks a directory hint, from the day's cache when it has it. Offline, refused or slow is "not
 * checked", never an error; only real answers (found, not found) are cached.
 */
export async function checkDirectory(hint: string, deps: CheckDeps): Promise<DirectoryCheck> {
  const key = hint.toLowerCase();
  const cached = await deps.readCache(key).catch(() => undefined);
  if (cached && deps.now() - cached.at < CHECK_TTL_MS && cached.at <= deps.now())
    return cached.result;
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, deps.timeoutMs ?? CHECK_TIMEOUT_MS);
  let result: DirectoryCheck;
  try {
    const res = await deps.fetch(discoveryUrl(key), { signal: abort.signal });
    result = readDiscovery(res.status, await res.text());
  } catch {
    result = { kind: 'not-checked', reason: timedOut ? 'timeout' : 'offline' };
  } finally {
    clearTimeout(timer);
  }
  if (result.kind !== 'not-checked')
    await deps.writeCache(key, { at: deps.now(), result }).catch(() => {});
  return result;
}

/** A stored cache entry, or undefined when it is not one. */
export function parseCachedCheck(raw: unknown): CachedCheck | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { at, result } = raw as Record<string, unknown>;
  if (typeof at !== 'number' || typeof result !== 'object' || result === null) return undefined;
  const r = result as Record<string, unknown>;
  if (r.kind === 'not-found') return { at, result: { kind: 'not-found' } };
  if (r.kind !== 'found' || typeof r.tenantId !== 'string' || !parseGuid(r.tenantId).ok)
    return undefined;
  const clouds: TenantCloud[] = ['global', 'gcc', 'usgov', 'usgov-high', 'usgov-dod', 'china'];
  if (!clouds.includes(r.cloud as TenantCloud)) return undefined;
  return {
    at,
    result: {
      kind: 'found',
      tenantId: r.tenantId,
      cloud: r.cloud as TenantCloud,
      personal: r.tenantId === CONSUMER_TENANT,
    },
  };
}
