// Selected rows out of the page: CSV (formula-safe, as the history export) and a table that pastes
// well into a wiki or a ticket (HTML) and into plain text alike.
import { cell } from '../history/history';
import type { CatalogRow } from './rows';

export interface ExportLabels {
  name: string;
  catalog: string;
  hidden: string;
  link: string;
  findings: string;
  portal: string;
  yes: string;
  no: string;
  unknown: string;
  /** The one-line summary of a row, in the user's language. */
  summary(row: CatalogRow): string;
}

function columns(row: CatalogRow, l: ExportLabels): string[] {
  return [
    row.name,
    row.catalogName,
    row.hidden === null ? l.unknown : row.hidden ? l.yes : l.no,
    row.link ?? '',
    l.summary(row),
    row.portalUrl,
  ];
}

const header = (l: ExportLabels) => [l.name, l.catalog, l.hidden, l.link, l.findings, l.portal];

/** RFC 4180 CSV with a header row and CRLF line ends; cells that look like formulas are neutralised. */
export function rowsToCsv(rows: readonly CatalogRow[], l: ExportLabels): string {
  return (
    [header(l), ...rows.map((r) => columns(r, l))].map((r) => r.map(cell).join(',')).join('\r\n') +
    '\r\n'
  );
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Only web links become anchors in the HTML; anything else stays text. */
const anchor = (url: string) =>
  /^https:\/\//.test(url) ? `<a href="${esc(url)}">${esc(url)}</a>` : esc(url);

/**
 * The rows as a table: HTML (names, links as anchors) and tab-separated text. The portal column is
 * left out: a wiki page or ticket is for people who request, not for admins.
 */
export function rowsToTable(
  rows: readonly CatalogRow[],
  l: ExportLabels,
): { html: string; text: string } {
  const head = header(l).slice(0, 5);
  const body = rows.map((r) => columns(r, l).slice(0, 5));
  const html =
    '<table><thead><tr>' +
    head.map((h) => `<th>${esc(h)}</th>`).join('') +
    '</tr></thead><tbody>' +
    body
      .map(
        (cols) =>
          '<tr>' +
          cols.map((c, i) => `<td>${i === 3 ? anchor(c) : esc(c)}</td>`).join('') +
          '</tr>',
      )
      .join('') +
    '</tbody></table>';
  // Tabs and line breaks inside a cell would break the columns: they become spaces.
  const plain = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const text = [head, ...body].map((cols) => cols.map(plain).join('\t')).join('\n') + '\n';
  return { html, text };
}
