// The notification worker of one process: the delivery lanes (./delivery/dispatcher.ts)
// over a queue store, with the mail transport and the settings it needs. Run in a worker
// thread of the app (./delivery/thread.ts, NOTIFICATION_WORKERS=in-process, the default)
// or in `npm run worker` (src/cli/worker.ts).
import { slaSettingsOf, type Config } from '#src/config/environment.ts';
import type { SlaSettings } from '#src/sla/settings.ts';
import { mailTransport, type MailTransport } from './channels/email/transport.ts';
import { runDelivery } from './delivery/dispatcher.ts';
import type { DeliveryStore } from './delivery/store.ts';

/** What the worker needs of the configuration: plain data, so it can be handed to a thread. */
export interface WorkerConfig {
  siteUrl: string;
  databaseUrl: string | undefined;
  notifications: Config['notifications'];
  sla: SlaSettings;
}

export const workerConfigOf = (config: Config): WorkerConfig => ({ siteUrl: config.siteUrl, databaseUrl: config.databaseUrl, notifications: config.notifications, sla: slaSettingsOf(config) });

export interface RunningNotifications {
  mail: MailTransport;
  wake(): void;
  stop(): Promise<void>;
}

export function startNotifications(store: DeliveryStore, config: WorkerConfig, clock: () => Date, log: (line: string) => void = console.error): RunningNotifications {
  const n = config.notifications;
  const mail = mailTransport(n);
  const deps = { store, mail, clock, log, settings: { siteUrl: config.siteUrl, webhookRetryBaseMs: n.webhookRetryBaseMs, webhookAllowPrivate: n.webhookAllowPrivate } };
  const delivery = runDelivery(deps, { reminderLeadMs: n.reminderLeadMs, nocEmails: n.nocEmails, sla: config.sla, logDays: n.logDays });
  return {
    mail,
    wake: delivery.wake,
    stop: async () => {
      await delivery.stop();
      mail.close();
    },
  };
}
