import { isLocale, LOCALE_CODES, type Locale } from '../i18n/locales';

// An email can be written in every language the extension ships messages for.
export const EMAIL_LANGUAGES: readonly Locale[] = LOCALE_CODES;
export type EmailLanguage = Locale;
export const isEmailLanguage = isLocale;

/** The email language for a browser UI language ('fr-BE' → 'fr'); English when none is shipped. */
export function emailLanguageFor(uiLanguage: string): EmailLanguage {
  const base = uiLanguage.toLowerCase().split(/[-_]/)[0];
  return isEmailLanguage(base) ? base : 'en';
}
