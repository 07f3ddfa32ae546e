// Bounded storage: an event older than NOTIFICATION_LOG_DAYS whose deliveries are all done
// (sent or dead) is deleted with them (the foreign key cascades), in slices so that no
// statement holds the tables for long; so are the link tokens of mails from before links
// were signed. The console's delivery log says how long it keeps. Events a clock finds are
// written once by their dedup key; their moments lie hours back at most (scheduler.ts
// CATCH_UP_MS), far inside any retention, so deleting old ones cannot bring one back.
import { and, asc, eq, inArray, lt, notExists, or } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { notificationEvents, notificationJobs, subscriberTokens } from '#db/schema.ts';
import { DAY_MS } from '#src/time/units.ts';

const SLICE = 2000;
/** At most this many slices a round: a large backlog is worked off over the next rounds. */
const MAX_SLICES = 50;

/** Deletes what is older than `days`; returns how many events went. */
export async function purgeOldDeliveries(db: Database, now: Date, days: number): Promise<number> {
  const cutoff = new Date(+now - days * DAY_MS);
  let deleted = 0;
  for (let slice = 0; slice < MAX_SLICES; slice++) {
    const open = db
      .select({ id: notificationJobs.id })
      .from(notificationJobs)
      .where(and(eq(notificationJobs.eventId, notificationEvents.id), inArray(notificationJobs.state, ['queued', 'sending', 'failed'])));
    const old = db
      .select({ id: notificationEvents.id })
      .from(notificationEvents)
      .where(and(lt(notificationEvents.createdAt, cutoff), notExists(open)))
      .orderBy(asc(notificationEvents.id))
      .limit(SLICE);
    const n = (await db.delete(notificationEvents).where(inArray(notificationEvents.id, old)).returning({ id: notificationEvents.id })).length;
    deleted += n;
    if (n < SLICE) break;
  }
  await db.delete(subscriberTokens).where(or(lt(subscriberTokens.expiresAt, now), lt(subscriberTokens.createdAt, cutoff)));
  return deleted;
}
