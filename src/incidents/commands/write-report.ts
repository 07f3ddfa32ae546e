// Write the report (reason for outage) of a resolved incident: a draft until published;
// a published report is corrected in place (the page marks it edited) and never goes back
// to a draft. Every version is in the audit log (before and after). Writing the same text
// and state again changes nothing: no audit row, no new version. The first publication is
// told to the subscribers of the incident's products (every channel), in the same transaction.
import { eq } from 'drizzle-orm';
import { incidentReports, incidents } from '#db/schema.ts';
import { CommandError } from '#src/commands/errors.ts';
import { parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import { notifyIncidentReport } from '#src/outbox/enqueue.ts';
import { writeReportInput } from '../schema.ts';
import type { VersionedTarget } from './post-update.ts';
import { lockIncident } from './thread.ts';

/** What a write did to the report: saved a draft, published it, or corrected the published text. */
export type ReportChange = 'drafted' | 'published' | 'corrected';

type ReportRow = typeof incidentReports.$inferSelect;

/** For the audit log: the whole text, so every version can be read back. */
const reportAudit = (row: ReportRow) => ({ body: row.body, bodyEn: row.bodyEn, publishedAt: row.publishedAt, editedAt: row.editedAt });

export async function writeIncidentReport(ctx: CommandContext, target: VersionedTarget, input: unknown): Promise<{ id: number; change: ReportChange | null }> {
  const data = parseInput(writeReportInput, input);
  const bodyEn = data.bodyEn ?? null;
  return runCommand<{ id: number; change: ReportChange | null }>(ctx, 'incidents', async (tx) => {
    const incident = await lockIncident(tx, target.id, target.expectedVersion);
    if (incident.status !== 'resolved') {
      throw new CommandError('conflict', `incident ${incident.id} is not resolved: its report is written after the resolution`);
    }
    const [before] = await tx.select().from(incidentReports).where(eq(incidentReports.incidentId, incident.id));
    const wasPublished = Boolean(before?.publishedAt);
    if (wasPublished && !data.published) {
      throw new CommandError('conflict', `the report of incident ${incident.id} is published: correct it (published: true); it cannot go back to a draft`, [
        { path: 'published', message: 'must be true: a published report is corrected, not withdrawn' },
      ]);
    }
    if (before && before.body === data.body && before.bodyEn === bodyEn && wasPublished === data.published) {
      return { result: { id: incident.id, change: null }, audit: null };
    }
    const change: ReportChange = wasPublished ? 'corrected' : data.published ? 'published' : 'drafted';
    const publishedAt = data.published ? (before?.publishedAt ?? ctx.now) : null;
    // Never before the publication, even when another writer's clock ran a little ahead.
    const editedAt = change === 'corrected' ? new Date(Math.max(+ctx.now, +publishedAt!)) : null;
    const values = { body: data.body, bodyEn, publishedAt, editedAt, updatedAt: ctx.now };
    const [after] = await tx
      .insert(incidentReports)
      .values({ incidentId: incident.id, ...values, createdAt: ctx.now })
      .onConflictDoUpdate({ target: incidentReports.incidentId, set: values })
      .returning();
    // Subscribers hear of the first publication; a correction is marked on the page, not mailed again.
    if (change === 'published') await notifyIncidentReport(tx, ctx.now, incident.id, { body: after!.body, bodyEn: after!.bodyEn, publishedAt: publishedAt!.toISOString() });
    // The report is part of the incident: its version (the API's ETag) rises.
    await tx.update(incidents).set({ version: incident.version + 1, updatedAt: ctx.now }).where(eq(incidents.id, incident.id));
    return {
      result: { id: incident.id, change },
      audit: {
        action: `incident.report-${change === 'drafted' ? 'draft' : change === 'published' ? 'publish' : 'correct'}`,
        entityType: 'incident',
        entityId: incident.id,
        before: before ? { report: reportAudit(before), version: incident.version } : null,
        after: { report: reportAudit(after!), version: incident.version + 1 },
      },
    };
  });
}
