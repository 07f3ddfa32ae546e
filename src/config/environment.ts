// Runtime configuration, read from the environment once at start-up and validated with
// one schema. A bad value is reported as one line naming the setting and the rule.
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_IMPACT_WEIGHTS } from '#src/domain/vocabulary.ts';
import { parseCidrs } from '#src/config/networks.ts';
import type { SlaSettings } from '#src/sla/settings.ts';

const port = z.coerce
  .number({ error: 'must be a whole number from 1 to 65535' })
  .int('must be a whole number from 1 to 65535')
  .min(1, 'must be a whole number from 1 to 65535')
  .max(65535, 'must be a whole number from 1 to 65535');

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http:// or https:// URL' })
  .transform((value) => value.replace(/\/+$/, ''));

const postgresUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: 'must be a postgres:// or postgresql:// URL',
});

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be dates written YYYY-MM-DD')
  .refine((d) => {
    const date = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(+date) && date.toISOString().startsWith(d);
  }, 'must be dates that exist, written YYYY-MM-DD');
const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

const cidrs = z
  .string()
  .default('')
  .transform((value, ctx) => {
    try {
      return parseCidrs(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `must be comma-separated IPv4/IPv6 addresses or CIDR ranges: ${(error as Error).message}` });
      return z.NEVER;
    }
  });
const emailList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
  .pipe(z.array(z.email({ error: 'must be comma-separated e-mail addresses' })));
/** Origins a CSP frame-ancestors list may name: scheme, host (a leading *. for every subdomain), optional port. */
const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;
const originList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((o) => o.trim().toLowerCase().replace(/\/$/, '')).filter(Boolean))
  .pipe(z.array(z.string().regex(ORIGIN, 'must be comma-separated origins such as https://portal.example.nl or https://*.example.nl (scheme and host, no path)')));
const onOff = (name: string) => z.enum(['true', 'false'], { error: `must be "true" or "false" (${name})` });
const wholeNumber = (rule: string) => z.coerce.number({ error: rule }).int(rule).min(1, rule);
type AlertImpact = 'degraded_performance' | 'partial_outage' | 'major_outage';

