// Cancel a maintenance that has not been completed, with a reason the page and feeds show.
import { parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import { notifyMaintenance } from '#src/outbox/enqueue.ts';
import type { VersionedTarget } from '#src/incidents/commands/post-update.ts';
import { cancelMaintenanceInput } from '../schema.ts';
import { lockMaintenance, maintenanceAudit, nextRevision, requireOpen } from './revision.ts';

export async function cancelMaintenance(ctx: CommandContext, target: VersionedTarget, input: unknown): Promise<{ id: number }> {
  const { reason } = parseInput(cancelMaintenanceInput, input);
  return runCommand(ctx, 'maintenance', async (tx) => {
    const row = await lockMaintenance(tx, target.id, target.expectedVersion);
    requireOpen(row);
    const after = await nextRevision(tx, row, ctx.now, 'cancelled', { state: 'cancelled', cancelReason: reason }, reason);
    if (row.type !== 'unannounced' && row.windowEnd > ctx.now) await notifyMaintenance(tx, ctx.now, 'maintenance.cancelled', row.id);
    return { result: { id: row.id }, audit: { action: 'maintenance.cancel', entityType: 'maintenance', entityId: row.id, before: maintenanceAudit(row), after: maintenanceAudit(after) } };
  });
}
