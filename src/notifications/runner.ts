// The worker's loop, in the app process (NOTIFICATION_WORKERS=in-process, the default) or
// in `npm run worker`: deliveries every second, the clock's events every 30 seconds. A
// failing round is logged and the next one runs: notifications never stop the page.
import type { Database } from '#db/client.ts';
import type { Config } from '#src/config/environment.ts';
import { slaSettingsOf } from '#src/config/environment.ts';
import { mailTransport, type MailTransport } from './channels/mail.ts';
import { tick } from './scheduler.ts';
import { drain, type WorkerDeps } from './worker.ts';

export const DELIVERY_INTERVAL_MS = 1000;
export const TICK_INTERVAL_MS = 30_000;

export interface RunningNotifications {
  mail: MailTransport;
  stop(): Promise<void>;
}

export function workerDeps(db: Database, config: Config, clock: () => Date, mail: MailTransport, log: (line: string) => void): WorkerDeps {
  const n = config.notifications;
  return { db, mail, clock, log, settings: { siteUrl: config.siteUrl, webhookRetryBaseMs: n.webhookRetryBaseMs, webhookAllowPrivate: n.webhookAllowPrivate } };
}

export function startNotifications(db: Database, config: Config, clock: () => Date, log: (line: string) => void = console.error): RunningNotifications {
  const mail = mailTransport(config.notifications);
  const deps = workerDeps(db, config, clock, mail, log);
  const scheduler = { reminderLeadMs: config.notifications.reminderLeadMs, nocEmails: config.notifications.nocEmails, sla: slaSettingsOf(config) };
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let lastTick = 0;
  const round = async () => {
    try {
      if (Date.now() - lastTick >= TICK_INTERVAL_MS) {
        lastTick = Date.now();
        await tick(db, clock(), scheduler);
      }
      await drain(deps);
    } catch (error) {
      log(`notifications: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(round);
  }, DELIVERY_INTERVAL_MS);
  timer.unref();
  return {
    mail,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      mail.close();
    },
  };
}
