import type { Verdict } from '../link/types';
import { pushRecent } from '../recent';

/** One link the user checked or shared, kept on this device only. */
export interface HistoryEntry {
  /** The canonical link when valid, else the link as found. */
  link: string;
  verdict: Verdict;
  directoryHint: string | null;
  /** ISO 8601 time. */
  at: string;
  action: 'checked' | 'copied' | 'opened' | 'shared';
}

const VERDICTS: readonly string[] = ['valid', 'repairable', 'invalid', 'dangerous'];
const ACTIONS: readonly string[] = ['checked', 'copied', 'opened', 'shared'];

function isEntry(v: unknown): v is HistoryEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.link === 'string' &&
    e.link.length <= 4096 &&
    typeof e.verdict === 'string' &&
    VERDICTS.includes(e.verdict) &&
    (e.directoryHint === null || typeof e.directoryHint === 'string') &&
    typeof e.at === 'string' &&
    !Number.isNaN(Date.parse(e.at)) &&
    typeof e.action === 'string' &&
    ACTIONS.includes(e.action)
  );
}

/** Stored history, with corrupt entries dropped (the good ones are kept). */
export function parseHistory(raw: unknown): HistoryEntry[] {
  return Array.isArray(raw) ? raw.filter(isEntry) : [];
}

/** Newest first; the same link again moves to the top instead of repeating. */
export function addToHistory(
  list: HistoryEntry[],
  entry: HistoryEntry,
  cap: number,
): HistoryEntry[] {
  return pushRecent(list, entry, cap, (e) => e.link);
}

// A cell starting with = + - @ (or a tab/CR) is a formula to spreadsheet programs: neutralise it.
// Every CSV export of the extension writes its cells with this.
export function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** RFC 4180 CSV with a header row, CRLF line ends. */
export function historyToCsv(list: HistoryEntry[]): string {
  const rows = [
    ['time', 'action', 'verdict', 'directory', 'link'],
    ...list.map((e) => [e.at, e.action, e.verdict, e.directoryHint ?? '', e.link]),
  ];
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
