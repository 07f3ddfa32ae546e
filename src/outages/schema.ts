// The zod inputs of the outage commands: downtime the NOC records by hand (source
// "manual"); Alertmanager records its own (src/alertmanager).
import { z } from 'zod';
import { externalId, instant, slug, text, worseThanOperational } from '#src/commands/fields.ts';

export const recordOutageInput = z
  .strictObject({
    product: slug,
    start: instant,
    /** Absent: ongoing, counted as downtime up to now. */
    end: instant.optional(),
    impact: worseThanOperational,
    note: text(2000).optional(),
    externalId: externalId.optional(),
  })
  .refine((o) => !(o.start instanceof Date && o.end instanceof Date) || o.end > o.start, { path: ['end'], message: 'must be later than start' });

export const correctOutageInput = z
  .strictObject({
    product: slug.optional(),
    start: instant.optional(),
    /** null reopens it as ongoing. */
    end: instant.nullable().optional(),
    impact: worseThanOperational.optional(),
    note: text(2000).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'must change at least one of product, start, end, impact, note');
