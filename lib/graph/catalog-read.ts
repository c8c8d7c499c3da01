// Every access package of one catalog, or of every catalog the signed-in admin can read, as events
// the page can show while reading: the catalogs first, then packages page by page, per catalog.
// A catalog Graph refuses (403) is reported and the others go on: partial results are results.
//
// Requests (Microsoft Graph v1.0):
//   GET /identityGovernance/entitlementManagement/catalogs            (or /catalogs/{id})
//   GET /identityGovernance/entitlementManagement/accessPackages
//         ?$filter=catalog/id eq '{id}'&$expand=assignmentPolicies   (per catalog, paged)
//   GET /identityGovernance/entitlementManagement/connectedOrganizations (names in findings)
//   GET /organization?$select=id,displayName,verifiedDomains        (the links' directory hint)
// Listing packages with their policies expanded is what Graph documents for catalog owners and
// readers, who may not list assignment policies directly.
import { parseGuid } from '../link/guid';
import { ListingCancelled, type ListingReader } from './catalog-fetch';
import { directoryHintOf } from './facts';
import { GraphProblem, asGraphProblem } from './problems';

type Json = Record<string, unknown>;
const EM = '/v1.0/identityGovernance/entitlementManagement';

export interface CatalogInfo {
  id: string;
  name: string;
  /** 'published' or 'unpublished'; null when Graph did not say. */
  state: string | null;
  /** "Enabled for external users"; null when Graph did not say. */
  external: boolean | null;
}

export type CatalogEvent =
  | { type: 'catalogs'; catalogs: CatalogInfo[]; context: ListingContext }
  | { type: 'packages'; catalog: CatalogInfo; packages: Json[] }
  | { type: 'catalog-done'; catalog: CatalogInfo; count: number }
  | { type: 'catalog-failed'; catalog: CatalogInfo; problem: GraphProblem }
  | { type: 'wait'; seconds: number };

export interface ListingContext {
  /** Connected organisations, for their names; undefined when the role cannot list them. */
  organizations: Json[] | undefined;
  /** The signed-in tenant's directory hint, when Graph told it. */
  directoryHint: string | null;
}

export function catalogInfo(c: Json): CatalogInfo | null {
  const id = typeof c.id === 'string' ? parseGuid(c.id) : null;
  if (!id?.ok) return null;
  return {
    id: id.value,
    name: typeof c.displayName === 'string' ? c.displayName : id.value,
    state: typeof c.state === 'string' ? c.state : null,
    external: typeof c.isExternallyVisible === 'boolean' ? c.isExternallyVisible : null,
  };
}

/** The per-catalog package listing; the id is a checked GUID, so the filter cannot be bent. */
export function packagesPath(catalogId: string): string {
  const filter = encodeURIComponent(`catalog/id eq '${catalogId}'`);
  return `${EM}/accessPackages?$filter=${filter}&$expand=assignmentPolicies`;
}

/** A few catalogs at a time: faster than one by one, and gentle enough not to invite throttling. */
const CONCURRENCY = 4;

export async function readCatalogListing(
  reader: ListingReader,
  options: {
    /** One catalog (a GUID), or every catalog when absent. */
    catalogId?: string;
    signal: AbortSignal;
    onEvent: (event: CatalogEvent) => void;
    concurrency?: number;
  },
): Promise<ListingContext> {
  const { signal, onEvent } = options;
  const hooks = { signal, onWait: (seconds: number) => onEvent({ type: 'wait', seconds }) };
  const optional = <T>(p: Promise<T>): Promise<T | undefined> =>
    p.catch((e: unknown) => {
      if (e instanceof ListingCancelled) throw e;
      return undefined;
    });

  const context = Promise.all([
    optional(reader.listAll(`${EM}/connectedOrganizations`, hooks)),
    optional(reader.listAll('/v1.0/organization?$select=id,displayName,verifiedDomains', hooks)),
  ]);
  let catalogs: CatalogInfo[];
  if (options.catalogId !== undefined) {
    const id = parseGuid(options.catalogId);
    if (!id.ok) throw new GraphProblem('not-found');
    const one = catalogInfo(await reader.get(`${EM}/catalogs/${id.value}`, hooks));
    if (!one) throw new GraphProblem('bad-response');
    catalogs = [one];
  } else {
    catalogs = (await reader.listAll(`${EM}/catalogs`, hooks))
      .map(catalogInfo)
      .filter((c): c is CatalogInfo => c !== null);
  }
  const [organizations, organization] = await context;
  const result = { organizations, directoryHint: directoryHintOf(organization?.[0]) };
  onEvent({ type: 'catalogs', catalogs, context: result });

  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < catalogs.length) {
      const catalog = catalogs[nextIndex++]!;
      try {
        const all = await reader.listAll(packagesPath(catalog.id), {
          ...hooks,
          onPage: (packages) => onEvent({ type: 'packages', catalog, packages }),
        });
        onEvent({ type: 'catalog-done', catalog, count: all.length });
      } catch (e) {
        if (e instanceof ListingCancelled || signal.aborted) throw new ListingCancelled();
        onEvent({ type: 'catalog-failed', catalog, problem: asGraphProblem(e) });
      }
    }
  };
  const n = Math.max(1, Math.min(options.concurrency ?? CONCURRENCY, catalogs.length));
  await Promise.all(Array.from({ length: n }, worker));
  return result;
}
