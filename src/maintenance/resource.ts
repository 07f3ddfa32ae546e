// A maintenance as the write API returns it: the page's view (state read off the clock,
// the SLA rules it breaks), with its version, revision (the calendar's SEQUENCE) and URL.
import type { Database } from '#db/client.ts';
import { describeBreach } from '#src/i18n/maintenance-rules.ts';
import { loadMaintenance } from '#src/maintenance/queries.ts';

export async function maintenanceResource(db: Database, id: number, siteUrl: string, now: Date) {
  const m = await loadMaintenance(db, id, now);
  if (!m) return null;
  return {
    id: m.id,
    externalId: m.externalId,
    version: m.version,
    revision: m.revision,
    url: `${siteUrl}/maintenance/${m.id}`,
    type: m.type,
    title: m.title,
    titleEn: m.titleEn,
    description: m.description,
    descriptionEn: m.descriptionEn,
    products: m.products,
    announcedAt: m.announcedAt,
    start: m.windowStart,
    end: m.windowEnd,
    expectedImpact: m.expectedImpact,
    state: m.state,
    cancelReason: m.cancelReason,
    overrideReason: m.overrideReason,
    breaches: m.breaches.map((b) => ({ rule: b.code, message: describeBreach(b, 'en') })),
  };
}
