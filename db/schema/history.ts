// What the public side shows: products and their groups, incidents with their updates and
// impacts, maintenance with its revisions, outages and the monthly KPIs.
import { relations, sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import {
  IMPACTS,
  INCIDENT_STATUSES,
  type IncidentCategory,
  MAINTENANCE_CHANGES,
  MAINTENANCE_STATES,
  MAINTENANCE_TYPES,
  OUTAGE_SOURCES,
} from '../../src/domain/vocabulary.ts';
import { MONTH_KEY_PATTERN, type MonthKey } from '../../src/time/zone.ts';
import { oneOf, utc } from './columns.ts';

export const productGroups = pgTable('product_groups', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique('product_groups_slug_key'),
  nameNl: text('name_nl').notNull(),
  nameEn: text('name_en').notNull(),
  position: integer('position').notNull(),
});

export const products = pgTable(
  'products',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique('products_slug_key'),
    groupId: integer('group_id')
      .notNull()
      .references(() => productGroups.id),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    position: integer('position').notNull(),
    /** Availability target in percent (99.95); null = best effort, compared with nothing. */
    availabilityTarget: doublePrecision('availability_target'),
    /** Time before this moment is part of no availability period (docs/sla.md#measured-since). */
    measuredSince: utc('measured_since').notNull(),
  },
  (t) => [
    index('products_group_idx').on(t.groupId),
    check('products_target_range', sql`${t.availabilityTarget} is null or (${t.availabilityTarget} > 0 and ${t.availabilityTarget} <= 100)`),
  ],
);

