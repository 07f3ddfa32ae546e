// Schedule (announce) a maintenance now. The SLA rules are checked against this moment as
// the announcement: a breach is refused naming each rule unless overrideReason is given.
// Unannounced maintenance is recorded without an announcement.
import { maintenanceRevisions } from '#db/schema.ts';
import { insertUnderExternalId } from '#src/commands/external-id.ts';
import { parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import { notifyMaintenance, worthAnnouncing } from '#src/outbox/enqueue.ts';
import { resolveProducts } from '#src/products/slugs.ts';
import { scheduleMaintenanceInput } from '../schema.ts';
import { checkRules, maintenanceAudit, setProducts } from './revision.ts';

export async function scheduleMaintenance(ctx: CommandContext, input: unknown): Promise<{ id: number }> {
  const data = parseInput(scheduleMaintenanceInput, input);
  const announcedAt = data.type === 'unannounced' ? null : ctx.now;
  checkRules({ type: data.type, announcedAt, start: data.start, end: data.end }, data.overrideReason);
  return runCommand(ctx, 'maintenance', async (tx) => {
    const ids = await resolveProducts(tx, data.products.map((slug, n) => ({ slug, path: `products[${n}]` })));
    const row = await insertUnderExternalId(tx, 'maintenance', data.externalId, {
      type: data.type,
      title: data.title,
      titleEn: data.titleEn ?? null,
      description: data.description,
      descriptionEn: data.descriptionEn ?? null,
      announcedAt,
      windowStart: data.start,
      windowEnd: data.end,
      expectedImpact: data.expectedImpact,
      overrideReason: data.overrideReason ?? null,
      revision: 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await setProducts(tx, row.id, data.products.map((s) => ids.get(s)!));
    await tx.insert(maintenanceRevisions).values({ maintenanceId: row.id, revision: 1, changedAt: ctx.now, change: 'announced', windowStart: data.start, windowEnd: data.end, state: 'scheduled' });
    if (worthAnnouncing(row, ctx.now)) await notifyMaintenance(tx, ctx.now, 'maintenance.announced', row.id);
    return { result: { id: row.id }, audit: { action: 'maintenance.schedule', entityType: 'maintenance', entityId: row.id, after: { ...maintenanceAudit(row), products: data.products } } };
  });
}
