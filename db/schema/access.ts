// Who may write, and what they did: users, API tokens, console sessions and settings, the
// sign-in throttle, incident templates and the audit log.
import { relations } from 'drizzle-orm';
import {
  bigint,
  boolean,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import type { Impact, IncidentCategory } from '../../src/domain/vocabulary.ts';
import { utc } from './columns.ts';

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
export const apiTokensRelations = relations(apiTokens, ({ one }) => ({
  user: one(users, { fields: [apiTokens.userId], references: [users.id] }),
}));
