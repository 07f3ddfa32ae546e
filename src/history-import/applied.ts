// What applying one section of an import file yields: how many items it created or
// changed, their audit entries (one per item, in the shape the API's commands write), and
// the notifications the matching API calls would send, sent only on request (--notify).
import type { AuditEntry } from '#src/audit/write.ts';
import type { MaintenanceEventKind } from '#src/outbox/enqueue.ts';

export type Notice =
  | { incidentId: number; kind: 'incident.opened' | 'incident.updated' | 'incident.resolved' }
  | { maintenanceId: number; kind: MaintenanceEventKind; previous?: { start: string; end: string } };

export interface Applied {
  changed: number;
  audit: AuditEntry[];
  notices: Notice[];
}

export const nothingApplied = (): Applied => ({ changed: 0, audit: [], notices: [] });

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
