// The catalog page's state: signals and the actions that change them. Everything lives as long
// as the page: nothing is stored, only what the user copies or exports leaves it.
import { batch, computed, signal } from '@preact/signals';
import { ListingCancelled } from '../../lib/graph/catalog-fetch';
import type { CatalogEvent, CatalogInfo } from '../../lib/graph/catalog-read';
import { asGraphProblem, type GraphCloud, type GraphProblem } from '../../lib/graph';
import { visibleRows, type FindingFilter, type Sort, type SortKey } from '../../lib/catalog/filter';
import { rowsToCsv, rowsToTable, type ExportLabels } from '../../lib/catalog/export';
import { catalogRow, type CatalogRow } from '../../lib/catalog/rows';
import { LINK_CLOUDS } from '../../lib/hosts';
import { buildLink } from '../../lib/link/build';
import { parseDirectoryHint } from '../../lib/link/hint';
import { cloudHosts } from '../../lib/graph/clouds';
import type { CatalogEnv } from './catalog-env';

export const PAGE_SIZE = 100;
/** New rows reach the table at most this often while loading: 2,000 rows, a few dozen renders. */
const FLUSH_MS = 150;

export type Phase = 'starting' | 'signed-out' | 'loading' | 'done' | 'cancelled' | 'failed';

export interface Failure {
  catalog: CatalogInfo;
  problem: GraphProblem;
}

