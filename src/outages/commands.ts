// Record, end and correct outages. An outage is what the availability figures count; its
// times may not lie in the future. Ending one is a correction that sets its end.
import { eq } from 'drizzle-orm';
import type { Transaction } from '#db/client.ts';
import { outages } from '#db/schema.ts';
import { fieldError, notFound } from '#src/commands/errors.ts';
import { insertUnderExternalId } from '#src/commands/external-id.ts';
import { checkVersion, parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import type { VersionedTarget } from '#src/incidents/commands/post-update.ts';
import { notifyStatusChanges, productStatuses } from '#src/outbox/enqueue.ts';
import { resolveProducts } from '#src/products/slugs.ts';
import { correctOutageInput, recordOutageInput } from './schema.ts';

export type OutageRow = typeof outages.$inferSelect;

function notInFuture(now: Date, times: { start?: Date | undefined; end?: Date | null | undefined }): void {
  if (times.start && times.start > now) throw fieldError('start', 'must not be in the future', 'rule_broken');
  if (times.end && times.end > now) throw fieldError('end', 'must not be in the future (leave it out while the outage is ongoing)', 'rule_broken');
}

export async function recordOutage(ctx: CommandContext, input: unknown): Promise<{ id: number }> {
  const data = parseInput(recordOutageInput, input);
  notInFuture(ctx.now, data);
  return runCommand(ctx, 'outages', async (tx) => {
    const ids = await resolveProducts(tx, [{ slug: data.product, path: 'product' }]);
    const before = await productStatuses(tx, ctx.now);
    const row = await insertUnderExternalId(tx, 'outage', data.externalId, { productId: ids.get(data.product)!, startedAt: data.start, endedAt: data.end ?? null, impact: data.impact, note: data.note ?? null, source: 'manual' });
    await notifyStatusChanges(tx, ctx.now, before);
    return { result: { id: row.id }, audit: { action: 'outage.record', entityType: 'outage', entityId: row.id, after: row } };
  });
}

export async function lockOutage(tx: Transaction, id: number, expectedVersion?: number): Promise<OutageRow> {
  const [row] = Number.isSafeInteger(id) && id > 0 ? await tx.select().from(outages).where(eq(outages.id, id)).for('update') : [];
  if (!row) throw notFound('outage', id);
  checkVersion(row.version, expectedVersion, `outage ${id}`);
  return row;
}

/** Writes a change of a locked outage; its version (the API's ETag) rises. */
export async function changeOutage(tx: Transaction, row: OutageRow, set: Partial<Omit<OutageRow, 'id' | 'version'>>): Promise<OutageRow> {
  const [after] = await tx.update(outages).set({ ...set, version: row.version + 1 }).where(eq(outages.id, row.id)).returning();
  return after!;
}

export async function correctOutage(ctx: CommandContext, target: VersionedTarget, input: unknown): Promise<{ id: number }> {
  const data = parseInput(correctOutageInput, input);
  notInFuture(ctx.now, data);
  return runCommand(ctx, 'outages', async (tx) => {
    const row = await lockOutage(tx, target.id, target.expectedVersion);
    const before = await productStatuses(tx, ctx.now);
    const start = data.start ?? row.startedAt;
    const end = data.end === undefined ? row.endedAt : data.end;
    if (end && !(end > start)) throw fieldError(data.end ? 'end' : 'start', `end must be later than start (${start.toISOString()})`);
    const productId = data.product ? (await resolveProducts(tx, [{ slug: data.product, path: 'product' }])).get(data.product)! : row.productId;
    const after = await changeOutage(tx, row, { productId, startedAt: start, endedAt: end, impact: data.impact ?? row.impact, note: data.note === undefined ? row.note : data.note });
    await notifyStatusChanges(tx, ctx.now, before);
    const action = data.end && !row.endedAt ? 'outage.end' : 'outage.correct';
    return { result: { id: row.id }, audit: { action, entityType: 'outage', entityId: row.id, before: row, after } };
  });
}
