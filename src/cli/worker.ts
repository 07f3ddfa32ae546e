// `npm run worker`: the notification worker as its own process, beside one or more app
// instances started with NOTIFICATION_WORKERS=separate, on the same PostgreSQL server.
// (The embedded database admits one process, so there the app runs the worker itself.)
import { loadConfig } from '#src/config/environment.ts';
import { databaseStore } from '#src/notifications/delivery/store.ts';
import { startNotifications, workerConfigOf } from '#src/notifications/runner.ts';
import { JOBS_CHANNEL } from '#src/outbox/enqueue.ts';
import { openConfiguredDatabase } from '#src/server/boot.ts';
import { failOnStartupError } from './fail.ts';

try {
  const config = loadConfig();
  if (!config.databaseUrl) {
    console.error('Configuration error: DATABASE_URL must be set for a separate worker (the embedded database admits one process; the app sends notifications itself)');
    process.exit(1);
  }
  const handle = await openConfiguredDatabase(config);
  const worker = startNotifications(databaseStore(handle.db), workerConfigOf(config), () => new Date());
  const unlisten = await handle.listen?.(JOBS_CHANNEL, worker.wake);
  console.log(`Notification worker running; mail: ${worker.mail.describe}`);
  const stop = async () => {
    await unlisten?.();
    await worker.stop();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  failOnStartupError(error);
}
