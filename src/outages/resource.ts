// An outage as the write API returns it.
import { eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { outages, products } from '#db/schema.ts';

export async function outageResource(db: Database, id: number) {
  const [row] = await db.select({ outage: outages, product: products.slug }).from(outages).innerJoin(products, eq(products.id, outages.productId)).where(eq(outages.id, id));
  if (!row) return null;
  const o = row.outage;
  return { id: o.id, externalId: o.externalId, version: o.version, product: row.product, start: o.startedAt, end: o.endedAt, impact: o.impact, source: o.source, note: o.note };
}
