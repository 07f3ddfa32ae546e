// The language of a request, from its path: Dutch at /…, English at /en/… (the same paths).
import type { Locale } from '#src/i18n/locale.ts';

/** The locale of a path and the path without its language prefix ("/en/history" → en, "/history"). */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  if (pathname === '/en' || pathname.startsWith('/en/')) return { locale: 'en', path: pathname.slice(3) || '/' };
  return { locale: 'nl', path: pathname };
}
