// Read model for "how is everything right now": every product by group with its current
// status, the open incidents and the maintenance in progress. Loads a bounded amount of
// data (open incidents' latest updates, maintenance around now) however long the history
// is, and leaves the derivation to the pure SLA module.
// Open incidents, ongoing outages and maintenance in progress all count.
import { and, desc, eq, gt, inArray, isNull, lte, ne, or } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import {
  incidentUpdateImpacts,
  incidentUpdates,
  incidents,
  maintenanceProducts,
  maintenances,
  outages,
} from '#db/schema.ts';
import type { Impact, ProductStatus } from '#src/domain/vocabulary.ts';
import { effectiveMaintenanceState } from '#src/sla/maintenance-state.ts';
import { loadProducts } from '#src/products/load.ts';
import { deriveOverallStatus, deriveProductStatus, type OverallStatus } from '#src/sla/product-status.ts';

export interface ProductHealth {
  id: number;
  slug: string;
  name: { nl: string; en: string };
  target: number | null;
  status: ProductStatus;
}

export interface GroupHealth {
  slug: string;
  name: { nl: string; en: string };
  products: ProductHealth[];
}

export interface CurrentHealth {
  overall: OverallStatus;
  groups: GroupHealth[];
}

export async function loadCurrentHealth(db: Database, now: Date): Promise<CurrentHealth> {
  const [productList, openImpacts, maintenanceRows] = await Promise.all([
    loadProducts(db),
    loadOpenImpacts(db, now),
    db
      .select({ maintenance: maintenances, productId: maintenanceProducts.productId })
      .from(maintenances)
      .innerJoin(maintenanceProducts, eq(maintenanceProducts.maintenanceId, maintenances.id))
      .where(
        and(
          inArray(maintenances.state, ['scheduled', 'in_progress']),
          or(eq(maintenances.state, 'in_progress'), and(lte(maintenances.windowStart, now), gt(maintenances.windowEnd, now))),
        ),
      ),
  ]);

  const inMaintenance = new Set(
    maintenanceRows.filter((r) => effectiveMaintenanceState(r.maintenance, now) === 'in_progress').map((r) => r.productId),
  );
  const groups: GroupHealth[] = [];
  for (const product of productList) {
    let target = groups.at(-1);
    if (target?.slug !== product.group.slug) {
      target = { slug: product.group.slug, name: product.group.name, products: [] };
      groups.push(target);
    }
    target.products.push({
      id: product.id,
      slug: product.slug,
      name: product.name,
      target: product.target,
      status: deriveProductStatus({
        openImpacts: openImpacts.get(product.id) ?? [],
        inMaintenance: inMaintenance.has(product.id),
      }),
    });
  }
  return { overall: deriveOverallStatus(groups.flatMap((g) => g.products.map((p) => p.status))), groups };
}

/**
 * Impacts in force per product: from the latest update of every unresolved incident, and
 * from every recorded outage that has begun and not ended (a recorded outage without an
 * incident still means the product is down).
 */
async function loadOpenImpacts(db: Database, now: Date): Promise<Map<number, Impact[]>> {
  const [fromIncidents, ongoing] = await Promise.all([
    loadOpenIncidentImpacts(db),
    db
      .select({ productId: outages.productId, impact: outages.impact })
      .from(outages)
      .where(and(lte(outages.startedAt, now), or(isNull(outages.endedAt), gt(outages.endedAt, now)))),
  ]);
  for (const row of ongoing) fromIncidents.set(row.productId, [...(fromIncidents.get(row.productId) ?? []), row.impact]);
  return fromIncidents;
}

/** Impacts per product from the latest update of every unresolved incident. */
async function loadOpenIncidentImpacts(db: Database): Promise<Map<number, Impact[]>> {
  const latest = await db
    .selectDistinctOn([incidentUpdates.incidentId], { updateId: incidentUpdates.id })
    .from(incidentUpdates)
    .innerJoin(incidents, eq(incidents.id, incidentUpdates.incidentId))
    .where(and(isNull(incidents.resolvedAt), ne(incidents.status, 'resolved')))
    .orderBy(incidentUpdates.incidentId, desc(incidentUpdates.publishedAt), desc(incidentUpdates.id));
  const byProduct = new Map<number, Impact[]>();
  if (latest.length === 0) return byProduct;
  const rows = await db
    .select()
    .from(incidentUpdateImpacts)
    .where(inArray(incidentUpdateImpacts.updateId, latest.map((l) => l.updateId)));
  for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), row.impact]);
  return byProduct;
}
