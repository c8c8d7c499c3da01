import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Finding, FindingCode } from '../../lib/eligibility/rules';
import type { ExportLabels } from '../../lib/catalog/export';
import { FINDING_FILTERS, type FindingFilter, type SortKey } from '../../lib/catalog/filter';
import type { CatalogRow } from '../../lib/catalog/rows';
import { graphProblemText, needsSignIn } from '../graph/problem-text';
import { t, type MessageKey } from '../i18n';
import { HintField } from '../directory/HintField';
import { LabelledSelect } from '../LabelledSelect';
import type { CatalogEnv } from './catalog-env';
import { createCatalogState, PAGE_SIZE, type CatalogState } from './state';

const FILTER_LABELS: Record<FindingFilter, MessageKey> = {
  all: 'catalogFilter_all',
  blocked: 'catalogFilter_blocked',
  warnings: 'catalogFilter_warnings',
  requestable: 'catalogFilter_requestable',
  hidden: 'catalogFilter_hidden',
  'catalog-not-external': 'catalogFilter_catalog_not_external',
  'no-external-policy': 'catalogFilter_no_external_policy',
  'policy-no-self-request': 'catalogFilter_policy_no_self_request',
};

/** The table's short form of the findings Graph can give; the popup's full text for any other. */
const SHORT: Partial<Record<FindingCode, MessageKey>> = {
  'catalog-not-external': 'catalogSummary_catalog_not_external',
  'catalog-disabled': 'catalogSummary_catalog_disabled',
  'no-external-policy': 'catalogSummary_no_external_policy',
  'policy-no-self-request': 'catalogSummary_policy_no_self_request',
  'policy-specific-organizations': 'catalogSummary_policy_specific_organizations',
  'catalog-external-unchecked': 'catalogSummary_catalog_external_unchecked',
  'catalog-enabled-unchecked': 'catalogSummary_catalog_enabled_unchecked',
  'organizations-unchecked': 'catalogSummary_organizations_unchecked',
  'policies-unchecked': 'catalogSummary_policies_unchecked',
};

function findingText(f: Finding): string {
  return t(SHORT[f.code] ?? (`finding_${f.code.replace(/-/g, '_')}` as MessageKey), f.args);
}

/** The row's one line: what stops partners, else that they can request it (and who). */
export function summaryText(row: CatalogRow): string {
  const serious = row.summary.filter((f) => f.severity !== 'info');
  const lines = (serious.length ? serious : [...row.summary]).map(findingText);
  return serious.length ? lines.join(' ') : [t('catalogSummaryOk'), ...lines].join(' ');
}

export function exportLabels(): ExportLabels {
  return {
    name: t('catalogColName'),
    catalog: t('labelCatalog'),
    hidden: t('labelHidden'),
    link: t('catalogColLink'),
    findings: t('catalogColFindings'),
    portal: t('catalogColPortal'),
    yes: t('yes'),
    no: t('no'),
    unknown: t('catalogUnknown'),
    summary: summaryText,
  };
}

const num = (n: number) => n.toLocaleString();

