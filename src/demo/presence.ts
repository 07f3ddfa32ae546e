// Whether the database holds demo history (src/demo/marker.ts): while it does, every page
// says so (src/layouts/Page.astro). One query of three EXISTS, stopping at the first row.
import { like, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { incidents, maintenances, outages } from '#db/schema.ts';
import { DEMO_ID_PREFIX } from './marker.ts';

export async function holdsDemoHistory(db: Database): Promise<boolean> {
  const demo = `${DEMO_ID_PREFIX}%`;
  const [row] = await db
    .select({
      found: sql<boolean>`exists (${db.select({ one: sql`1` }).from(incidents).where(like(incidents.externalId, demo))})
        or exists (${db.select({ one: sql`1` }).from(maintenances).where(like(maintenances.externalId, demo))})
        or exists (${db.select({ one: sql`1` }).from(outages).where(like(outages.externalId, demo))})`,
    })
    .from(sql`(select 1) as probe`);
  return row?.found === true;
}
