import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, termsText } from '../../lib/email/terms-text';
import type { RequestTerms } from '../../lib/graph/facts';
import type { Catalogue } from '../../lib/i18n/format-message';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import nl from '../../public/_locales/nl/messages.json';

const CATALOGUES: Record<string, Catalogue> = { en, fr, nl };
// French puts a no-break space between a number and its unit: compare as ordinary spaces.
const plain = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, ' ') ?? null;
const d = (years = 0, months = 0, weeks = 0, days = 0, hours = 0) => ({
  years,
  months,
  weeks,
  days,
  hours,
});

describe('email terms in the reader’s language', () => {
  it.each<[string, ReturnType<typeof d>, string]>([
    // Plurals by each language's own rules: "1 day", never "1 days".
    ['en', d(0, 0, 0, 1), '1 day'],
    ['en', d(0, 0, 0, 30), '30 days'],
    ['fr', d(0, 0, 0, 1), '1 jour'],
    ['fr', d(0, 0, 0, 2), '2 jours'],
    ['nl', d(0, 0, 0, 1), '1 dag'],
    ['nl', d(0, 0, 0, 14), '14 dagen'],
    // Months and years stay months and years: never 30 or 365 days.
    ['en', d(1), '1 year'],
    ['en', d(0, 6), '6 months'],
    ['fr', d(1, 6), '1 an et 6 mois'],
    ['nl', d(2), '2 jaar'],
    ['nl', d(0, 1), '1 maand'],
    ['en', d(0, 0, 2), '2 weeks'],
    ['fr', d(0, 0, 0, 0, 8), '8 heures'],
  ])('%s: %j → %s', (lang, duration, expected) => {
    expect(plain(formatDuration(lang, duration))).toBe(expected);
  });

  it.each<[string, string, string | undefined, string]>([
    // A calendar date is that day everywhere: no "30 March" west of UTC.
    ['en', '2027-03-31', 'America/Los_Angeles', 'March 31, 2027'],
    ['fr', '2027-03-31', 'Pacific/Honolulu', '31 mars 2027'],
    ['nl', '2027-03-31', 'Asia/Tokyo', '31 maart 2027'],
    // An instant is the day it falls on where the sender is.
    ['en', '2027-06-30T00:00:00Z', 'UTC', 'June 30, 2027'],
    ['en', '2027-06-30T00:00:00Z', 'America/New_York', 'June 29, 2027'],
    ['fr', '2027-06-29T22:00:00Z', 'Europe/Brussels', '30 juin 2027'],
  ])('%s: %s in %s → %s', (lang, dateTime, zone, expected) => {
    expect(plain(formatDate(lang, dateTime, zone))).toBe(expected);
  });

  it.each<[string, RequestTerms, string | null]>([
    [
      'en',
      { approval: null, expiry: { kind: 'duration', duration: d(0, 0, 0, 1) } },
      'Access lasts 1 day from when it is granted.',
    ],
    [
      'fr',
      { approval: null, expiry: { kind: 'duration', duration: d(1) } },
      'L’accès dure 1 an à partir de son attribution.',
    ],
    [
      'nl',
      { approval: null, expiry: { kind: 'date', dateTime: '2027-03-31' } },
      'De toegang eindigt op 31 maart 2027.',
    ],
    ['en', { approval: null, expiry: { kind: 'never' } }, 'Access does not expire.'],
    ['en', { approval: null, expiry: null }, null],
  ])('%s: the expiry sentence', (lang, terms, expected) => {
    expect(plain(termsText(CATALOGUES[lang]!, lang, terms, 'UTC').expiry)).toBe(expected);
  });

  it('approval sentences come from the email’s language, not the browser’s', () => {
    expect(termsText(fr, 'fr', { approval: 'required', expiry: null }).approval).toBe(
      fr.emailApprovalRequired.message,
    );
    expect(termsText(nl, 'nl', { approval: 'not-required', expiry: null }).approval).toBe(
      nl.emailApprovalNotRequired.message,
    );
    expect(termsText(en, 'en', null)).toEqual({ approval: null, expiry: null });
  });
});