export const incidents = pgTable(
  'incidents',
  {
    id: serial('id').primaryKey(),
    externalId: text('external_id').unique('incidents_external_id_key'),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    category: smallint('category').$type<IncidentCategory>().notNull(),
    reportedAt: utc('reported_at').notNull(),
    /** Status of the latest update, kept here so lists need not read every update. */
    status: text('status', { enum: INCIDENT_STATUSES }).notNull(),
    resolvedAt: utc('resolved_at'),
    /** Rises with every write through the commands: the API's ETag and If-Match. */
    version: integer('version').notNull().default(1),
    createdAt: utc('created_at').notNull().defaultNow(),
    updatedAt: utc('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('incidents_reported_idx').on(t.reportedAt),
    index('incidents_open_idx').on(t.resolvedAt),
    check('incidents_category_valid', oneOf('category', [1, 2])),
    check('incidents_status_valid', oneOf('status', INCIDENT_STATUSES)),
    check('incidents_resolved_after_report', sql`${t.resolvedAt} is null or ${t.resolvedAt} >= ${t.reportedAt}`),
  ],
);

export const incidentUpdates = pgTable(
  'incident_updates',
  {
    id: serial('id').primaryKey(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    publishedAt: utc('published_at').notNull(),
    status: text('status', { enum: INCIDENT_STATUSES }).notNull(),
    message: text('message').notNull(),
    messageEn: text('message_en'),
    /** Set when a published update was corrected; the earlier text stays in the audit log. */
    editedAt: utc('edited_at'),
  },
  (t) => [
    index('incident_updates_incident_idx').on(t.incidentId, t.publishedAt),
    index('incident_updates_published_idx').on(t.publishedAt),
    check('incident_updates_status_valid', oneOf('status', INCIDENT_STATUSES)),
  ],
);

/** The impact on each affected product as of one update: a full snapshot, not a delta. */
export const incidentUpdateImpacts = pgTable(
  'incident_update_impacts',
  {
    updateId: integer('update_id')
      .notNull()
      .references(() => incidentUpdates.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    impact: text('impact', { enum: IMPACTS }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'incident_update_impacts_pk', columns: [t.updateId, t.productId] }),
    index('incident_update_impacts_product_idx').on(t.productId),
    check('incident_update_impacts_impact_valid', oneOf('impact', IMPACTS)),
  ],
);

/**
 * The incident report (reason for outage) the NOC writes after the resolution: Dutch,
 * optionally English. A draft until published_at is set; a published report is corrected
 * in place (edited_at), every version kept in the audit log.
 */
export const incidentReports = pgTable(
  'incident_reports',
  {
    incidentId: integer('incident_id')
      .primaryKey()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    bodyEn: text('body_en'),
    /** The first publication; null while it is a draft. Never moves once set. */
    publishedAt: utc('published_at'),
    /** The latest correction after publication; null if never corrected. */
    editedAt: utc('edited_at'),
    createdAt: utc('created_at').notNull(),
    updatedAt: utc('updated_at').notNull(),
  },
  (t) => [
    index('incident_reports_published_idx').on(t.publishedAt),
    check('incident_reports_edited_after_publication', sql`${t.editedAt} is null or (${t.publishedAt} is not null and ${t.editedAt} >= ${t.publishedAt})`),
  ],
);

export const maintenances = pgTable(
  'maintenances',
  {
    id: serial('id').primaryKey(),
    externalId: text('external_id').unique('maintenances_external_id_key'),
    type: text('type', { enum: MAINTENANCE_TYPES }).notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    description: text('description').notNull().default(''),
    descriptionEn: text('description_en'),
    /** Null for unannounced maintenance, which has no notice. */
    announcedAt: utc('announced_at'),
    windowStart: utc('window_start').notNull(),
    windowEnd: utc('window_end').notNull(),
    /** What customers should expect during the window. */
    expectedImpact: text('expected_impact', { enum: IMPACTS }).notNull().default('major_outage'),
    state: text('state', { enum: MAINTENANCE_STATES }).notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    /** A reason to schedule outside the SLA's notice or window rules; the breach stays visible. */
    overrideReason: text('override_reason'),
    /** Rises with every change of window, title, products or state (calendar SEQUENCE). */
    revision: integer('revision').notNull().default(0),
    /** Rises with every write through the commands: the API's ETag and If-Match. */
    version: integer('version').notNull().default(1),
    createdAt: utc('created_at').notNull().defaultNow(),
    updatedAt: utc('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('maintenances_window_idx').on(t.windowStart, t.windowEnd),
    check('maintenances_type_valid', oneOf('type', MAINTENANCE_TYPES)),
    check('maintenances_state_valid', oneOf('state', MAINTENANCE_STATES)),
    check('maintenances_impact_valid', oneOf('expected_impact', IMPACTS)),
    check('maintenances_window_order', sql`${t.windowEnd} > ${t.windowStart}`),
    check('maintenances_cancel_reason', sql`(${t.state} = 'cancelled') = (${t.cancelReason} is not null)`),
    check('maintenances_revision_positive', sql`${t.revision} >= 0`),
  ],
);

export const maintenanceProducts = pgTable(
  'maintenance_products',
  {
    maintenanceId: integer('maintenance_id')
      .notNull()
      .references(() => maintenances.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
  },
  (t) => [
    primaryKey({ name: 'maintenance_products_pk', columns: [t.maintenanceId, t.productId] }),
    index('maintenance_products_product_idx').on(t.productId),
  ],
);

/**
 * One row per published revision of a maintenance: what feeds show as "announced",
 * "rescheduled", "cancelled", "completed". The row with revision = maintenances.revision
 * is the current one.
 */
export const maintenanceRevisions = pgTable(
  'maintenance_revisions',
  {
    maintenanceId: integer('maintenance_id')
      .notNull()
      .references(() => maintenances.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    changedAt: utc('changed_at').notNull(),
    change: text('change', { enum: MAINTENANCE_CHANGES }).notNull(),
    windowStart: utc('window_start').notNull(),
    windowEnd: utc('window_end').notNull(),
    state: text('state', { enum: MAINTENANCE_STATES }).notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ name: 'maintenance_revisions_pk', columns: [t.maintenanceId, t.revision] }),
    index('maintenance_revisions_changed_idx').on(t.changedAt),
  ],
);

/** Downtime measured by the network management system or entered by the NOC. */
export const outages = pgTable(
  'outages',
  {
    id: serial('id').primaryKey(),
    externalId: text('external_id').unique('outages_external_id_key'),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    startedAt: utc('started_at').notNull(),
    /** Null while the outage is ongoing. */
    endedAt: utc('ended_at'),
    impact: text('impact', { enum: IMPACTS }).notNull(),
    source: text('source', { enum: OUTAGE_SOURCES }).notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('outages_product_time_idx').on(t.productId, t.startedAt),
    check('outages_impact_valid', oneOf('impact', IMPACTS)),
    check('outages_source_valid', oneOf('source', OUTAGE_SOURCES)),
    check('outages_order', sql`${t.endedAt} is null or ${t.endedAt} > ${t.startedAt}`),
  ],
);

/** SLA §3.2 performance indicators, per calendar month ("2026-03"). */
export const monthlyKpis = pgTable(
  'monthly_kpis',
  {
    month: text('month').$type<MonthKey>().primaryKey(),
    callSetupSeconds: doublePrecision('call_setup_seconds').notNull(),
    callSuccessRatio: doublePrecision('call_success_ratio').notNull(),
  },
  (t) => [
    check('monthly_kpis_month_format', sql`${t.month} ~ ${sql.raw(`'${MONTH_KEY_PATTERN}'`)}`),
    check('monthly_kpis_setup_positive', sql`${t.callSetupSeconds} >= 0`),
    check('monthly_kpis_ratio_range', sql`${t.callSuccessRatio} >= 0 and ${t.callSuccessRatio} <= 100`),
  ],
);

export const productGroupsRelations = relations(productGroups, ({ many }) => ({ products: many(products) }));
export const productsRelations = relations(products, ({ one }) => ({
  group: one(productGroups, { fields: [products.groupId], references: [productGroups.id] }),
}));
export const incidentsRelations = relations(incidents, ({ many, one }) => ({ updates: many(incidentUpdates), report: one(incidentReports) }));
export const incidentReportsRelations = relations(incidentReports, ({ one }) => ({
  incident: one(incidents, { fields: [incidentReports.incidentId], references: [incidents.id] }),
}));
export const incidentUpdatesRelations = relations(incidentUpdates, ({ one, many }) => ({
  incident: one(incidents, { fields: [incidentUpdates.incidentId], references: [incidents.id] }),
  impacts: many(incidentUpdateImpacts),
}));
export const incidentUpdateImpactsRelations = relations(incidentUpdateImpacts, ({ one }) => ({
  update: one(incidentUpdates, { fields: [incidentUpdateImpacts.updateId], references: [incidentUpdates.id] }),
  product: one(products, { fields: [incidentUpdateImpacts.productId], references: [products.id] }),
}));
export const maintenancesRelations = relations(maintenances, ({ many }) => ({
  products: many(maintenanceProducts),
  revisions: many(maintenanceRevisions),
}));
export const maintenanceProductsRelations = relations(maintenanceProducts, ({ one }) => ({
  maintenance: one(maintenances, { fields: [maintenanceProducts.maintenanceId], references: [maintenances.id] }),
  product: one(products, { fields: [maintenanceProducts.productId], references: [products.id] }),
}));
export const maintenanceRevisionsRelations = relations(maintenanceRevisions, ({ one }) => ({
  maintenance: one(maintenances, { fields: [maintenanceRevisions.maintenanceId], references: [maintenances.id] }),
}));
export const outagesRelations = relations(outages, ({ one }) => ({
  product: one(products, { fields: [outages.productId], references: [products.id] }),
}));
