// The language of a request, from its path: Dutch at /…, English at /en/… (the same paths).
import { parseId } from '#src/domain/ids.ts';
import type { Locale } from '#src/i18n/locale.ts';

/** The locale of a path and the path without its language prefix ("/en/history" → en, "/history"). */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  if (pathname === '/en' || pathname.startsWith('/en/')) return { locale: 'en', path: pathname.slice(3) || '/' };
  return { locale: 'nl', path: pathname };
}

/** "00057" → "57": the canonical form of a numeric id that is written otherwise; null when it is canonical or no id at all. */
export function canonicalId(id: string | undefined): string | null {
  const number = parseId(id);
  if (number === null) return null;
  const canonical = String(number);
  return canonical === id ? null : canonical;
}
