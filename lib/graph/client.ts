// A small Microsoft Graph v1.0 reader: the three reads the eligibility check needs, errors as
// problem codes, throttling honoured, paging followed only within the same Graph host.
import { GraphProblem, asGraphProblem, graphObject, throwForGraphStatus } from './problems';

export interface GraphClientDeps {
  fetch: typeof fetch;
  /** This cloud's Graph origin, e.g. https://graph.microsoft.com */
  base: string;
  token(): Promise<string>;
  sleep(ms: number): Promise<void>;
}

const EM = '/v1.0/identityGovernance/entitlementManagement';
/** Waits this short are taken silently; longer ones are reported with the time to wait. */
const MAX_SILENT_WAIT_S = 5;
const MAX_PAGES = 50;

/** Retry-After as seconds: a number of seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export function createGraphClient(deps: GraphClientDeps) {
  async function get(pathOrUrl: string, attempt = 0): Promise<Record<string, unknown>> {
    const url = pathOrUrl.startsWith('/') ? deps.base + pathOrUrl : pathOrUrl;
    let res: Response;
    try {
      res = await deps.fetch(url, {
        headers: { Authorization: `Bearer ${await deps.token()}`, Accept: 'application/json' },
      });
    } catch (e) {
      throw asGraphProblem(e);
    }
    if (res.status === 429 || res.status === 503) {
      const wait = retryAfterSeconds(res.headers.get('Retry-After'), Date.now());
      if (attempt < 2 && wait !== undefined && wait <= MAX_SILENT_WAIT_S) {
        await deps.sleep(wait * 1000);
        return get(pathOrUrl, attempt + 1);
      }
      throw new GraphProblem('throttled', wait);
    }
    throwForGraphStatus(res);
    return graphObject(await res.json().catch(() => null));
  }

  async function list(path: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let next: string | null = path;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const body = await get(next);
      if (!Array.isArray(body.value)) throw new GraphProblem('bad-response');
      items.push(...(body.value as Record<string, unknown>[]));
      const link = body['@odata.nextLink'];
      // The token goes only to this Graph host: a next link elsewhere is not followed.
      next = typeof link === 'string' && link.startsWith(`${deps.base}/`) ? link : null;
    }
    return items;
  }

  return {
    get,
    list,
    /** The package with its catalog and assignment policies; two calls when the combined $expand is refused. */
    async accessPackage(id: string): Promise<Record<string, unknown>> {
      const path = `${EM}/accessPackages/${encodeURIComponent(id)}`;
      try {
        return await get(`${path}?$expand=catalog,assignmentPolicies`);
      } catch (e) {
        if (!(e instanceof GraphProblem) || e.code !== 'bad-request') throw e;
      }
      const [withCatalog, withPolicies] = await Promise.all([
        get(`${path}?$expand=catalog`),
        get(`${path}?$expand=assignmentPolicies`),
      ]);
      return { ...withCatalog, assignmentPolicies: withPolicies.assignmentPolicies };
    },
    connectedOrganizations: () => list(`${EM}/connectedOrganizations`),
    organization: async () =>
      (await list('/v1.0/organization?$select=id,displayName,verifiedDomains'))[0] ?? null,
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;
