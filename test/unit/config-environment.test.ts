// Configuration is validated once; a bad value names the setting and the rule.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#src/config/environment.ts';

describe('configuration', () => {
  it('has working defaults for a laptop: port 4321, embedded database in ./data', () => {
    const config = loadConfig({}, '/srv/status');
    expect(config).toMatchObject({
      port: 4321,
      host: 'localhost',
      databaseUrl: undefined,
      dataDir: '/srv/status/data',
      siteUrl: 'http://localhost:4321',
      demoData: 'auto',
      partialOutageWeight: 0.3,
      officeHours: { start: '08:00', end: '17:00', holidays: [] },
    });
  });

  it('reads every setting', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://status@db.internal:5432/status',
        DATA_DIR: '/var/lib/status',
        SITE_URL: 'https://status.voizxl.nl/',
        DEMO_DATA: 'off',
        IMPACT_WEIGHT_PARTIAL: '0.5',
        OFFICE_HOURS: '09:00-17:30',
        OFFICE_HOLIDAYS: '2026-12-25, 2026-12-26',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://status@db.internal:5432/status',
      dataDir: '/var/lib/status',
      siteUrl: 'https://status.voizxl.nl',
      demoData: 'off',
      partialOutageWeight: 0.5,
      officeHours: { start: '09:00', end: '17:30', holidays: ['2026-12-25', '2026-12-26'] },
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535 (got "70000")'],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL (got "mysql://root@localhost/db")'],
    [{ SITE_URL: 'status.voizxl.nl' }, 'SITE_URL must be an absolute http:// or https:// URL (got "status.voizxl.nl")'],
    [{ DEMO_DATA: 'yes' }, 'DEMO_DATA must be "auto" (fill an empty embedded database) or "off" (got "yes")'],
    [{ IMPACT_WEIGHT_PARTIAL: '2' }, 'IMPACT_WEIGHT_PARTIAL must be a number from 0 to 1 (got "2")'],
    [{ OFFICE_HOURS: '17:00-08:00' }, 'OFFICE_HOURS must be two clock times HH:MM-HH:MM, the first earlier (got "17:00-08:00")'],
    [{ OFFICE_HOLIDAYS: '25-12-2026' }, 'OFFICE_HOLIDAYS must be dates written YYYY-MM-DD (got "25-12-2026")'],
    [{ OFFICE_HOLIDAYS: '2026-12-25,2026-02-30' }, 'OFFICE_HOLIDAYS must be dates that exist, written YYYY-MM-DD (got "2026-12-25,2026-02-30")'],
    [{ SMTP_URL: 'http://mail.example.nl' }, 'SMTP_URL must be an smtp:// or smtps:// URL (got "http://mail.example.nl")'],
    [{ MAIL_FROM: 'status' }, 'MAIL_FROM must be an address, or a name with the address in <>'],
    [{ MAINTENANCE_REMINDER_HOURS: '400' }, 'MAINTENANCE_REMINDER_HOURS must be a number of hours from 0 to 336 (0: no reminder) (got "400")'],
    [{ WEBHOOK_RETRY_BASE_SECONDS: '0' }, 'WEBHOOK_RETRY_BASE_SECONDS must be a whole number of seconds, 1 or more (got "0")'],
    [{ WEBHOOK_ALLOW_PRIVATE: 'yes' }, 'WEBHOOK_ALLOW_PRIVATE must be "true" or "false"'],
    [{ NOC_ALERT_EMAILS: 'noc@voizxl.nl, nobody' }, 'NOC_ALERT_EMAILS must be comma-separated e-mail addresses (got "noc@voizxl.nl, nobody")'],
    [{ EMBED_ALLOWED_ORIGINS: 'https://portal.example.nl/status' }, 'EMBED_ALLOWED_ORIGINS must be comma-separated origins such as https://portal.example.nl or https://*.example.nl (scheme and host, no path)'],
    [{ EMBED_ALLOWED_ORIGINS: "https://a.example.nl, 'self'" }, 'EMBED_ALLOWED_ORIGINS must be comma-separated origins'],
    [{ NOTIFICATION_WORKERS: 'both' }, 'NOTIFICATION_WORKERS must be "in-process" (the app sends) or "separate" (`npm run worker` sends) (got "both")'],
  ])('refuses %o with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the notification settings, with defaults that work without a mail server', () => {
    expect(loadConfig({}, '/srv/status').notifications).toEqual({
      smtpUrl: undefined,
      mailDir: '/srv/status/data/mail',
      mailFrom: 'voizXL status <status@localhost>',
      smtpConnections: 5,
      logDays: 90,
      reminderLeadMs: 24 * 3_600_000,
      webhookRetryBaseMs: 30_000,
      webhookAllowPrivate: false,
      nocEmails: [],
      inProcessWorker: true,
    });
    const set = loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.nl:465', MAINTENANCE_REMINDER_HOURS: '48', NOC_ALERT_EMAILS: 'NOC@voizxl.nl, ops@voizxl.nl', NOTIFICATION_WORKERS: 'separate', WEBHOOK_ALLOW_PRIVATE: 'true', NOTIFICATION_LOG_DAYS: '30', SMTP_CONNECTIONS: '10' }, '/srv/status');
    expect(set.notifications).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example.nl:465', reminderLeadMs: 48 * 3_600_000, nocEmails: ['noc@voizxl.nl', 'ops@voizxl.nl'], inProcessWorker: false, webhookAllowPrivate: true, logDays: 30, smtpConnections: 10 });
    expect(() => loadConfig({ NOTIFICATION_LOG_DAYS: '0' })).toThrow('NOTIFICATION_LOG_DAYS must be a whole number of days, 1 or more');
  });

  it('lets any site frame the embeddable status unless EMBED_ALLOWED_ORIGINS names some', () => {
    expect(loadConfig({}).embedAllowedOrigins).toEqual([]);
    expect(loadConfig({ EMBED_ALLOWED_ORIGINS: 'https://Portal.example.nl/, https://*.reseller.nl:8443' }).embedAllowedOrigins).toEqual(['https://portal.example.nl', 'https://*.reseller.nl:8443']);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });
});
