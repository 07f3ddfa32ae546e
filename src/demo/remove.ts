// Removes the demo history and nothing else, in one transaction: the incidents, maintenance
// and outages the demo generator wrote (their external ids begin with DEMO_ID_PREFIX), and
// the KPI months and measured-since moments it set, recognised by generating the same
// history again for the date its open incident names, and touched only where they still
// hold exactly the demo's values (an import since then keeps what it wrote). A product
// whose measured-since the demo set is measured again from the catalogue's moment or, when
// the catalogue names none, from now, as on a new database. One audit row records it, and
// start-up does not fill the database with demo history again afterwards (see boot.ts).
import { and, eq, like } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { auditLog, incidents, maintenances, monthlyKpis, outages, products } from '#db/schema.ts';
import { bumpDataVersion } from '#src/commands/data-version.ts';
import type { Catalogue } from '#src/products/catalogue.ts';
import { generateDemoHistory } from './history.ts';
import { DEMO_ID_PREFIX, demoDayOf } from './marker.ts';

export interface DemoRemoval {
  incidents: number;
  maintenances: number;
  outages: number;
  kpis: number;
  products: number;
}

/** The audit row of a removal; start-up never seeds demo history into a database that has one. */
export const DEMO_REMOVED = { actor: 'demo', action: 'remove', entityType: 'history' } as const;

export async function removeDemoHistory(db: Database, catalogue: Catalogue, now: Date): Promise<DemoRemoval> {
  const demo = `${DEMO_ID_PREFIX}%`;
  return db.transaction(async (tx) => {
    const openIncidents = await tx.select({ externalId: incidents.externalId }).from(incidents).where(like(incidents.externalId, demo));
    const days = [...new Set(openIncidents.map((i) => demoDayOf(i.externalId ?? '')).filter((d) => d !== null))];
    let kpis = 0;
    let productsReset = 0;
    const since = new Map(catalogue.groups.flatMap((g) => g.products).map((p) => [p.slug, p.measuredSince ? new Date(p.measuredSince) : now]));
    for (const day of days) {
      const generated = generateDemoHistory(new Date(`${day}T12:00:00Z`));
      for (const k of generated.kpis ?? []) {
        const gone = await tx
          .delete(monthlyKpis)
          .where(and(eq(monthlyKpis.month, k.month), eq(monthlyKpis.callSetupSeconds, k.callSetupSeconds), eq(monthlyKpis.callSuccessRatio, k.callSuccessRatio)))
          .returning({ month: monthlyKpis.month });
        kpis += gone.length;
      }
      for (const p of generated.products ?? []) {
        const reset = await tx
          .update(products)
          .set({ measuredSince: since.get(p.slug) ?? now })
          .where(and(eq(products.slug, p.slug), eq(products.measuredSince, new Date(p.measuredSince))))
          .returning({ id: products.id });
        productsReset += reset.length;
      }
    }
    // Updates, impacts, maintenance products and revisions go with their rows (on delete cascade).
    const gone = {
      incidents: (await tx.delete(incidents).where(like(incidents.externalId, demo)).returning({ id: incidents.id })).length,
      maintenances: (await tx.delete(maintenances).where(like(maintenances.externalId, demo)).returning({ id: maintenances.id })).length,
      outages: (await tx.delete(outages).where(like(outages.externalId, demo)).returning({ id: outages.id })).length,
    };
    const removal: DemoRemoval = { ...gone, kpis, products: productsReset };
    await tx.insert(auditLog).values({ ...DEMO_REMOVED, after: removal, at: now });
    // What the page shows changed: readers and caches must see a new published state.
    await bumpDataVersion(tx, now);
    return removal;
  });
}

/** Whether the demo history was removed from this database once (then start-up leaves it empty). */
export async function demoWasRemoved(db: Database): Promise<boolean> {
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.actor, DEMO_REMOVED.actor), eq(auditLog.action, DEMO_REMOVED.action), eq(auditLog.entityType, DEMO_REMOVED.entityType)))
    .limit(1);
  return rows.length > 0;
}