/** The environment's settings, and what they become: the schema's output is the Config. */
function configSchema(cwd: string) {
  const inCwd = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  return z
    .object({
      PORT: port.default(4321),
      HOST: z.string().min(1, 'must not be empty').default('localhost'),
      DATABASE_URL: postgresUrl.optional(),
      DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
      SITE_URL: httpUrl.optional(),
      DEMO_DATA: z.enum(['auto', 'off'], { error: 'must be "auto" (fill an empty embedded database) or "off"' }).default('auto'),
      CATALOGUE_FILE: z.string().min(1, 'must not be empty').default('db/catalogue.json'),
      IMPACT_WEIGHT_PARTIAL: z.coerce
        .number({ error: 'must be a number from 0 to 1' })
        .min(0, 'must be a number from 0 to 1')
        .max(1, 'must be a number from 0 to 1')
        .default(0.3),
      OFFICE_HOURS: z
        .string()
        .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'must be written HH:MM-HH:MM, e.g. 08:00-17:00')
        .refine((v) => v.split('-').every((t) => clock.test(t)) && v.slice(0, 5) < v.slice(6), 'must be two clock times HH:MM-HH:MM, the first earlier')
        .default('08:00-17:00'),
      OFFICE_HOLIDAYS: z
        .string()
        .default('')
        .transform((v) => v.split(',').map((d) => d.trim()).filter(Boolean))
        .pipe(z.array(isoDate)),
      API_RATE_LIMIT: wholeNumber('must be a whole number of requests per minute, 1 or more').default(120),
      ALERTMANAGER_PRODUCT_LABEL: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a Prometheus label name').default('product'),
      ALERTMANAGER_SEVERITIES: z
        .string()
        .default('critical=major_outage,warning=partial_outage')
        .transform((v) => v.split(',').map((pair) => pair.trim()).filter(Boolean).map((pair) => pair.split('=').map((x) => x.trim())))
        .pipe(z.array(z.tuple([z.string().min(1), z.enum(['degraded_performance', 'partial_outage', 'major_outage'])], { error: 'must be severity=impact pairs, e.g. critical=major_outage,warning=partial_outage' })))
        .transform((pairs) => Object.fromEntries(pairs) as Record<string, AlertImpact>),
      ADMIN_ALLOW_CIDRS: cidrs,
      TRUSTED_PROXIES: cidrs,
      SESSION_IDLE_MINUTES: wholeNumber('must be a whole number of minutes, 1 or more').default(60),
      SESSION_MAX_HOURS: wholeNumber('must be a whole number of hours, 1 or more').default(12),
      LOGIN_MAX_FAILURES: wholeNumber('must be a whole number, 1 or more').default(5),
      QUERY_BUDGET_MS: wholeNumber('must be a whole number of milliseconds, 1 or more').default(2000),
      CACHE_MAX_MB: wholeNumber('must be a whole number of megabytes, 1 or more').default(64),
      SHUTDOWN_GRACE_SECONDS: wholeNumber('must be a whole number of seconds, 1 or more').default(10),
      EXPORT_DIR: z.string().min(1, 'must not be empty').optional(),
      SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
      MAIL_FROM: z
        .string()
        .regex(/^(.*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be an address, or a name with the address in <>, e.g. "voizXL status <status@voizxl.nl>"')
        .default('voizXL status <status@localhost>'),
      MAINTENANCE_REMINDER_HOURS: z.coerce.number({ error: 'must be a number of hours from 0 to 336 (0: no reminder)' }).min(0, 'must be a number of hours from 0 to 336 (0: no reminder)').max(336, 'must be a number of hours from 0 to 336 (0: no reminder)').default(24),
      WEBHOOK_RETRY_BASE_SECONDS: wholeNumber('must be a whole number of seconds, 1 or more').default(30),
      WEBHOOK_ALLOW_PRIVATE: onOff('allow webhooks to loopback and private networks').default('false'),
      NOC_ALERT_EMAILS: emailList,
      EMBED_ALLOWED_ORIGINS: originList,
      NOTIFICATION_WORKERS: z.enum(['in-process', 'separate'], { error: 'must be "in-process" (the app sends) or "separate" (`npm run worker` sends)' }).default('in-process'),
      NOTIFICATION_LOG_DAYS: wholeNumber('must be a whole number of days, 1 or more').default(90),
      SMTP_CONNECTIONS: wholeNumber('must be a whole number of connections, 1 or more').default(5),
    })
    .transform((s) => ({
      port: s.PORT,
      host: s.HOST,
      /** Set: a PostgreSQL server; unset: the embedded PGlite database under dataDir. */
      databaseUrl: s.DATABASE_URL,
      dataDir: inCwd(s.DATA_DIR),
      /** Absolute, without a trailing slash. */
      siteUrl: s.SITE_URL ?? `http://localhost:${s.PORT}`,
      demoData: s.DEMO_DATA,
      catalogueFile: inCwd(s.CATALOGUE_FILE),
      partialOutageWeight: s.IMPACT_WEIGHT_PARTIAL,
      officeHours: { start: s.OFFICE_HOURS.slice(0, 5), end: s.OFFICE_HOURS.slice(6), holidays: s.OFFICE_HOLIDAYS },
      /** Write-API requests per token per minute. */
      apiRateLimit: s.API_RATE_LIMIT,
      alertmanager: { productLabel: s.ALERTMANAGER_PRODUCT_LABEL, severities: s.ALERTMANAGER_SEVERITIES },
      /** Empty: /admin and /api/v1 are open to every address. */
      adminAllowCidrs: s.ADMIN_ALLOW_CIDRS,
      /** Proxies whose X-Forwarded-For is believed. */
      trustedProxies: s.TRUSTED_PROXIES,
      sessionIdleMinutes: s.SESSION_IDLE_MINUTES,
      sessionMaxHours: s.SESSION_MAX_HOURS,
      loginMaxFailures: s.LOGIN_MAX_FAILURES,
      /** A database query slower than this: the public side serves its last good render. */
      queryBudgetMs: s.QUERY_BUDGET_MS,
      /** Memory bound of the response cache. */
      cacheMaxBytes: s.CACHE_MAX_MB * 1024 * 1024,
      /** On SIGTERM, how long in-flight requests may take to finish. */
      shutdownGraceSeconds: s.SHUTDOWN_GRACE_SECONDS,
      /** Set: the static snapshot is written there at start and after every change. */
      exportDir: s.EXPORT_DIR ? inCwd(s.EXPORT_DIR) : undefined,
      /** The sites that may show /embed in a frame; empty: any site. */
      embedAllowedOrigins: s.EMBED_ALLOWED_ORIGINS,
      notifications: {
        /** Unset: mails are written as .eml files under mailDir. */
        smtpUrl: s.SMTP_URL,
        mailDir: inCwd(`${s.DATA_DIR}/mail`),
        mailFrom: s.MAIL_FROM,
        /** SMTP connections the worker keeps open, each carrying many messages. */
        smtpConnections: s.SMTP_CONNECTIONS,
        /** Delivered jobs and their events are deleted this many days after the event. */
        logDays: s.NOTIFICATION_LOG_DAYS,
        reminderLeadMs: s.MAINTENANCE_REMINDER_HOURS * 3_600_000,
        webhookRetryBaseMs: s.WEBHOOK_RETRY_BASE_SECONDS * 1000,
        webhookAllowPrivate: s.WEBHOOK_ALLOW_PRIVATE === 'true',
        nocEmails: s.NOC_ALERT_EMAILS.map((a) => a.toLowerCase()),
        /** Whether this app process runs the notification worker, in a thread of its own (else `npm run worker` does). */
        inProcessWorker: s.NOTIFICATION_WORKERS === 'in-process',
      },
    }));
}

export type Config = z.output<ReturnType<typeof configSchema>>;

export class ConfigError extends Error {
  readonly setting: string;
  constructor(setting: string, rule: string, value: unknown) {
    const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
    super(`${setting} ${rule}${shown}`);
    this.name = 'ConfigError';
    this.setting = setting;
  }
}

/** Validates the environment; throws a ConfigError naming the first bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  // An empty variable means "not set", as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema(cwd).safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const setting = String(issue.path[0]);
    throw new ConfigError(setting, issue.message, present[setting]);
  }
  return parsed.data;
}

const settingsOf = new WeakMap<Config, SlaSettings>();

/**
 * The SLA engine's settings in force: impact weights and the office-hours clock. The same
 * object for the same configuration, so the office-hours clock's cache keeps working.
 */
export function slaSettingsOf(config: Config): SlaSettings {
  const known = settingsOf.get(config);
  if (known) return known;
  const settings: SlaSettings = {
    weights: { ...DEFAULT_IMPACT_WEIGHTS, partial_outage: config.partialOutageWeight },
    officeHours: { start: config.officeHours.start, end: config.officeHours.end, holidays: config.officeHours.holidays },
  };
  settingsOf.set(config, settings);
  return settings;
}
