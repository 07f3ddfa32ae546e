// Edit or reschedule a maintenance: a new revision (the calendar's SEQUENCE rises, its UID
// stays, the feeds get an item). A new window is a new announcement: the SLA rules are
// checked again from now, and a breach needs an override reason.
import { eq } from 'drizzle-orm';
import { maintenanceProducts, products } from '#db/schema.ts';
import { parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import { fieldError } from '#src/commands/errors.ts';
import type { VersionedTarget } from '#src/incidents/commands/post-update.ts';
import { notifyMaintenance, worthAnnouncing } from '#src/outbox/enqueue.ts';
import { resolveProducts } from '#src/products/slugs.ts';
import { editMaintenanceInput } from '../schema.ts';
import { checkRules, lockMaintenance, maintenanceAudit, nextRevision, requireOpen, setProducts } from './revision.ts';

export async function editMaintenance(ctx: CommandContext, target: VersionedTarget, input: unknown): Promise<{ id: number }> {
  const data = parseInput(editMaintenanceInput, input);
  return runCommand(ctx, 'maintenance', async (tx) => {
    const row = await lockMaintenance(tx, target.id, target.expectedVersion);
    requireOpen(row);
    const start = data.start ?? row.windowStart;
    const end = data.end ?? row.windowEnd;
    if (!(end > start)) throw fieldError('end', `must be later than start (${start.toISOString()})`);
    const rescheduled = +start !== +row.windowStart || +end !== +row.windowEnd;
    // A new start is a new announcement, with its notice counted from now; moving only the
    // end (an overrun, an early finish) keeps the announcement it had.
    const announcedAt = +start !== +row.windowStart && row.type !== 'unannounced' ? ctx.now : row.announcedAt;
    const before = { type: row.type, announcedAt: row.announcedAt, start: row.windowStart, end: row.windowEnd };
    if (rescheduled) checkRules({ type: row.type, announcedAt, start, end }, data.overrideReason, row.overrideReason ? before : null);
    const beforeProducts = (await tx.select({ slug: products.slug }).from(maintenanceProducts).innerJoin(products, eq(products.id, maintenanceProducts.productId)).where(eq(maintenanceProducts.maintenanceId, row.id))).map((p) => p.slug);
    if (data.products) {
      const ids = await resolveProducts(tx, data.products.map((slug, n) => ({ slug, path: `products[${n}]` })));
      await setProducts(tx, row.id, data.products.map((s) => ids.get(s)!));
    }
    const { start: _s, end: _e, products: _p, ...columns } = data;
    const after = await nextRevision(tx, row, ctx.now, rescheduled ? 'rescheduled' : 'edited', { ...columns, windowStart: start, windowEnd: end, announcedAt });
    if (rescheduled && worthAnnouncing(after, ctx.now)) {
      await notifyMaintenance(tx, ctx.now, 'maintenance.rescheduled', row.id, { previous: { start: row.windowStart.toISOString(), end: row.windowEnd.toISOString() } });
    }
    return {
      result: { id: row.id },
      audit: {
        action: rescheduled ? 'maintenance.reschedule' : 'maintenance.edit',
        entityType: 'maintenance',
        entityId: row.id,
        before: { ...maintenanceAudit(row), products: beforeProducts },
        after: { ...maintenanceAudit(after), products: data.products ?? beforeProducts },
      },
    };
  });
}
