// Open an incident with its first public update (SLA §4: the first update starts the
// response clock). A late report may give an earlier reportedAt; never a future one.
import { fieldError } from '#src/commands/errors.ts';
import { insertUnderExternalId } from '#src/commands/external-id.ts';
import { parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import { notifyIncident } from '#src/outbox/enqueue.ts';
import { resolveProducts } from '#src/products/slugs.ts';
import type { Impact } from '#src/domain/vocabulary.ts';
import { createIncidentInput } from '../schema.ts';
import { incidentAudit, insertUpdate, updateAudit } from './thread.ts';

export async function createIncident(ctx: CommandContext, input: unknown): Promise<{ id: number }> {
  const data = parseInput(createIncidentInput, input);
  const reportedAt = data.reportedAt ?? ctx.now;
  if (reportedAt > ctx.now) throw fieldError('reportedAt', 'must not be in the future', 'rule_broken');
  return runCommand(ctx, 'incidents', async (tx) => {
    const ids = await resolveProducts(tx, Object.keys(data.impacts).map((slug) => ({ slug, path: `impacts.${slug}` })));
    const row = await insertUnderExternalId(tx, 'incident', data.externalId, {
      title: data.title,
      titleEn: data.titleEn ?? null,
      category: data.category,
      reportedAt,
      status: data.status,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const impacts = new Map<number, Impact>(Object.entries(data.impacts).map(([slug, impact]) => [ids.get(slug)!, impact]));
    const update = await insertUpdate(tx, row.id, { publishedAt: ctx.now, status: data.status, message: data.message, messageEn: data.messageEn ?? null }, impacts);
    await notifyIncident(tx, ctx.now, 'incident.opened', row.id);
    return {
      result: { id: row.id },
      audit: { action: 'incident.create', entityType: 'incident', entityId: row.id, after: { ...incidentAudit(row), updates: [updateAudit(update)], impacts: data.impacts } },
    };
  });
}
