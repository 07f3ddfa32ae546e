// Imports a history document (docs/import.md) as one command: the whole file is checked
// first (all or nothing, every problem with its JSON path), then applied in one
// transaction through the same pieces the API's commands use, so an imported change
// raises the row's version (the API's ETag), writes the audit rows the API would, and
// bumps the data version once. Items are matched on their external id and only touched
// when their content differs: importing the same file twice changes nothing (no new ids,
// revisions, audit rows or versions). Subscribers are told nothing unless `notify` asks.
import type { Database, Transaction } from '#db/client.ts';
import { products } from '#db/schema.ts';
import { runCommand } from '#src/commands/run.ts';
import type { Actor } from '#src/domain/actor.ts';
import { notifyIncident, notifyMaintenance, notifyStatusChanges, productStatuses } from '#src/outbox/enqueue.ts';
import type { Applied, Notice } from './applied.ts';
import { applyIncidents } from './apply-incidents.ts';
import { applyMaintenances } from './apply-maintenances.ts';
import { applyKpis, applyOutages, applyProducts } from './apply-outages.ts';
import { checkImport } from './check.ts';
import type { ImportProblem } from './schema.ts';

export interface ImportSummary {
  products: number;
  outages: number;
  maintenances: number;
  incidents: number;
  kpis: number;
  /** How many items were created or changed; 0 when the file was imported before. */
  changed: number;
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: ImportProblem[] };

export interface ImportOptions {
  /** The time of the import: nothing the file reports as having happened may lie after it. */
  now: Date;
  /** Who is importing, for the audit log; the import itself by default. */
  actor?: Actor;
  /**
   * Tell subscribers what the matching API calls would (an incident opened, updated or
   * resolved; maintenance announced, rescheduled, cancelled or completed; component
   * changes to webhooks), for items whose news is still current. Off: an import of
   * history mails nobody about 2019.
   */
  notify?: boolean;
}

export const IMPORT_ACTOR: Actor = { kind: 'system', name: 'import' };

export async function importHistory(db: Database, input: unknown, options: ImportOptions): Promise<ImportResult> {
  const { now, actor = IMPORT_ACTOR, notify = false } = options;
  const productIds = new Map((await db.select({ id: products.id, slug: products.slug }).from(products)).map((p) => [p.slug, p.id]));
  const checked = checkImport(input, productIds, now);
  if (!checked.ok) return checked;
  const { doc } = checked;

  const summary = await runCommand({ db, actor, now }, ['incidents', 'maintenance', 'outages', 'kpis'], async (tx) => {
    const statusesBefore = notify ? await productStatuses(tx, now) : null;
    const applied: Applied[] = [
      await applyProducts(tx, doc.products),
      await applyOutages(tx, doc.outages, productIds),
      await applyMaintenances(tx, doc.maintenances, productIds, now),
      await applyIncidents(tx, doc.incidents, productIds, now),
      await applyKpis(tx, doc.kpis),
    ];
    if (statusesBefore) await tell(tx, now, applied.flatMap((a) => a.notices), statusesBefore);
    const result: ImportSummary = {
      products: doc.products.length,
      outages: doc.outages.length,
      maintenances: doc.maintenances.length,
      incidents: doc.incidents.length,
      kpis: doc.kpis.length,
      changed: applied.reduce((sum, a) => sum + a.changed, 0),
    };
    return { result, audit: applied.flatMap((a) => a.audit) };
  });
  return { ok: true, summary };
}

/** The outbox events, written after every change so each tells the page as the import leaves it. */
async function tell(tx: Transaction, now: Date, notices: readonly Notice[], statusesBefore: Awaited<ReturnType<typeof productStatuses>>): Promise<void> {
  for (const notice of notices) {
    if ('incidentId' in notice) await notifyIncident(tx, now, notice.kind, notice.incidentId);
    else await notifyMaintenance(tx, now, notice.kind, notice.maintenanceId, notice.previous ? { previous: notice.previous } : {});
  }
  await notifyStatusChanges(tx, now, statusesBefore);
}
