// Approval and expiry as sentences of the email's language (not the browser's): dates and
// durations written by Intl in that language, so plurals follow its rules ("1 day", "2 jours").
import type { Duration, RequestTerms } from '../graph/facts';
import { formatMessage, type Catalogue } from '../i18n/format-message';

const UNITS = ['year', 'month', 'week', 'day', 'hour'] as const;
const FIELD: Record<(typeof UNITS)[number], keyof Duration> = {
  year: 'years',
  month: 'months',
  week: 'weeks',
  day: 'days',
  hour: 'hours',
};

/** "1 year and 6 months", "2 semaines", "8 uur": each unit as Graph gave it, none converted. */
export function formatDuration(lang: string, d: Duration): string {
  const parts = UNITS.filter((u) => d[FIELD[u]] > 0).map((unit) =>
    new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(
      d[FIELD[unit]],
    ),
  );
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(parts);
}

/**
 * A date in the reader's language. A calendar date (`2027-03-31`) is that day wherever one
 * reads it (no shift to the day before west of UTC); an instant is the day it falls on in
 * `timeZone` (the sender's, by default).
 */
export function formatDate(lang: string, dateTime: string, timeZone?: string): string {
  const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateTime);
  const at = calendar
    ? Date.UTC(Number(calendar[1]), Number(calendar[2]) - 1, Number(calendar[3]))
    : Date.parse(dateTime);
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'long',
    timeZone: calendar ? 'UTC' : timeZone,
  }).format(at);
}

/** The sentences the template's {approval} and {expiry} take, when Graph said; null otherwise. */
export function termsText(
  catalogue: Catalogue,
  lang: string,
  terms: RequestTerms | null | undefined,
  timeZone?: string,
): { approval: string | null; expiry: string | null } {
  const e = terms?.expiry;
  return {
    approval: terms?.approval
      ? formatMessage(
          catalogue,
          terms.approval === 'required' ? 'emailApprovalRequired' : 'emailApprovalNotRequired',
        )
      : null,
    expiry: !e
      ? null
      : e.kind === 'never'
        ? formatMessage(catalogue, 'emailExpiryNever')
        : e.kind === 'duration'
          ? formatMessage(catalogue, 'emailExpiryDuration', formatDuration(lang, e.duration))
          : formatMessage(catalogue, 'emailExpiryDate', formatDate(lang, e.dateTime, timeZone)),
  };
}
