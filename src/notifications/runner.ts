// The notification worker of one process: the delivery lanes (./delivery/dispatcher.ts)
// over a queue store, with the mail transport and the settings it needs. Run in a worker
// thread of the app (./delivery/thread.ts, NOTIFICATION_WORKERS=in-process, the default)
// or in `npm run worker` (src/cli/worker.ts).
import { slaSettingsOf, type Config } from '#src/config/environment.ts';
import type { SlaSettings } from '#src/sla/settings.ts';
import { mailTransport, type MailTransport } from './channels/email/transport.ts';
import { runDelivery } from './delivery/dispatcher.ts';
import type { DeliveryStore, TickSettings } from './delivery/store.ts';

/** What the worker needs of the configuration: plain data, so it can be handed to a thread. */
export interface WorkerConfig {
  siteUrl: string;
  databaseUrl: string | undefined;
  notifications: Config['notifications'];
  sla: SlaSettings;
}

/** What the clock's round (reminders, retention) needs. */
export const tickSettingsOf = ({ notifications: n, sla }: WorkerConfig): TickSettings => ({ reminderLeadMs: n.reminderLeadMs, nocEmails: n.nocEmails, sla, logDays: n.logDays });

export const workerConfigOf = (config: Config): WorkerConfig => ({ siteUrl: config.siteUrl, databaseUrl: config.databaseUrl, notifications: config.notifications, sla: slaSettingsOf(config) });

export interface RunningNotifications {
  mail: MailTransport;
  wake(): void;
  lastActive(): number;
  stop(): Promise<void>;
}

/** `clockRound: false`: reminders and retention run elsewhere (the app's thread). */
export function startNotifications(store: DeliveryStore, config: WorkerConfig, clock: () => Date, { log = console.error, clockRound = true }: { log?: (line: string) => void; clockRound?: boolean } = {}): RunningNotifications {
  const n = config.notifications;
  const mail = mailTransport(n);
  const deps = { store, mail, clock, log, settings: { siteUrl: config.siteUrl, webhookRetryBaseMs: n.webhookRetryBaseMs, webhookAllowPrivate: n.webhookAllowPrivate } };
  const delivery = runDelivery(deps, clockRound ? tickSettingsOf(config) : null);
  return {
    mail,
    wake: delivery.wake,
    lastActive: delivery.lastActive,
    stop: async () => {
      await delivery.stop();
      mail.close();
    },
  };
}
