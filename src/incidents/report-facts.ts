// Loads what an incident's SLA facts need (src/sla/incident-facts.ts): every impact and
// announced window of the months the incident touched, the incident's own impacts kept
// apart, so the month's availability can be shown without and with it.
import type { ReadContext } from '#src/http/context.ts';
import { loadSlaHistory } from '#src/availability/sla-history.ts';
import type { ProductInfo } from '#src/products/load.ts';
import { incidentFacts, monthsTouched, type IncidentFacts } from '#src/sla/incident-facts.ts';
import { addMonths, monthStart } from '#src/time/zone.ts';
import type { Impact, IncidentCategory, IncidentStatus } from '#src/domain/vocabulary.ts';

/** The incident as its page holds it: updates newest first, each with its impact snapshot. */
export interface FactsIncident {
  id: number;
  category: IncidentCategory;
  reportedAt: Date;
  resolvedAt: Date | null;
  updates: readonly { publishedAt: Date; status: IncidentStatus; impacts: Readonly<Record<string, Impact>> }[];
}

export async function loadIncidentFacts({ db, now, sla }: ReadContext, incident: FactsIncident, products: ProductInfo[]): Promise<IncidentFacts> {
  const reportedAt = +incident.reportedAt;
  const months = monthsTouched(reportedAt, +(incident.resolvedAt ?? now));
  const start = monthStart(months[0]!);
  const end = Math.max(start, Math.min(monthStart(addMonths(months.at(-1)!, 1)), +now));
  const history = await loadSlaHistory(db, { start: new Date(start), end: new Date(end) });
  return incidentFacts({
    incident: {
      category: incident.category,
      reportedAt,
      // Oldest first, each with its full impact snapshot.
      updates: [...incident.updates].reverse().map((u) => ({ publishedAt: +u.publishedAt, status: u.status, impacts: u.impacts })),
    },
    products,
    otherImpacts: history.impacts.filter((interval) => interval.incidentId !== incident.id),
    maintenance: history.maintenance,
    now: +now,
    weights: sla.weights,
    officeHours: sla.officeHours,
  });
}
