// Correct a published update's text or time. The page marks it "edited"; the earlier text
// stays in the audit log. A time keeps the thread in order: not before the report or the
// previous update, not after the next one, not in the future.
import { eq } from 'drizzle-orm';
import { incidentUpdates } from '#db/schema.ts';
import { fieldError, notFound } from '#src/commands/errors.ts';
import { parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import { correctUpdateInput } from '../schema.ts';
import type { VersionedTarget } from './post-update.ts';
import { incidentAudit, lockIncident, refreshIncident, threadOf, updateAudit } from './thread.ts';

export async function correctIncidentUpdate(ctx: CommandContext, target: VersionedTarget & { updateId: number }, input: unknown): Promise<{ id: number; updateId: number }> {
  const data = parseInput(correctUpdateInput, input);
  return runCommand(ctx, 'incidents', async (tx) => {
    const incident = await lockIncident(tx, target.id, target.expectedVersion);
    const thread = await threadOf(tx, incident.id);
    const n = thread.findIndex((u) => u.id === target.updateId);
    if (n < 0) throw notFound(`update of incident ${incident.id}`, target.updateId);
    const before = thread[n]!;
    if (data.at) {
      const previous = thread[n - 1];
      const next = thread[n + 1];
      if (data.at > ctx.now) throw fieldError('at', 'must not be in the future', 'rule_broken');
      if (data.at < incident.reportedAt) throw fieldError('at', `must not be before the report (${incident.reportedAt.toISOString()})`, 'rule_broken');
      if (previous && data.at < previous.publishedAt) throw fieldError('at', `must not be before the previous update (${previous.publishedAt.toISOString()})`, 'rule_broken');
      if (next && data.at > next.publishedAt) throw fieldError('at', `must not be after the next update (${next.publishedAt.toISOString()})`, 'rule_broken');
    }
    const [update] = await tx
      .update(incidentUpdates)
      .set({
        ...(data.message !== undefined && { message: data.message }),
        ...(data.messageEn !== undefined && { messageEn: data.messageEn }),
        ...(data.at && { publishedAt: data.at }),
        editedAt: ctx.now,
      })
      .where(eq(incidentUpdates.id, before.id))
      .returning();
    const after = await refreshIncident(tx, incident, ctx.now);
    return {
      result: { id: incident.id, updateId: before.id },
      audit: {
        action: 'incident.correct-update',
        entityType: 'incident',
        entityId: incident.id,
        before: { ...incidentAudit(incident), update: updateAudit(before) },
        after: { ...incidentAudit(after), update: updateAudit(update!) },
      },
    };
  });
}
