// A page about one row named by the id in its path (an incident, a maintenance): one
// address per page, so /incidents/00057 answers 301 to /incidents/57 (the route table lets
// such an id through for this); an id that names nothing is the not-found page (404).
import type { AstroGlobal } from 'astro';
import { localePath } from '#src/i18n/locale.ts';
import type { ReadContext } from './context.ts';
import { canonicalId } from './locale.ts';

/** The redirect to the canonical address; else what `load` finds for the id, null (status 404) for nothing. */
export async function pageById<T>(Astro: AstroGlobal, path: string, load: (context: ReadContext, id: string | undefined) => Promise<T | null>): Promise<T | Response | null> {
  const canonical = canonicalId(Astro.params.id);
  if (canonical) return Astro.redirect(localePath(Astro.locals.locale, `${path}/${canonical}`), 301);
  const data = await load(Astro.locals, Astro.params.id);
  if (!data) Astro.response.status = 404;
  return data;
}
