// Complete a maintenance once its window has begun (409 before). Completed early, the
// window ends now: the rest was never planned downtime.
import { CommandError } from '#src/commands/errors.ts';
import { parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import { notifyMaintenance } from '#src/outbox/enqueue.ts';
import type { VersionedTarget } from '#src/incidents/commands/post-update.ts';
import { completeMaintenanceInput } from '../schema.ts';
import { lockMaintenance, maintenanceAudit, nextRevision, requireOpen } from './revision.ts';

export async function completeMaintenance(ctx: CommandContext, target: VersionedTarget, input: unknown = {}): Promise<{ id: number }> {
  parseInput(completeMaintenanceInput, input);
  return runCommand(ctx, 'maintenance', async (tx) => {
    const row = await lockMaintenance(tx, target.id, target.expectedVersion);
    requireOpen(row);
    if (ctx.now <= row.windowStart) throw new CommandError('conflict', `maintenance ${row.id} has not started yet (it starts ${row.windowStart.toISOString()}): cancel or reschedule it instead`);
    const windowEnd = new Date(Math.min(+ctx.now, +row.windowEnd));
    const after = await nextRevision(tx, row, ctx.now, 'completed', { state: 'completed', windowEnd });
    if (row.type !== 'unannounced') await notifyMaintenance(tx, ctx.now, 'maintenance.completed', row.id);
    return { result: { id: row.id }, audit: { action: 'maintenance.complete', entityType: 'maintenance', entityId: row.id, before: maintenanceAudit(row), after: maintenanceAudit(after) } };
  });
}
