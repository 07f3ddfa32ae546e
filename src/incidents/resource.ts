// An incident as the write API returns it: the page's own view of it (one read model),
// with its version, public URL and its report (reason for outage) in any state.
import type { Database } from '#db/client.ts';
import { loadIncident, loadIncidentReport } from '#src/incidents/queries.ts';

export async function incidentResource(db: Database, id: number, siteUrl: string) {
  const [view, report] = await Promise.all([loadIncident(db, id), loadIncidentReport(db, id)]);
  if (!view) return null;
  const latest = view.updates[0];
  return {
    id: view.id,
    externalId: view.externalId,
    version: view.version,
    url: `${siteUrl}/incidents/${view.id}`,
    title: view.title,
    titleEn: view.titleEn,
    category: view.category,
    status: view.status,
    reportedAt: view.reportedAt,
    resolvedAt: view.resolvedAt,
    /** The impact in force per product (all operational once resolved). */
    impacts: latest?.impacts ?? {},
    /** Newest first. */
    updates: view.updates.map((u) => ({ id: u.id, at: u.publishedAt, status: u.status, message: u.message, messageEn: u.messageEn, impacts: u.impacts, editedAt: u.editedAt })),
    /** The report: null before the first write; `published` false while it is a draft. */
    postmortem: report && {
      body: report.body,
      bodyEn: report.bodyEn,
      published: report.publishedAt !== null,
      publishedAt: report.publishedAt,
      editedAt: report.editedAt,
      updatedAt: report.updatedAt,
      url: `${siteUrl}/incidents/${view.id}#report`,
    },
  };
}
