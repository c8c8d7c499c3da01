/**
 * The languages the extension ships, each with its own name (as language pickers show it, so a
 * reader finds theirs whatever the interface language). Adding one: a `public/_locales/<code>/
 * messages.json` and an entry here; `tests/meta.test.ts` fails until both exist.
 */
export const LOCALES = {
  en: 'English',
  fr: 'Français',
  nl: 'Nederlands',
} as const;

export type Locale = keyof typeof LOCALES;
export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && Object.hasOwn(LOCALES, v);
}
