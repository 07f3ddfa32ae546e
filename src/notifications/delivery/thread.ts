// The app's notification worker in a worker thread of its own, so that composing and
// sending 20,000 mails never stalls the event loop that serves the pages (issue 19 §4). On
// PostgreSQL the thread opens its own connections; the embedded database admits only the
// thread that opened it, so there the thread calls the queue's few batched statements
// across a message port (./port-rpc.ts) and this thread runs them. The outbox's NOTIFY
// wakes the thread at once. A thread that dies is started again after 5 seconds.
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { DatabaseHandle } from '#db/client.ts';
import { JOBS_CHANNEL } from '#src/outbox/enqueue.ts';
import type { WorkerConfig } from '../runner.ts';
import { serveOverPort } from './port-rpc.ts';
import { databaseStore } from './store.ts';

export interface ThreadData {
  config: WorkerConfig;
  /** The app's clock minus the wall clock when the thread started: the thread's clock runs from the app's. */
  clockOffsetMs: number;
  /** The queue is served across this port (the embedded database); absent: the thread connects to DATABASE_URL. */
  store?: MessagePort;
}

export interface NotificationThread {
  stop(): Promise<void>;
}

const RESTART_AFTER_MS = 5000;
const STOP_WAIT_MS = 15_000;

export function startNotificationThread(handle: DatabaseHandle, config: WorkerConfig, clock: () => Date, log: (line: string) => void = console.error): NotificationThread {
  let worker: Worker | null = null;
  let stopping = false;
  let restart: NodeJS.Timeout | undefined;
  const spawn = () => {
    const data: ThreadData = { config, clockOffsetMs: +clock() - Date.now() };
    const transfer: MessagePort[] = [];
    if (handle.driver === 'pglite') {
      const { port1, port2 } = new MessageChannel();
      serveOverPort(port1, databaseStore(handle.db));
      // The port must not keep the process alive on its own.
      port1.unref();
      data.store = port2;
      transfer.push(port2);
    }
    const started = new Worker(new URL('./thread-entry.ts', import.meta.url), { workerData: data, transferList: transfer });
    started.on('error', (error) => log(`notifications: the worker thread failed: ${error.message}`));
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      if (stopping) return;
      log(`notifications: the worker thread stopped (exit ${code}); starting it again in ${RESTART_AFTER_MS / 1000} s`);
      restart = setTimeout(spawn, RESTART_AFTER_MS);
      restart.unref();
    });
    worker = started;
  };
  spawn();
  const unlisten = handle.listen?.(JOBS_CHANNEL, () => worker?.postMessage({ type: 'wake' })).catch((error: Error) => {
    log(`notifications: no wake-ups from the database (${error.message}); the worker looks every second`);
    return null;
  });
  return {
    stop: async () => {
      stopping = true;
      clearTimeout(restart);
      await (await unlisten)?.();
      const current = worker;
      if (!current) return;
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.postMessage({ type: 'stop' });
      const timer = setTimeout(() => void current.terminate(), STOP_WAIT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