function Progress({ s }: { s: CatalogState }) {
  const { env } = s;
  const [, setTick] = useState(0);
  const waitUntil = s.waitUntil.value;
  useEffect(() => {
    if (!waitUntil) return;
    // The countdown ticks each second while Graph makes us wait.
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [waitUntil]);
  const now = env.now();
  const phase = s.phase.value;
  const total = num(s.catalogs.value?.length ?? 0);
  const rows = num(s.rows.value.length);
  // While reading: catalogs dealt with; once over: catalogs actually read (failures are listed).
  const processed = num(s.doneCatalogs.value);
  const read = num(s.doneCatalogs.value - s.failures.value.length);
  let text = '';
  if (phase === 'loading')
    text = s.catalogs.value
      ? t('catalogProgress', [rows, processed, total])
      : t('catalogReadingCatalogs');
  else if (phase === 'done') text = t('catalogDone', [rows, read, total]);
  else if (phase === 'cancelled') text = t('catalogCancelled', [rows, read, total]);
  const wait = waitUntil ? Math.max(1, Math.ceil((waitUntil - now) / 1000)) : 0;
  return (
    <div class="progress">
      <p role="status" data-testid="catalog-progress" data-phase={phase}>
        {text}
      </p>
      {wait > 0 && (
        <p class="notice" data-testid="catalog-wait">
          {t('catalogWaiting', String(wait))}
        </p>
      )}
      {phase === 'loading' && (
        <button type="button" onClick={() => s.cancel()}>
          {t('catalogStop')}
        </button>
      )}
      {(phase === 'done' || phase === 'cancelled' || phase === 'failed') && (
        <button type="button" onClick={() => void s.load()}>
          {t('catalogReadAgain')}
        </button>
      )}
    </div>
  );
}

function Failures({ s }: { s: CatalogState }) {
  const failures = s.failures.value;
  if (failures.length === 0) return null;
  return (
    <section class="notice failures" data-testid="catalog-failures" aria-labelledby="failed-h">
      <h2 id="failed-h">{t('catalogFailedHeading', num(failures.length))}</h2>
      <ul>
        {failures.map((f) => (
          <li key={f.catalog.id}>
            {t('catalogFailedItem', [f.catalog.name, graphProblemText(f.problem)])}
          </li>
        ))}
      </ul>
      {s.phase.value !== 'loading' && (
        <button type="button" onClick={() => void s.retryFailed()}>
          {t('catalogRetryFailed')}
        </button>
      )}
    </section>
  );
}

function CatalogHint({ s }: { s: CatalogState }) {
  return (
    <div>
      <HintField
        id="catalog-hint"
        label={t('catalogHintLabel')}
        value={s.hint.value}
        help={s.hintFromGraph.value ? t('catalogHintFromGraph') : t('catalogHintNeeded')}
        onInput={(hint) => s.setHint(hint)}
      />
    </div>
  );
}

const COLUMNS: { key: SortKey; label: () => string }[] = [
  { key: 'name', label: () => t('catalogColName') },
  { key: 'catalog', label: () => t('labelCatalog') },
  { key: 'hidden', label: () => t('labelHidden') },
];

function SortHeader({ s, col }: { s: CatalogState; col: (typeof COLUMNS)[number] }) {
  const sort = s.sort.value;
  const active = sort.key === col.key;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" onClick={() => s.sortBy(col.key)}>
        {col.label()}
        <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

function Row({ s, row, onCopied }: { s: CatalogState; row: CatalogRow; onCopied: () => void }) {
  const selected = s.selected.value.has(row.id);
  const serious = row.summary.some((f) => f.severity === 'warning');
  return (
    <tr data-testid="catalog-row" data-id={row.id}>
      <td>
        <input
          type="checkbox"
          checked={selected}
          aria-label={t('catalogSelectRow', row.name)}
          onChange={() => s.toggle(row.id)}
        />
      </td>
      <th scope="row" id={`name-${row.id}`}>
        <a
          href={row.portalUrl}
          target="_blank"
          rel="noopener noreferrer"
          title={t('catalogOpenInPortal', row.name)}
        >
          {row.name}
        </a>
      </th>
      <td>{row.catalogName}</td>
      <td>{row.hidden === null ? t('catalogUnknown') : t(row.hidden ? 'yes' : 'no')}</td>
      <td class="link">
        {row.link ? (
          <>
            <code>{row.link}</code>{' '}
            <button
              type="button"
              aria-describedby={`name-${row.id}`}
              onClick={() => void s.copyLink(row).then((ok) => ok && onCopied())}
            >
              {t('copyLink')}
            </button>
          </>
        ) : (
          <span class="muted">{t('catalogLinkNeedsHint')}</span>
        )}
      </td>
      <td data-blocked={row.blocked} data-warning={!row.blocked && serious}>
        {summaryText(row)}
      </td>
    </tr>
  );
}

function Table({ s }: { s: CatalogState }) {
  const rows = s.pageRows.value;
  const shown = s.shown.value;
  const allSelected = shown.length > 0 && shown.every((r) => s.selected.value.has(r.id));
  if (s.rows.value.length === 0)
    return s.phase.value === 'done' ? <p class="muted">{t('catalogEmpty')}</p> : null;
  if (shown.length === 0) return <p class="muted">{t('catalogNoMatch')}</p>;
  const from = Math.min(s.page.value, s.pageCount.value - 1) * PAGE_SIZE;
  return (
    <>
      <div class="table-wrap">
        <table data-testid="catalog-table">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  checked={allSelected}
                  aria-label={t('catalogSelectShown', num(shown.length))}
                  onChange={(e) => s.selectShown(e.currentTarget.checked)}
                />
              </th>
              {COLUMNS.map((c) => (
                <SortHeader key={c.key} s={s} col={c} />
              ))}
              <th scope="col">{t('catalogColLink')}</th>
              <SortHeader s={s} col={{ key: 'findings', label: () => t('catalogColFindings') }} />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Row
                key={r.id}
                s={s}
                row={r}
                onCopied={() => s.setStatus(t('catalogCopiedLink', r.name))}
              />
            ))}
          </tbody>
        </table>
      </div>
      {s.pageCount.value > 1 && (
        <nav
          class="pager"
          aria-label={t('catalogPager', [
            num(from + 1),
            num(from + rows.length),
            num(shown.length),
          ])}
        >
          <button
            type="button"
            disabled={s.page.value === 0}
            onClick={() => s.setPage(s.page.value - 1)}
          >
            {t('catalogPrevious')}
          </button>
          <span data-testid="catalog-pager">
            {t('catalogPager', [num(from + 1), num(from + rows.length), num(shown.length)])}
          </span>
          <button
            type="button"
            disabled={s.page.value >= s.pageCount.value - 1}
            onClick={() => s.setPage(s.page.value + 1)}
          >
            {t('catalogNext')}
          </button>
        </nav>
      )}
    </>
  );
}

