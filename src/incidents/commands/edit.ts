// Edit an incident's title or category (not its thread: updates are corrected one by one).
import { eq } from 'drizzle-orm';
import { incidents } from '#db/schema.ts';
import { parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import { editIncidentInput } from '../schema.ts';
import type { VersionedTarget } from './post-update.ts';
import { incidentAudit, lockIncident } from './thread.ts';

export async function editIncident(ctx: CommandContext, target: VersionedTarget, input: unknown): Promise<{ id: number }> {
  const data = parseInput(editIncidentInput, input);
  return runCommand(ctx, 'incidents', async (tx) => {
    const incident = await lockIncident(tx, target.id, target.expectedVersion);
    const [after] = await tx
      .update(incidents)
      .set({ ...data, version: incident.version + 1, updatedAt: ctx.now })
      .where(eq(incidents.id, incident.id))
      .returning();
    return { result: { id: incident.id }, audit: { action: 'incident.edit', entityType: 'incident', entityId: incident.id, before: incidentAudit(incident), after: incidentAudit(after!) } };
  });
}
