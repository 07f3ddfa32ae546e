// The write every report of an incident goes through, shared by the report command
// (write-report.ts) and the history import (src/history-import/apply-reports.ts): the
// `incident_reports` row, the incident's version raised (the report is part of the
// incident: its ETag moves), and the audit entry with the whole text before and after.
// The caller decides what the text, publication and edit times are, and whom to tell.
import { inArray, eq } from 'drizzle-orm';
import type { Transaction } from '#db/client.ts';
import { incidentReports, incidents } from '#db/schema.ts';
import type { AuditEntry } from '#src/audit/write.ts';
import type { IncidentRow } from './thread.ts';

export type ReportRow = typeof incidentReports.$inferSelect;

/** What a report says and when: `publishedAt` null for a draft, `editedAt` null until a correction. */
export interface ReportValues {
  body: string;
  bodyEn: string | null;
  publishedAt: Date | null;
  editedAt: Date | null;
}

/** For the audit log: the whole text, so every version can be read back. */
const reportAudit = (row: ReportRow) => ({ body: row.body, bodyEn: row.bodyEn, publishedAt: row.publishedAt, editedAt: row.editedAt });

/**
 * Stores the report of a locked incident (`before` is its stored report, if any), raises
 * the incident's version, and returns the row with its audit entry under `action`.
 */
export async function saveReport(
  tx: Transaction,
  incident: IncidentRow,
  before: ReportRow | undefined,
  values: ReportValues,
  now: Date,
  action: string,
): Promise<{ row: ReportRow; audit: AuditEntry }> {
  const set = { ...values, updatedAt: now };
  const [row] = await tx
    .insert(incidentReports)
    .values({ incidentId: incident.id, ...set, createdAt: now })
    .onConflictDoUpdate({ target: incidentReports.incidentId, set })
    .returning();
  await tx.update(incidents).set({ version: incident.version + 1, updatedAt: now }).where(eq(incidents.id, incident.id));
  return {
    row: row!,
    audit: {
      action,
      entityType: 'incident',
      entityId: incident.id,
      before: before ? { report: reportAudit(before), version: incident.version } : null,
      after: { report: reportAudit(row!), version: incident.version + 1 },
    },
  };
}

/** The stored report of an incident, draft or published. */
export async function reportOf(tx: Transaction, incidentId: number): Promise<ReportRow | undefined> {
  return (await reportsOf(tx, [incidentId])).get(incidentId);
}

/** The stored reports of several incidents in one query (the import reads hundreds at once). */
export async function reportsOf(tx: Transaction, incidentIds: readonly number[]): Promise<Map<number, ReportRow>> {
  if (incidentIds.length === 0) return new Map();
  const rows = await tx.select().from(incidentReports).where(inArray(incidentReports.incidentId, [...incidentIds]));
  return new Map(rows.map((r) => [r.incidentId, r]));
}