function Toolbar({ s }: { s: CatalogState }) {
  const selectedShown = s.shown.value.filter((r) => s.selected.value.has(r.id)).length;
  return (
    <>
      <div class="toolbar">
        <div>
          <label for="catalog-filter">{t('catalogFilterLabel')}</label>
          <input
            id="catalog-filter"
            type="search"
            spellcheck={false}
            value={s.query.value}
            onInput={(e) => s.setQuery(e.currentTarget.value)}
          />
        </div>
        <div>
          <LabelledSelect
            id="catalog-finding"
            label={t('catalogFindingLabel')}
            value={s.finding.value}
            options={FINDING_FILTERS}
            text={(f) => t(FILTER_LABELS[f])}
            onChange={(f) => s.setFinding(f)}
          />
        </div>
        <CatalogHint s={s} />
      </div>
      <div class="actions">
        <span class="muted" data-testid="catalog-selection">
          {selectedShown > 0
            ? t('catalogSelection', num(selectedShown))
            : t('catalogNoSelection', num(s.shown.value.length))}
        </span>
        <button
          type="button"
          disabled={s.shown.value.length === 0}
          onClick={async () => {
            const n = await s.copyTable(exportLabels());
            s.setStatus(n ? t('catalogCopiedTable', num(n)) : t('copyFailed'));
          }}
        >
          {t('catalogCopyTable')}
        </button>
        <button
          type="button"
          disabled={s.shown.value.length === 0}
          onClick={() => s.setStatus(t('catalogExported', num(s.exportCsv(exportLabels()))))}
        >
          {t('catalogExportCsv')}
        </button>
        <span role="status" data-testid="catalog-status">
          {s.status.value}
        </span>
      </div>
    </>
  );
}

export function CatalogPage({
  env,
  catalogId,
  locale,
  onFirstRows,
  onAllRows,
}: {
  env: CatalogEnv;
  catalogId?: string;
  locale?: string;
  /** For the bench: the first rows are on screen, then every row. */
  onFirstRows?: () => void;
  onAllRows?: () => void;
}) {
  const s = useMemo(() => createCatalogState(env, { catalogId, locale }), [env, catalogId, locale]);
  useEffect(() => void s.load(), [s]);
  const count = s.rows.value.length;
  const phase = s.phase.value;
  const hasRows = count > 0;
  useEffect(() => {
    if (hasRows) onFirstRows?.();
  }, [hasRows, onFirstRows]);
  useEffect(() => {
    if (phase === 'done') onAllRows?.();
  }, [phase, onAllRows]);
  const one = catalogId !== undefined;
  const name = one ? s.catalogs.value?.[0]?.name : undefined;
  return (
    <main class="catalog-page">
      <h1>
        {one
          ? name
            ? t('catalogHeadingOne', name)
            : t('catalogHeadingOneUnknown')
          : t('catalogHeadingAll')}
      </h1>
      <p class="muted">{t('catalogIntro')}</p>
      {one && (
        <p>
          <a href="?">{t('catalogShowAll')}</a>
        </p>
      )}
      {phase === 'signed-out' && (
        <div class="notice" data-testid="catalog-signed-out">
          <p>{t('catalogSignedOut')}</p>
          <button type="button" class="primary" onClick={() => void env.openOptions()}>
            {t('catalogOpenOptions')}
          </button>{' '}
          <button type="button" onClick={() => void s.load()}>
            {t('catalogReadAgain')}
          </button>
        </div>
      )}
      {phase === 'failed' && s.problem.value && (
        <div>
          <p class="error" role="alert" data-testid="catalog-problem">
            {graphProblemText(s.problem.value)}
          </p>
          {needsSignIn(s.problem.value) && (
            <button type="button" class="primary" onClick={() => void env.openOptions()}>
              {t('catalogOpenOptions')}
            </button>
          )}
        </div>
      )}
      {phase !== 'signed-out' && phase !== 'starting' && <Progress s={s} />}
      <Failures s={s} />
      {(count > 0 || phase === 'done') && <Toolbar s={s} />}
      <Table s={s} />
    </main>
  );
}
