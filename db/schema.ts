// The whole product's data model, for both drivers (PostgreSQL server and embedded PGlite).
// To change it: edit this file, run `npm run db:generate`, commit the new migration in
// db/migrations. Times are timestamptz, stored in UTC; columns snake_case, properties camelCase.
import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  bigserial,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  IMPACTS,
  INCIDENT_STATUSES,
  type Impact,
  type IncidentCategory,
  MAINTENANCE_CHANGES,
  MAINTENANCE_STATES,
  MAINTENANCE_TYPES,
  OUTAGE_SOURCES,
} from '../src/domain/vocabulary.ts';
import { MONTH_KEY_PATTERN, type MonthKey } from '../src/time/zone.ts';

const utc = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const oneOf = (column: string, values: readonly (string | number)[]) =>
  sql.raw(`${column} in (${values.map((v) => (typeof v === 'number' ? v : `'${v}'`)).join(', ')})`);

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
    /** Time before this moment is part of no availability period (SLA.md). */
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

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique('users_email_key'),
  name: text('name').notNull(),
  role: text('role', { enum: ['admin', 'operator'] }).notNull().default('operator'),
  passwordHash: text('password_hash'),
  createdAt: utc('created_at').notNull().defaultNow(),
  disabledAt: utc('disabled_at'),
  /** The TOTP key (base32) once the second factor is set up; null without one. */
  totpSecret: text('totp_secret'),
  /** A key being set up, until a first code confirms it. */
  totpPendingSecret: text('totp_pending_secret'),
  /** The time step of the last accepted code: no code is accepted twice. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  /** SHA-256 hashes of the unused recovery codes. */
  recoveryCodes: jsonb('recovery_codes').$type<string[]>().notNull().default([]),
});

/** Console-wide settings an admin changes (one row). */
export const consoleSettings = pgTable('console_settings', {
  id: smallint('id').primaryKey().default(1),
  /** Every user must set up a second factor before using the console. */
  requireTotp: boolean('require_totp').notNull().default(false),
});

/** API tokens: only a SHA-256 hash is stored; the prefix lets operators recognise one. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique('api_tokens_hash_key'),
    /** What the token may write: a subset of TOKEN_SCOPES (src/domain/actor.ts). */
    scopes: jsonb('scopes').$type<string[]>().notNull().default([]),
    createdAt: utc('created_at').notNull().defaultNow(),
    lastUsedAt: utc('last_used_at'),
    expiresAt: utc('expires_at'),
    revokedAt: utc('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who acted when no user did: "import", "demo", "system". */
    actor: text('actor').notNull(),
    /** The visible prefix of the API token used, when one was. */
    tokenPrefix: text('token_prefix'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    at: utc('at').notNull().defaultNow(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_entity_idx').on(t.entityType, t.entityId)],
);

/** Named starting points for common incidents (src/incidents/templates). */
export const incidentTemplates = pgTable('incident_templates', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique('incident_templates_name_key'),
  title: text('title').notNull(),
  titleEn: text('title_en'),
  category: smallint('category').$type<IncidentCategory>().notNull(),
  message: text('message').notNull(),
  messageEn: text('message_en'),
  /** Impact per product slug, as the incident form's first update takes it. */
  impacts: jsonb('impacts').$type<Record<string, Impact>>().notNull().default({}),
});

/** Console sessions: the id is the SHA-256 of the cookie's random value (src/auth/sessions.ts). */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The CSRF token every form of this session carries. */
    csrf: text('csrf').notNull(),
    /** Signed in with the password, still to give the second factor: no console page yet. */
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
    createdAt: utc('created_at').notNull(),
    lastSeenAt: utc('last_seen_at').notNull(),
    /** The absolute end, however active the session is. */
    expiresAt: utc('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Failed sign-ins per account ("account:<email>") and per address ("address:<ip>"). */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: utc('window_start').notNull(),
  lockedUntil: utc('locked_until'),
});

/**
 * The published state's version: every write (commands, import, demo) bumps it in its own
 * transaction, so readers and caches can tell that what the page shows has changed.
 */
