// What the maintenance commands share: the row locked for the transaction, the SLA rule
// check that refuses a breach without an override reason, and writing the next revision
// (the calendar's SEQUENCE; the feeds' items).
import { eq } from 'drizzle-orm';
import type { Transaction } from '#db/client.ts';
import { maintenanceProducts, maintenanceRevisions, maintenances } from '#db/schema.ts';
import { CommandError, notFound, type FieldProblem } from '#src/commands/errors.ts';
import { checkVersion } from '#src/commands/run.ts';
import type { MaintenanceType } from '#src/domain/vocabulary.ts';
import { describeBreach } from '#src/i18n/maintenance-rules.ts';
import { checkMaintenance, type MaintenanceRuleCode } from '#src/sla/maintenance-rules.ts';

export type MaintenanceRow = typeof maintenances.$inferSelect;
export type RevisionChange = (typeof maintenanceRevisions.$inferInsert)['change'];

export async function lockMaintenance(tx: Transaction, id: number, expectedVersion?: number): Promise<MaintenanceRow> {
  const [row] = Number.isSafeInteger(id) && id > 0 ? await tx.select().from(maintenances).where(eq(maintenances.id, id)).for('update') : [];
  if (!row) throw notFound('maintenance', id);
  checkVersion(row.version, expectedVersion, `maintenance ${id}`);
  return row;
}

export function requireOpen(row: MaintenanceRow): void {
  if (row.state === 'cancelled' || row.state === 'completed') {
    throw new CommandError('conflict', `maintenance ${row.id} is ${row.state}: it can no longer change`);
  }
}

/** The field each rule is about, so a form can show the error where it belongs. */
const RULE_FIELD: Record<MaintenanceRuleCode, string> = {
  empty_window: 'end',
  not_announced: 'start',
  notice_too_short: 'start',
  announced_too_late: 'start',
  outside_allowed_window: 'start',
  downtime_too_long: 'end',
};

/**
 * The SLA rules (SLA §2.1, §6) for a window announced now. A breach refuses the command
 * (422, one field problem per rule) unless an override reason is given; then it is kept.
 */
type Plan = { type: MaintenanceType; announcedAt: Date | null; start: Date; end: Date };
const breachesOf = (plan: Plan) => checkMaintenance({ type: plan.type, announcedAt: plan.announcedAt ? +plan.announcedAt : null, start: +plan.start, end: +plan.end });

/**
 * `overridden`: the plan this one replaces, when its breaches were accepted with a reason;
 * a breach it already had needs no new reason, a new breach does.
 */
export function checkRules(plan: Plan, overrideReason: string | undefined, overridden: Plan | null = null): void {
  const accepted = new Set(overridden ? breachesOf(overridden).map((b) => b.code) : []);
  const breaches = breachesOf(plan).filter((b) => !accepted.has(b.code));
  if (breaches.length === 0 || overrideReason) return;
  const fields: FieldProblem[] = breaches.map((b) => ({ path: RULE_FIELD[b.code], rule: b.code, message: describeBreach(b, 'en'), breach: b }));
  throw new CommandError('rule_broken', `the maintenance breaks ${breaches.length} SLA rule(s); give an overrideReason to schedule it anyway`, fields);
}

export async function setProducts(tx: Transaction, maintenanceId: number, productIds: readonly number[]): Promise<void> {
  await tx.delete(maintenanceProducts).where(eq(maintenanceProducts.maintenanceId, maintenanceId));
  await tx.insert(maintenanceProducts).values([...new Set(productIds)].map((productId) => ({ maintenanceId, productId })));
}

/**
 * Writes the row's changes with the next revision and its revision row, dated `changedAt`
 * (now, unless an import states when a cancellation went out).
 */
export async function nextRevision(
  tx: Transaction,
  row: MaintenanceRow,
  now: Date,
  change: RevisionChange,
  set: Partial<MaintenanceRow>,
  note: string | null = null,
  changedAt: Date = now,
): Promise<MaintenanceRow> {
  const revision = row.revision + 1;
  const [after] = await tx
    .update(maintenances)
    .set({ ...set, revision, version: row.version + 1, updatedAt: now })
    .where(eq(maintenances.id, row.id))
    .returning();
  await tx.insert(maintenanceRevisions).values({
    maintenanceId: row.id,
    revision,
    changedAt,
    change,
    windowStart: after!.windowStart,
    windowEnd: after!.windowEnd,
    state: after!.state,
    note,
  });
  return after!;
}

export const maintenanceAudit = ({ createdAt: _c, updatedAt: _u, ...row }: MaintenanceRow) => row;
