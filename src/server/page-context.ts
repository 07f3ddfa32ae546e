// What every page needs from the runtime: the database, the SLA settings in force and one
// `now` for the whole request, so all figures on a page agree with each other.
import type { Database } from '#db/client.ts';
import type { SlaSettings } from '#src/sla/settings.ts';
import { slaSettingsOf } from './config.ts';
import { getRuntime } from './runtime.ts';

export interface PageContext {
  db: Database;
  settings: SlaSettings;
  siteUrl: string;
  now: Date;
}

export function pageContext(): PageContext {
  const { config, database } = getRuntime();
  return { db: database.db, settings: slaSettingsOf(config), siteUrl: config.siteUrl, now: new Date() };
}
