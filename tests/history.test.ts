import { describe, expect, it } from 'vitest';
import {
  addToHistory,
  historyToCsv,
  parseHistory,
  type HistoryEntry,
} from '../lib/history/history';

const e = (
  link: string,
  at = '2026-11-20T10:00:00.000Z',
  over: Partial<HistoryEntry> = {},
): HistoryEntry => ({
  link,
  verdict: 'valid',
  directoryHint: 'contoso.com',
  at,
  action: 'copied',
  ...over,
});

describe('history', () => {
  it('keeps the newest first, moves a repeated link to the top, and respects the cap', () => {
    let list: HistoryEntry[] = [];
    for (const l of ['a', 'b', 'c', 'a']) list = addToHistory(list, e(l), 3);
    expect(list.map((x) => x.link)).toEqual(['a', 'c', 'b']);
    expect(addToHistory(list, e('d'), 2).map((x) => x.link)).toEqual(['d', 'a']);
    expect(addToHistory(list, e('d'), 0)).toEqual([]);
  });

  it('drops corrupt stored entries and keeps the good ones', () => {
    expect(
      parseHistory([
        e('ok'),
        { link: 1 },
        null,
        e('bad', 'not a date'),
        e('x', undefined, { verdict: 'great' as 'valid' }),
        e('ok2'),
      ]).map((x) => x.link),
    ).toEqual(['ok', 'ok2']);
    expect(parseHistory('nope')).toEqual([]);
  });

  it('exports RFC 4180 CSV, quoting quotes and neutralising formulas', () => {
    const csv = historyToCsv([
      e('https://myaccess.microsoft.com/@contoso.com#/access-packages/x'),
      e('=HYPERLINK("http://evil")', undefined, { directoryHint: null, verdict: 'invalid' }),
    ]);
    expect(csv).toBe(
      '"time","action","verdict","directory","link"\r\n' +
        '"2026-11-20T10:00:00.000Z","copied","valid","contoso.com","https://myaccess.microsoft.com/@contoso.com#/access-packages/x"\r\n' +
        '"2026-11-20T10:00:00.000Z","copied","invalid","","\'=HYPERLINK(""http://evil"")"\r\n',
    );
  });
});
