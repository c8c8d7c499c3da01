// Graph reads for long listings: every page of a collection, throttling waited out in the open
// (the page shows the wait), and everything stoppable. The popup's client gives up on long waits
// instead: one package is cheap to retry, a listing of thousands is not.
import { retryAfterSeconds } from './client';
import { GraphProblem, asGraphProblem, graphObject, throwForGraphStatus } from './problems';

export interface ListingDeps {
  fetch: typeof fetch;
  /** This cloud's Graph origin, e.g. https://graph.microsoft.com */
  base: string;
  token(): Promise<string>;
  /** Resolves after `ms`, or rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  now(): number;
}

export interface ListingHooks {
  signal: AbortSignal;
  /** Graph asked to wait `seconds` (0 when the wait is over). */
  onWait?(seconds: number): void;
}

/** Throttled answers are retried this often before the listing gives up on that request. */
const MAX_RETRIES = 6;
/** Without Retry-After, wait this long, doubling each time. */
const DEFAULT_WAIT_S = 2;
/** A Retry-After beyond this is not believed: nobody waits ten minutes for a listing. */
const MAX_WAIT_S = 120;
/** Graph pages hold 100 packages at most; this bounds a runaway nextLink chain. */
const MAX_PAGES = 500;

/** The "stopped" signal's reason as a problem: the caller knows the user asked for it. */
export class ListingCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ListingCancelled';
  }
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new ListingCancelled());
    const done = () => {
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(new ListingCancelled());
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}

export function createListingReader(deps: ListingDeps) {
  /** One answer; `pathOrUrl` is a path on this Graph host or a next link already checked. */
  async function get(pathOrUrl: string, hooks: ListingHooks): Promise<Record<string, unknown>> {
    const url = pathOrUrl.startsWith('/') ? deps.base + pathOrUrl : pathOrUrl;
    for (let attempt = 0; ; attempt++) {
      if (hooks.signal.aborted) throw new ListingCancelled();
      let res: Response;
      try {
        res = await deps.fetch(url, {
          headers: { Authorization: `Bearer ${await deps.token()}`, Accept: 'application/json' },
          signal: hooks.signal,
        });
      } catch (e) {
        if (hooks.signal.aborted) throw new ListingCancelled();
        throw asGraphProblem(e);
      }
      if (res.status === 429 || res.status === 503) {
        const asked = retryAfterSeconds(res.headers.get('Retry-After'), deps.now());
        const wait = Math.min(asked ?? DEFAULT_WAIT_S * 2 ** attempt, MAX_WAIT_S);
        if (attempt >= MAX_RETRIES) throw new GraphProblem('throttled', wait);
        hooks.onWait?.(wait);
        try {
          await deps.sleep(wait * 1000, hooks.signal);
        } finally {
          hooks.onWait?.(0);
        }
        continue;
      }
      throwForGraphStatus(res);
      return graphObject(await res.json().catch(() => null));
    }
  }

  /**
   * Every item of a collection, page by page; `onPage` sees each page as it arrives, so rows can
   * show before the last page. Next links go only to this Graph host (they carry the token).
   */
  async function listAll(
    path: string,
    hooks: ListingHooks & { onPage?(items: Record<string, unknown>[]): void },
  ): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let next: string | null = path;
    for (let page = 0; next; page++) {
      if (page >= MAX_PAGES) throw new GraphProblem('bad-response');
      const body = await get(next, hooks);
      if (!Array.isArray(body.value)) throw new GraphProblem('bad-response');
      const got = (body.value as unknown[]).filter(
        (v): v is Record<string, unknown> => typeof v === 'object' && v !== null,
      );
      items.push(...got);
      hooks.onPage?.(got);
      const link = body['@odata.nextLink'];
      next = typeof link === 'string' && link.startsWith(`${deps.base}/`) ? link : null;
    }
    return items;
  }

  return { get, listAll };
}

export type ListingReader = ReturnType<typeof createListingReader>;
