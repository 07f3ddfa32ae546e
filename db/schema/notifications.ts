// Subscribers and the notification outbox (src/outbox, src/notifications).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { oneOf, utc } from './columns.ts';
import { products } from './history.ts';
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
