// The request context: one object per request on Astro.locals, built by the middleware
// (src/middleware.ts) from the booted runtime. Pages, layouts, endpoints and the loaders
// they call read the database, the clock, the SLA settings, the public address, the
// language and the configuration from here, never from process-wide state: one `now` for the whole request, so
// all figures on a page agree with each other. (The signed-in user will join it.)
import type { Database } from '#db/client.ts';
import type { Config } from '#src/config/environment.ts';
import type { Runtime } from '#src/config/runtime.ts';
import type { Locale } from '#src/i18n/locale.ts';
import type { SlaSettings } from '#src/sla/settings.ts';

export interface RequestContext {
  db: Database;
  /** The request's moment, read once from the runtime's clock. */
  now: Date;
  /** The SLA engine's settings in force (impact weights, office hours). */
  sla: SlaSettings;
  /** Absolute public URL without a trailing slash (SITE_URL), never the request's Host. */
  siteUrl: string;
  /** From the path: /en/… is English, everything else Dutch. */
  locale: Locale;
  /** The validated configuration (limits, session settings, networks). */
  config: Config;
  /** The booted process itself, for the routes that look after it: /readyz (the database
   *  handle, the migrations it started with) and the first-run set-up link. */
  runtime: Runtime;
}

/** What a loader of figures needs: rows, the moment and the SLA settings. */
export type ReadContext = Pick<RequestContext, 'db' | 'now' | 'sla'>;
