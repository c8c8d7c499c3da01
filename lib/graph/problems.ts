// What can go wrong with sign-in and Graph, as codes; the views say it in the user's language
// (`graphProblem_<code>` in _locales), each with what to do about it.

export type GraphProblemCode =
  | 'no-client-id'
  | 'bad-client-id'
  | 'permission-refused'
  | 'identity-unavailable'
  | 'sign-in-cancelled'
  | 'consent-required'
  | 'consent-declined'
  | 'spa-platform'
  | 'redirect-mismatch'
  | 'no-origin'
  | 'unknown-client'
  | 'single-tenant-endpoint'
  | 'unknown-tenant'
  | 'sign-in-failed'
  | 'not-signed-in'
  | 'session-expired'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'throttled'
  | 'offline'
  | 'server-error'
  | 'bad-request'
  | 'bad-response';

export class GraphProblem extends Error {
  constructor(
    readonly code: GraphProblemCode,
    /** Seconds to wait before trying again (throttling). */
    readonly retryAfter?: number,
  ) {
    super(code);
    this.name = 'GraphProblem';
  }
}

export function asGraphProblem(e: unknown): GraphProblem {
  if (e instanceof GraphProblem) return e;
  // fetch rejects with a TypeError when the network is unreachable.
  if (e instanceof TypeError) return new GraphProblem('offline');
  return new GraphProblem('server-error');
}

/** Throws the GraphProblem an unsuccessful Graph response's status stands for. */
export function throwForGraphStatus(res: Response): void {
  if (res.status === 401) throw new GraphProblem('unauthorized');
  if (res.status === 403) throw new GraphProblem('forbidden');
  if (res.status === 404) throw new GraphProblem('not-found');
  if (res.status === 400) throw new GraphProblem('bad-request');
  if (!res.ok) throw new GraphProblem('server-error');
}

/** A parsed Graph body as an object, or 'bad-response' when it is not one (or not JSON: null). */
export function graphObject(json: unknown): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new GraphProblem('bad-response');
  return json as Record<string, unknown>;
}
