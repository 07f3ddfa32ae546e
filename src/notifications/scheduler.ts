// The events a clock finds rather than a command: a maintenance's reminder (its lead time
// before the start), its start, the NOC's mails when an open incident's next public update
// (SLA §4) is due within 15 minutes or overdue, and when a window ended without the NOC
// marking the maintenance completed. Each is written once (its dedup key names the
// moment), however many processes tick.
import { and, eq, gt, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { incidentUpdates, incidents, maintenances } from '#db/schema.ts';
import type { SlaSettings } from '#src/sla/settings.ts';
import { incidentTimers } from '#src/sla/incident-timers.ts';
import { HOUR_MS, MINUTE_MS } from '#src/time/units.ts';
import { incidentSnapshot, maintenanceSnapshot, notifyMaintenance, queueMail, writeEvent } from '#src/outbox/enqueue.ts';
import type { EventPayload, NocEventKind } from '#src/outbox/events.ts';

export const UPDATE_DUE_WARNING_MS = 15 * MINUTE_MS;
/** Moments further back than this are not told any more (a worker that was away long). */
export const CATCH_UP_MS = 6 * HOUR_MS;

export interface SchedulerSettings {
  reminderLeadMs: number;
  nocEmails: readonly string[];
  sla: SlaSettings;
}

async function nocEvent(db: Database, now: Date, kind: NocEventKind, dedupKey: string, payload: EventPayload, recipients: readonly string[]): Promise<void> {
  await db.transaction(async (tx) => {
    const eventId = await writeEvent(tx, now, { kind, payload, dedupKey });
    if (eventId !== null) await queueMail(tx, eventId, now, { recipients });
  });
}

async function maintenanceEvents(db: Database, now: Date, settings: SchedulerSettings): Promise<void> {
  const open = await db
    .select()
    .from(maintenances)
    .where(and(inArray(maintenances.state, ['scheduled', 'in_progress']), ne(maintenances.type, 'unannounced'), gt(maintenances.windowEnd, new Date(+now - CATCH_UP_MS))));
  for (const m of open) {
    const start = +m.windowStart;
    const key = `${m.id}:${m.windowStart.toISOString()}`;
    const remindAt = start - settings.reminderLeadMs;
    // A reminder only for maintenance announced before its reminder was due.
    if (settings.reminderLeadMs > 0 && remindAt <= +now && +now < start && m.announcedAt && +m.announcedAt < remindAt) {
      await db.transaction((tx) => notifyMaintenance(tx, now, 'maintenance.reminder', m.id, { dedupKey: `maintenance.reminder:${key}` }));
    }
    if (start <= +now && +now < +m.windowEnd && +now - start < CATCH_UP_MS) {
      await db.transaction((tx) => notifyMaintenance(tx, now, 'maintenance.started', m.id, { dedupKey: `maintenance.started:${key}` }));
    }
    if (+m.windowEnd <= +now && settings.nocEmails.length) {
      const { snapshot } = await maintenanceSnapshot(db, m.id);
      await nocEvent(db, now, 'noc.maintenance_unmarked', `noc.maintenance_unmarked:${m.id}:${m.windowEnd.toISOString()}`, { kind: 'noc.maintenance_unmarked', products: [], maintenance: snapshot }, settings.nocEmails);
    }
  }
}

async function incidentReminders(db: Database, now: Date, settings: SchedulerSettings): Promise<void> {
  if (settings.nocEmails.length === 0) return;
  const open = await db.select().from(incidents).where(and(isNull(incidents.resolvedAt), lte(incidents.reportedAt, now)));
  for (const incident of open) {
    const updates = await db.select({ publishedAt: incidentUpdates.publishedAt, status: incidentUpdates.status }).from(incidentUpdates).where(eq(incidentUpdates.incidentId, incident.id));
    const timers = incidentTimers({ category: incident.category, reportedAt: +incident.reportedAt, updates: updates.map((u) => ({ publishedAt: +u.publishedAt, status: u.status })) }, +now, settings.sla.officeHours);
    const due = timers.nextUpdateDue;
    if (due === null || +now < due - UPDATE_DUE_WARNING_MS || +now - due > CATCH_UP_MS) continue;
    const kind: NocEventKind = +now > due ? 'noc.update_overdue' : 'noc.update_due';
    const dueAt = new Date(due).toISOString();
    const { snapshot } = await incidentSnapshot(db, incident.id);
    await nocEvent(db, now, kind, `${kind}:${incident.id}:${dueAt}`, { kind, products: [], incident: snapshot, dueAt }, settings.nocEmails);
  }
}

/** One look at the clock: writes whatever became due. */
export async function tick(db: Database, now: Date, settings: SchedulerSettings): Promise<void> {
  await maintenanceEvents(db, now, settings);
  await incidentReminders(db, now, settings);
}
