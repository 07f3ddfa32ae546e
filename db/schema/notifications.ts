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
import { CHANNEL_NAMES } from '../../src/domain/vocabulary.ts';
import { oneOf, utc } from './columns.ts';
import { products } from './history.ts';

const JOB_STATES = ['queued', 'sending', 'sent', 'failed', 'dead'] as const;
/**
 * Notification subscribers (src/notifications): an e-mail address, or a URL of a channel
 * that posts (a webhook, Microsoft Teams, Slack, Discord) with a contact address, for all
 * products or the ones in subscriber_products. Personal data: the address is never on a
 * public page and never logged in full. Nothing is sent before confirmedAt (double
 * opt-in), except the confirmation itself.
 */
export const subscribers = pgTable(
  'subscribers',
  {
    id: serial('id').primaryKey(),
    channel: text('channel', { enum: CHANNEL_NAMES }).notNull(),
    /** The address (lower case) mails go to; for a URL channel, the contact for confirmation and failure notices. */
    email: text('email').notNull(),
    /** Where a URL channel posts (every channel but e-mail). */
    url: text('url'),
    /** The key the webhook's HMAC-SHA256 signature is made with (channel webhook only). */
    secret: text('secret'),
    /**
     * The key of this subscriber's links (manage, one-click unsubscribe, confirm): each link
     * carries an HMAC made with it (src/notifications/links.ts), so no row is written per
     * mail. Random per subscriber (two UUIDv4s, 244 random bits); replacing it revokes every
     * link sent so far.
     */
    linkKey: text('link_key')
      .notNull()
      .default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
    locale: text('locale', { enum: ['nl', 'en'] }).notNull().default('nl'),
    allProducts: boolean('all_products').notNull().default(true),
    createdAt: utc('created_at').notNull(),
    confirmedAt: utc('confirmed_at'),
    /** A URL channel failing for a day, or gone at its platform (404), is disabled (its contact gets a mail). */
    disabledAt: utc('disabled_at'),
    /** The last confirmation mail, for the per-address rate limit; its link expires 48 hours after it. */
    lastConfirmationAt: utc('last_confirmation_at'),
  },
  (t) => [
    uniqueIndex('subscribers_email_key').on(t.email).where(sql`${t.channel} = 'email'`),
    uniqueIndex('subscribers_url_key').on(t.channel, t.url).where(sql`${t.url} is not null`),
    check('subscribers_channel_valid', oneOf('channel', CHANNEL_NAMES)),
    check('subscribers_url_fields', sql`(${t.channel} = 'email') = (${t.url} is null)`),
    check('subscribers_webhook_secret', sql`(${t.channel} = 'webhook') = (${t.secret} is not null)`),
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
 * Links of mails sent before the links were signed with subscribers.link_key: only the
 * SHA-256 of each random token is kept. Nothing writes here any more; the links in those
 * mails keep working (src/notifications/links.ts), and the retention removes the rows
 * after NOTIFICATION_LOG_DAYS.
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
 * LOCKED, retries with backoff and finally marks dead. Kept NOTIFICATION_LOG_DAYS, then
 * deleted with its event.
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
    /** The channel it goes out on: the subscriber's, or e-mail for what is said about a subscription (confirmation, disabled). */
    channel: text('channel', { enum: CHANNEL_NAMES }).notNull(),
    /** The address of a mail without a subscriber (NOC reminders). */
    recipient: text('recipient'),
    state: text('state', { enum: JOB_STATES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** When it is due; while sending, when the claim's lease runs out (a worker that died leaves it to expire). */
    runAfter: utc('run_after').notNull(),
    lastError: text('last_error'),
    createdAt: utc('created_at').notNull(),
    sentAt: utc('sent_at'),
  },
  (t) => [
    // Event × recipient: the same delivery is never queued twice.
    uniqueIndex('notification_jobs_event_subscriber_key').on(t.eventId, t.subscriberId),
    uniqueIndex('notification_jobs_event_recipient_key').on(t.eventId, t.recipient),
    // What a worker claims: the open jobs of one channel by due time (sent and dead ones, the bulk, stay out).
    index('notification_jobs_due_idx').on(t.channel, t.runAfter).where(sql`${t.state} in ('queued', 'sending', 'failed')`),
    index('notification_jobs_subscriber_idx').on(t.subscriberId),
    check('notification_jobs_state_valid', oneOf('state', JOB_STATES)),
    check('notification_jobs_channel_valid', oneOf('channel', CHANNEL_NAMES)),
  ],
);
