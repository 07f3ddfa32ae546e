// The next moment at which a public page changes with no write: the response cache
// (src/server/response-cache.ts) keeps a render until the data version changes or this
// moment passes. What the clock alone changes on the pages: the Amsterdam day (the 90-day
// bars, "today", and at a month's first day the availability months), a maintenance
// window opening or closing (scheduled → in progress → completed), and an open incident's
// SLA clocks (the first response, the next update, the 80 %/95 % resolution marks
// becoming overdue).
import { and, gt, min, ne } from 'drizzle-orm';
import { maintenances } from '#db/schema.ts';
import type { ReadContext } from '#src/http/context.ts';
import { loadActiveIncidents, timersOf } from '#src/incidents/queries.ts';
import { SLA_TIME_ZONE } from '#src/domain/vocabulary.ts';
import { addDays, zonedParts, zonedToInstant } from '#src/time/zone.ts';

/** The next Amsterdam midnight after `now`. */
export function nextMidnight(now: Date, zone: string = SLA_TIME_ZONE): number {
  const { year, month, day } = zonedParts(+now, zone);
  return zonedToInstant(addDays({ year, month, day }, 1), zone);
}

/** The earliest instant after `now` at which what the public pages show changes by itself. */
export async function nextTransition(context: ReadContext): Promise<number> {
  const { db, now, sla } = context;
  const after = (at: Date | number | null | undefined) => (at != null && +at > +now ? [+at] : []);
  const live = ne(maintenances.state, 'cancelled');
  const [starts] = await db.select({ at: min(maintenances.windowStart) }).from(maintenances).where(and(live, ne(maintenances.state, 'completed'), gt(maintenances.windowStart, now)));
  const [ends] = await db.select({ at: min(maintenances.windowEnd) }).from(maintenances).where(and(live, ne(maintenances.state, 'completed'), gt(maintenances.windowEnd, now)));
  const clocks = (await loadActiveIncidents(db)).flatMap((incident) => {
    const t = timersOf(incident, now, sla.officeHours);
    return [t.responseDue, t.nextUpdateDue, t.resolution80Due, t.resolution95Due].flatMap(after);
  });
  return Math.min(nextMidnight(now), ...after(starts?.at), ...after(ends?.at), ...clocks);
}
