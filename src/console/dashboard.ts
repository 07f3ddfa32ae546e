// What the NOC needs at a glance: open incidents with their SLA clocks (next public update
// due, overdue, response and resolution marks), ongoing outages (also those Alertmanager
// opened without an incident), maintenance in the next 7 days with any rule it breaks, and
// this month's availability per product against its target.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { outages, products } from '#db/schema.ts';
import { loadAvailabilityTable } from '#src/availability/load.ts';
import { loadActiveIncidents, timersOf } from '#src/incidents/queries.ts';
import { loadCurrentMaintenance } from '#src/maintenance/queries.ts';
import type { SlaSettings } from '#src/sla/settings.ts';

const WEEK_MS = 7 * 86_400_000;

export async function loadDashboard(db: Database, now: Date, settings: SlaSettings) {
  const [incidents, ongoing, maintenance, availability] = await Promise.all([
    loadActiveIncidents(db),
    db
      .select({ id: outages.id, product: products.slug, nameNl: products.nameNl, nameEn: products.nameEn, startedAt: outages.startedAt, impact: outages.impact, source: outages.source, note: outages.note })
      .from(outages)
      .innerJoin(products, eq(products.id, outages.productId))
      .where(and(isNull(outages.endedAt)))
      .orderBy(desc(outages.startedAt)),
    loadCurrentMaintenance(db, now),
    loadAvailabilityTable(db, now, settings, 1),
  ]);
  const inIncident = new Set(incidents.flatMap((i) => Object.entries(i.updates[0]?.impacts ?? {}).filter(([, impact]) => impact !== 'operational').map(([slug]) => slug)));
  return {
    incidents: incidents.map((incident) => ({ incident, timers: timersOf(incident, now, settings.officeHours) })),
    outages: ongoing.map((o) => ({ ...o, withoutIncident: !inIncident.has(o.product) })),
    maintenance: [...maintenance.inProgress, ...maintenance.upcoming].filter((m) => +m.windowStart < +now + WEEK_MS),
    availability: availability.products.map(({ product, rows }) => ({ product, row: rows[0]! })),
    month: availability.months[0]!,
  };
}
