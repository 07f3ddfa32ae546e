// What applying one section of an import file yields: the audit entries of the items it
// created or changed (one per item and write, in the shape the API's commands write), and
// the notifications the matching API calls would send, sent only on request (--notify).
// A file whose content the database refuses (ImportRefused) is answered like a bad file.
import type { AuditEntry } from '#src/audit/write.ts';
import type { MaintenanceEventKind } from '#src/outbox/enqueue.ts';
import type { EventPayload } from '#src/outbox/events.ts';
import type { ImportProblem } from './schema.ts';

export type Notice =
  | { incidentId: number; kind: 'incident.opened' | 'incident.updated' | 'incident.resolved' }
  | { incidentId: number; kind: 'incident.report_published'; report: NonNullable<EventPayload['report']> }
  | { maintenanceId: number; kind: MaintenanceEventKind; previous?: { start: string; end: string } };

export interface Applied {
  audit: AuditEntry[];
  notices: Notice[];
}

export const nothingApplied = (): Applied => ({ audit: [], notices: [] });

/** How many items the sections created or changed: an incident and its report are one item. */
export const changedItems = (applied: readonly Applied[]) => new Set(applied.flatMap((a) => a.audit.map((e) => `${e.entityType} ${e.entityId}`))).size;

/** Thrown inside the import's transaction (rolling it back) for what only the stored rows show wrong. */
export class ImportRefused extends Error {
  readonly problems: ImportProblem[];
  constructor(problems: ImportProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.problems = problems;
  }
}

/** Stored and wanted column values are equal; dates by their instant, to the millisecond. */
export function sameValue(stored: unknown, wanted: unknown): boolean {
  if (stored instanceof Date || wanted instanceof Date) {
    return stored instanceof Date && wanted instanceof Date && +stored === +wanted;
  }
  return stored === wanted;
}

/** The columns of `wanted` whose stored value differs. */
export function differingKeys<T extends object>(stored: T, wanted: Partial<T>): (keyof T)[] {
  return (Object.keys(wanted) as (keyof T)[]).filter((k) => !sameValue(stored[k], wanted[k]));
}

/** Items of a section by chunks, so a statement never holds more parameters than PostgreSQL takes. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, n) => items.slice(n * size, (n + 1) * size));
}
