// The zod inputs of the maintenance commands (JSON API, console forms, OpenAPI). Field
// names follow the import. Windows are instants with an offset; the SLA rules read them
// in Europe/Amsterdam.
import { z } from 'zod';
import { externalId, impact, instant, maintenanceType, slug, text } from '#src/commands/fields.ts';

const description = z.string().max(5000, 'must be at most 5000 characters');
const products = z.array(slug).min(1, 'must name at least one product');
const reason = text(1000);

export const scheduleMaintenanceInput = z
  .strictObject({
    type: maintenanceType,
    title: text(200),
    titleEn: text(200).optional(),
    description: description.default(''),
    descriptionEn: description.optional(),
    products,
    start: instant,
    end: instant,
    expectedImpact: impact.default('major_outage'),
    /** Schedules against the SLA's notice or window rules; the breach stays visible. */
    overrideReason: reason.optional(),
    externalId: externalId.optional(),
  })
  .refine((m) => !(m.start instanceof Date && m.end instanceof Date) || m.end > m.start, { path: ['end'], message: 'must be later than start' });

export const editMaintenanceInput = z
  .strictObject({
    title: text(200).optional(),
    titleEn: text(200).nullable().optional(),
    description: description.optional(),
    descriptionEn: description.nullable().optional(),
    products: products.optional(),
    start: instant.optional(),
    end: instant.optional(),
    expectedImpact: impact.optional(),
    overrideReason: reason.optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'overrideReason'), 'must change at least one field');

export const cancelMaintenanceInput = z.strictObject({ reason });
export const completeMaintenanceInput = z.strictObject({}).default({});