export const dataVersion = pgTable(
  'data_version',
  {
    id: smallint('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull(),
    changedAt: utc('changed_at').notNull(),
  },
  (t) => [check('data_version_single_row', sql`${t.id} = 1`)],
);

/** The first answer to a POST with an Idempotency-Key, replayed to a retry for 24 hours. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tokenId: integer('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    status: smallint('status').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    body: text('body').notNull(),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [primaryKey({ name: 'idempotency_keys_pk', columns: [t.tokenId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/**
 * Notification subscribers (src/notifications): an e-mail address or a webhook URL, for all
 * products or the ones in subscriber_products. Personal data: the address is never on a
 * public page and never logged in full. Nothing is sent before confirmedAt (double opt-in),
 * except the confirmation itself.
 */
export const subscribers = pgTable(
  'subscribers',
  {
    id: serial('id').primaryKey(),
    channel: text('channel', { enum: ['email', 'webhook'] }).notNull(),
    /** The address (lower case) mails go to; for a webhook, the contact for failure notices. */
    email: text('email').notNull(),
    /** The webhook's URL (channel webhook only). */
    url: text('url'),
    /** The key the webhook's HMAC-SHA256 signature is made with (channel webhook only). */
    secret: text('secret'),
    locale: text('locale', { enum: ['nl', 'en'] }).notNull().default('nl'),
    allProducts: boolean('all_products').notNull().default(true),
    createdAt: utc('created_at').notNull(),
    confirmedAt: utc('confirmed_at'),
    /** A webhook failing for a day is disabled (its contact gets a mail). */
    disabledAt: utc('disabled_at'),
    /** The last confirmation mail, for the per-address rate limit. */
    lastConfirmationAt: utc('last_confirmation_at'),
  },
  (t) => [
    uniqueIndex('subscribers_email_key').on(t.email).where(sql`${t.channel} = 'email'`),
    uniqueIndex('subscribers_webhook_key').on(t.url).where(sql`${t.channel} = 'webhook'`),
    check('subscribers_channel_valid', oneOf('channel', ['email', 'webhook'])),
    check('subscribers_webhook_fields', sql`(${t.channel} = 'webhook') = (${t.url} is not null and ${t.secret} is not null)`),
  ],
);

export const subscriberProducts = pgTable(
  'subscriber_products',
  {
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
  },
  (t) => [primaryKey({ name: 'subscriber_products_pk', columns: [t.subscriberId, t.productId] }), index('subscriber_products_product_idx').on(t.productId)],
);

/**
 * The links in the mails (confirm, manage/cancel): only the SHA-256 of each random token is
 * kept. Every mail carries its own token, so a leaked mail gives away one link, not a key.
 */
export const subscriberTokens = pgTable(
  'subscriber_tokens',
  {
    hash: text('hash').primaryKey(),
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['confirm', 'manage'] }).notNull(),
    createdAt: utc('created_at').notNull(),
    expiresAt: utc('expires_at'),
  },
  (t) => [index('subscriber_tokens_subscriber_idx').on(t.subscriberId)],
);

/**
 * The outbox: one row per event to tell (an incident opened, a maintenance rescheduled, a
 * reminder), written in the transaction of the write it tells about. The payload is the
 * snapshot the messages are made from, so a later change does not alter a queued message.
 */
export const notificationEvents = pgTable(
  'notification_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    /** Events found by a clock (reminders) are written once: a second writer meets this key. */
    dedupKey: text('dedup_key').unique('notification_events_dedup_key'),
    payload: jsonb('payload').notNull(),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [index('notification_events_created_idx').on(t.createdAt)],
);

/**
 * One delivery (event × recipient): the durable job the worker claims with FOR UPDATE SKIP
 * LOCKED, retries with exponential backoff and finally marks dead.
 */
export const notificationJobs = pgTable(
  'notification_jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => notificationEvents.id, { onDelete: 'cascade' }),
    /** Null for a mail to an address of the configuration (the NOC's reminders). */
    subscriberId: integer('subscriber_id').references(() => subscribers.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: ['email', 'webhook'] }).notNull(),
    /** The address of a mail without a subscriber (NOC reminders). */
    recipient: text('recipient'),
    /** Event × recipient: the same delivery is never queued twice. */
    dedupKey: text('dedup_key').notNull().unique('notification_jobs_dedup_key'),
    state: text('state', { enum: ['queued', 'sending', 'sent', 'failed', 'dead'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    runAfter: utc('run_after').notNull(),
    /** While sending: the claim's lease; a worker that died leaves it to expire. */
    lockedUntil: utc('locked_until'),
    lastError: text('last_error'),
    createdAt: utc('created_at').notNull(),
    sentAt: utc('sent_at'),
  },
  (t) => [
    index('notification_jobs_due_idx').on(t.state, t.runAfter),
    index('notification_jobs_event_idx').on(t.eventId),
    index('notification_jobs_subscriber_idx').on(t.subscriberId),
    check('notification_jobs_state_valid', oneOf('state', ['queued', 'sending', 'sent', 'failed', 'dead'])),
  ],
);

export const productGroupsRelations = relations(productGroups, ({ many }) => ({ products: many(products) }));
export const productsRelations = relations(products, ({ one }) => ({
  group: one(productGroups, { fields: [products.groupId], references: [productGroups.id] }),
}));
export const incidentsRelations = relations(incidents, ({ many }) => ({ updates: many(incidentUpdates) }));
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
export const apiTokensRelations = relations(apiTokens, ({ one }) => ({
  user: one(users, { fields: [apiTokens.userId], references: [users.id] }),
}));
