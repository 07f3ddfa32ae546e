// Everything the home page shows, loaded in one go and bounded however long the history
// is: current health, 90-day bars with this month's figure, unresolved incidents with
// their SLA timers, maintenance in progress and ahead.
import type { ReadContext } from '#src/http/context.ts';
import type { IncidentTimers } from '#src/sla/incident-timers.ts';
import { loadRecentAvailability, type RecentAvailability, type RecentAvailabilityData } from '#src/availability/load.ts';
import { loadCurrentHealth, type CurrentHealth } from '#src/products/current-health.ts';
import { loadActiveIncidents, timersOf, type IncidentView } from '#src/incidents/queries.ts';
import { loadCurrentMaintenance, type MaintenanceLists } from '#src/maintenance/queries.ts';

export interface HomePageData {
  health: CurrentHealth;
  recent: Map<string, RecentAvailability>;
  incidentTitles: RecentAvailabilityData['incidentTitles'];
  maintenanceTitles: RecentAvailabilityData['maintenanceTitles'];
  incidents: { incident: IncidentView; timers: IncidentTimers }[];
  maintenance: MaintenanceLists;
}

export async function loadHomePage({ db, now, sla }: ReadContext, productSlug?: string): Promise<HomePageData> {
  const [health, recent, incidents, maintenance] = await Promise.all([
    loadCurrentHealth(db, now),
    loadRecentAvailability(db, now, sla),
    loadActiveIncidents(db),
    loadCurrentMaintenance(db, now, productSlug),
  ]);
  return {
    health,
    recent: new Map(recent.products.map((r) => [r.product.slug, r])),
    incidentTitles: recent.incidentTitles,
    maintenanceTitles: recent.maintenanceTitles,
    incidents: incidents
      .filter((incident) => !productSlug || incident.updates.some((u) => productSlug in u.impacts))
      .map((incident) => ({ incident, timers: timersOf(incident, now, sla.officeHours) })),
    maintenance,
  };
}
