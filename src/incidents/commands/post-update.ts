// Post an update to an open incident: its impacts are a delta over the previous update's
// snapshot (as in the import); status resolved ends every impact and closes the thread:
// nothing may follow it (409).
import type { Impact } from '#src/domain/vocabulary.ts';
import { CommandError, fieldError } from '#src/commands/errors.ts';
import { parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import { notifyIncident } from '#src/outbox/enqueue.ts';
import { resolveProducts } from '#src/products/slugs.ts';
import { postUpdateInput } from '../schema.ts';
import { incidentAudit, insertUpdate, lockIncident, refreshIncident, threadOf, updateAudit } from './thread.ts';

export interface VersionedTarget {
  id: number;
  /** From If-Match: the version the caller last saw. */
  expectedVersion?: number;
}

export async function postIncidentUpdate(ctx: CommandContext, target: VersionedTarget, input: unknown): Promise<{ id: number; updateId: number }> {
  const data = parseInput(postUpdateInput, input);
  if (data.at && data.at > ctx.now) throw fieldError('at', 'must not be in the future', 'rule_broken');
  return runCommand(ctx, 'incidents', async (tx) => {
    const incident = await lockIncident(tx, target.id, target.expectedVersion);
    if (incident.status === 'resolved') throw new CommandError('conflict', `incident ${incident.id} is resolved: nothing may follow its resolution`);
    const ids = await resolveProducts(tx, Object.keys(data.impacts).map((slug) => ({ slug, path: `impacts.${slug}` })));
    const previous = (await threadOf(tx, incident.id)).at(-1)!;
    // Without a time the update is published now, but never before the previous one
    // (two writers' clocks may differ by a millisecond).
    const publishedAt = data.at ?? new Date(Math.max(+previous.publishedAt, +ctx.now));
    if (publishedAt < previous.publishedAt) throw fieldError('at', `must not be before the previous update (${previous.publishedAt.toISOString()})`, 'rule_broken');
    let impacts = new Map<number, Impact>(previous.impacts);
    for (const [slug, impact] of Object.entries(data.impacts)) impacts.set(ids.get(slug)!, impact);
    if (data.status === 'resolved') impacts = new Map([...impacts.keys()].map((id) => [id, 'operational' as const]));
    const update = await insertUpdate(tx, incident.id, { publishedAt, status: data.status, message: data.message, messageEn: data.messageEn ?? null }, impacts);
    const after = await refreshIncident(tx, incident, ctx.now);
    await notifyIncident(tx, ctx.now, data.status === 'resolved' ? 'incident.resolved' : 'incident.updated', incident.id);
    return {
      result: { id: incident.id, updateId: update.id },
      audit: {
        action: data.status === 'resolved' ? 'incident.resolve' : 'incident.update',
        entityType: 'incident',
        entityId: incident.id,
        before: incidentAudit(incident),
        after: { ...incidentAudit(after), update: updateAudit(update), impacts: data.impacts },
      },
    };
  });
}
