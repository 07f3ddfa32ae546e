// Incident reports from an import file, applied after the incidents (so each meets its
// incident as the file leaves it) through the report command's own write (saveReport: the
// row, the incident's version raised, the audit entry in the command's shape). A report
// is written only when it differs from the stored one: a new one is published with the
// file's times (replacing a draft the NOC had begun), a changed one is a correction,
// marked edited at the file's `editedAt` or else at the import. A report the file leaves
// out is kept: a published report is corrected, never withdrawn, so neither may the file
// reopen its incident.
import { inArray } from 'drizzle-orm';
import type { Transaction } from '#db/client.ts';
import { incidents } from '#db/schema.ts';
import { reportsOf, saveReport } from '#src/incidents/commands/report.ts';
import type { IncidentRow } from '#src/incidents/commands/thread.ts';
import { chunks, differingKeys, ImportRefused, nothingApplied, sameValue, type Applied } from './applied.ts';
import { formatPath, type ImportIncident } from './schema.ts';

export async function applyReports(tx: Transaction, items: readonly ImportIncident[], now: Date): Promise<Applied> {
  const applied = nothingApplied();
  const open = (i: ImportIncident) => i.updates.at(-1)!.status !== 'resolved';
  const concerned = items.filter((i) => i.report || open(i)).map((i) => i.id);
  const rows = new Map<string, IncidentRow>();
  for (const ids of chunks(concerned, 1000)) {
    for (const row of await tx.select().from(incidents).where(inArray(incidents.externalId, ids))) rows.set(row.externalId!, row);
  }
  const stored = await reportsOf(tx, [...rows.values()].map((r) => r.id));

  const reopened = items.flatMap((i, n) => {
    if (!open(i) || !stored.get(rows.get(i.id)!.id)?.publishedAt) return [];
    const path = formatPath(['incidents', n, 'updates', i.updates.length - 1, 'status']);
    return [{ path, message: 'must be resolved: the incident has a published report here, which is corrected, never withdrawn' }];
  });
  if (reopened.length > 0) throw new ImportRefused(reopened);

  for (const i of items) {
    if (!i.report) continue;
    const incident = rows.get(i.id)!;
    const before = stored.get(incident.id);
    const wanted = { body: i.report.body, bodyEn: i.report.bodyEn ?? null, publishedAt: i.report.publishedAt };
    const published = Boolean(before?.publishedAt);
    const editedAsWanted = !i.report.editedAt || sameValue(before?.editedAt, i.report.editedAt);
    if (published && differingKeys(before!, wanted).length === 0 && editedAsWanted) continue;
    const editedAt = i.report.editedAt ?? (published ? now : null);
    const { row, audit } = await saveReport(tx, incident, before, { ...wanted, editedAt }, now, 'incident.report-import');
    applied.audit.push(audit);
    // News only when published after this page had the incident: the API's first
    // publication. A report on history (an incident that came here resolved) tells nobody.
    if (!published && row.publishedAt! > incident.createdAt) {
      applied.notices.push({ incidentId: incident.id, kind: 'incident.report_published', report: { body: row.body, bodyEn: row.bodyEn, publishedAt: row.publishedAt!.toISOString() } });
    }
  }
  return applied;
}