export function createCatalogState(
  env: CatalogEnv,
  options: { catalogId?: string; locale?: string } = {},
) {
  const phase = signal<Phase>('starting');
  const problem = signal<GraphProblem | null>(null);
  const catalogs = signal<CatalogInfo[] | null>(null);
  const doneCatalogs = signal(0);
  const failures = signal<Failure[]>([]);
  const rows = signal<CatalogRow[]>([]);
  /** Seconds left in a wait Graph asked for; 0 when not waiting. */
  const waitUntil = signal(0);
  const hint = signal('');
  const hintFromGraph = signal(false);
  const query = signal('');
  const finding = signal<FindingFilter>('all');
  const sort = signal<Sort>({ key: 'catalog', descending: false });
  const page = signal(0);
  const selected = signal<ReadonlySet<string>>(new Set());
  const status = signal('');

  let controller: AbortController | null = null;
  let cloud: GraphCloud = 'global';
  let organizations: Record<string, unknown>[] | undefined;
  let pending: CatalogRow[] = [];
  /** Retrying failed catalogs: the catalogs already listed stay as they are. */
  let retrying = false;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;

  const shown = computed(() =>
    visibleRows(rows.value, query.value, finding.value, sort.value, options.locale),
  );
  const pageCount = computed(() => Math.max(1, Math.ceil(shown.value.length / PAGE_SIZE)));
  const pageRows = computed(() => {
    const p = Math.min(page.value, pageCount.value - 1);
    return shown.value.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
  });
  /** What copy and export act on: the selected rows still shown, else every row shown. */
  const target = computed(() => {
    const sel = shown.value.filter((r) => selected.value.has(r.id));
    return sel.length > 0 ? sel : shown.value;
  });

  function flush() {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    if (pending.length === 0) return;
    const add = pending;
    pending = [];
    rows.value = [...rows.value, ...add];
  }

  function linkFor(id: string): string | null {
    const h = hint.value.trim();
    if (!h || !parseDirectoryHint(h).ok) return null;
    return buildLink({
      host: LINK_CLOUDS[cloudHosts(cloud).linkCloud].myAccess,
      directoryHint: h,
      accessPackageId: id,
    });
  }

  function onEvent(e: CatalogEvent) {
    switch (e.type) {
      case 'catalogs':
        organizations = e.context.organizations;
        if (!hint.value && e.context.directoryHint) {
          hint.value = e.context.directoryHint;
          hintFromGraph.value = true;
        }
        if (!retrying) catalogs.value = e.catalogs;
        break;
      case 'packages':
        for (const p of e.packages) {
          const row = catalogRow(p, e.catalog, organizations, cloud, null);
          if (row) pending.push({ ...row, link: linkFor(row.id) });
        }
        // The first rows show at once; later ones in batches, so typing a filter stays smooth.
        if (rows.value.length === 0) flush();
        else flushTimer ??= setTimeout(flush, FLUSH_MS);
        break;
      case 'catalog-done':
        doneCatalogs.value++;
        break;
      case 'catalog-failed':
        doneCatalogs.value++;
        failures.value = [...failures.value, { catalog: e.catalog, problem: e.problem }];
        break;
      case 'wait':
        waitUntil.value = e.seconds > 0 ? env.now() + e.seconds * 1000 : 0;
        break;
    }
  }

  /** Reads the listing; `retry` is the one failed catalog read again, keeping every other row. */
  async function run(catalogId: string | undefined, retry?: CatalogInfo) {
    const keep = retry !== undefined;
    retrying = keep;
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    batch(() => {
      phase.value = 'loading';
      problem.value = null;
      status.value = '';
      if (!keep) {
        rows.value = [];
        catalogs.value = null;
        doneCatalogs.value = 0;
        failures.value = [];
        selected.value = new Set();
      }
    });
    try {
      await env.list({ catalogId, signal: mine.signal, onEvent });
      if (controller !== mine) return;
      flush();
      phase.value = 'done';
    } catch (e) {
      if (controller !== mine) return;
      flush();
      if (e instanceof ListingCancelled) {
        phase.value = 'cancelled';
      } else if (retry) {
        // The catalog itself could not be read again: it stays on the list of what was not read.
        batch(() => {
          doneCatalogs.value++;
          failures.value = [...failures.value, { catalog: retry, problem: asGraphProblem(e) }];
          phase.value = 'done';
        });
      } else {
        const p = asGraphProblem(e);
        batch(() => {
          problem.value = p;
          phase.value = p.code === 'not-signed-in' ? 'signed-out' : 'failed';
        });
      }
    } finally {
      waitUntil.value = 0;
    }
  }

  function relink() {
    rows.value = rows.value.map((r) => ({ ...r, link: linkFor(r.id) }));
  }

  const resetPage = () => (page.value = 0);

  return {
    phase,
    problem,
    catalogs,
    doneCatalogs,
    failures,
    rows,
    waitUntil,
    hint,
    hintFromGraph,
    query,
    finding,
    sort,
    page,
    pageCount,
    pageRows,
    shown,
    selected,
    target,
    status,
    env,
    catalogId: options.catalogId,
    async load() {
      batch(() => {
        phase.value = 'starting';
      });
      const [signedIn, defaultHint] = await Promise.all([
        env.signedIn().catch(() => null),
        env.defaultHint().catch(() => ''),
      ]);
      if (defaultHint && !hint.value) hint.value = defaultHint;
      if (!signedIn) {
        phase.value = 'signed-out';
        return;
      }
      cloud = signedIn;
      await run(options.catalogId);
    },
    cancel() {
      controller?.abort();
    },
    /** Reads again only the catalogs that failed; what was read stays. */
    async retryFailed() {
      const again = failures.value.map((f) => f.catalog);
      batch(() => {
        failures.value = [];
        doneCatalogs.value -= again.length;
      });
      for (const catalog of again) {
        await run(catalog.id, catalog);
        if (phase.value !== 'done') return;
      }
    },
    /** What the last copy or export did, for the status line. */
    setStatus(text: string) {
      status.value = text;
    },
    setHint(value: string) {
      batch(() => {
        hint.value = value;
        hintFromGraph.value = false;
        relink();
      });
    },
    setQuery(value: string) {
      batch(() => {
        query.value = value;
        resetPage();
      });
    },
    setFinding(value: FindingFilter) {
      batch(() => {
        finding.value = value;
        resetPage();
      });
    },
    sortBy(key: SortKey) {
      batch(() => {
        const s = sort.value;
        sort.value = { key, descending: s.key === key ? !s.descending : false };
        resetPage();
      });
    },
    setPage(p: number) {
      page.value = Math.max(0, Math.min(p, pageCount.value - 1));
    },
    toggle(id: string) {
      const next = new Set(selected.value);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      selected.value = next;
    },
    /** Selects (or clears) every row the filter shows, on every page. */
    selectShown(on: boolean) {
      const next = new Set(selected.value);
      for (const r of shown.value) {
        if (on) next.add(r.id);
        else next.delete(r.id);
      }
      selected.value = next;
    },
    async copyLink(row: CatalogRow) {
      return row.link ? env.copy(row.link) : false;
    },
    async copyTable(labels: ExportLabels) {
      const { html, text } = rowsToTable(target.value, labels);
      return (await env.copyRich(html, text)) ? target.value.length : 0;
    },
    exportCsv(labels: ExportLabels) {
      env.download('access-packages.csv', rowsToCsv(target.value, labels), 'text/csv');
      return target.value.length;
    },
  };
}

export type CatalogState = ReturnType<typeof createCatalogState>;
