// The two languages: Dutch by default at /…, English at /en/… (the same paths), and how a
// text written in both is chosen. No words here: those are in nl.ts and en.ts.
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The Intl locale each language formats dates and numbers with. */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { nl: 'nl-NL', en: 'en-GB' };

/** The path of a page in a language: Dutch at /…, English at /en/…. */
export function localePath(locale: Locale, path: string): string {
  return locale === 'nl' ? path : path === '/' ? '/en/' : `/en${path}`;
}

/**
 * The `lang` of a text of the NOC's on a page in `locale`: "nl" on an English page when
 * there is no English version (`en` null), so the Dutch fallback is read out as Dutch;
 * undefined (no attribute) when the text is in the page's language.
 */
export function textLang(en: string | null, locale: Locale): Locale | undefined {
  return locale === 'en' && !en ? 'nl' : undefined;
}

/** The English text when asked for and present, else the Dutch one (the NOC writes Dutch). */
export function localized(nl: string, en: string | null, locale: Locale): string {
  return locale === 'en' && en ? en : nl;
}
