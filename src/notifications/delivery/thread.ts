// The app's notification worker in a worker thread of its own, so that composing and
// sending 20,000 mails never stalls the event loop that serves the pages (issue 19 §4). On
// PostgreSQL the thread opens its own connections; the embedded database admits only the
// thread that opened it, so there the thread calls the queue's few batched statements
// across a message port (./port-rpc.ts) and this thread runs them.
//
// The thread runs only while there is something to send: a thread holds 50–60 MB (an
// isolate of its own, the TypeScript stripper, the mail and database packages), which a
// status page at rest should not pay. This side looks every second whether a delivery is
// due (and at once on the outbox's NOTIFY), starts the thread when one is, and stops it
// after IDLE_MS with nothing sent. The front server also starts it as a write arrives, so
// that the thread's start (up to a second or two on a busy machine) overlaps the write
// that will queue the deliveries. The clock's round (reminders, retention) runs here,
// every 30 seconds: its statements only queue deliveries, which then start the thread.
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { DatabaseHandle } from '#db/client.ts';
import { JOBS_CHANNEL } from '#src/outbox/enqueue.ts';
import { POLL_INTERVAL_MS, TICK_INTERVAL_MS } from './dispatcher.ts';
import { tickSettingsOf, type WorkerConfig } from '../runner.ts';
import { serveOverPort } from './port-rpc.ts';
import { databaseStore } from './store.ts';

export interface ThreadData {
  config: WorkerConfig;
  /** The app's clock minus the wall clock when the thread started: the thread's clock runs from the app's. */
  clockOffsetMs: number;
  /** The thread says it is idle after this long with nothing sent. */
  idleMs: number;
  /** The queue is served across this port (the embedded database); absent: the thread connects to DATABASE_URL. */
  store?: MessagePort;
}

export interface NotificationThread {
  /** Whether the thread is running now. */
  running(): boolean;
  /** Starts the thread now, before anything is due: a write is under way that may queue deliveries. */
  prepare(): void;
  stop(): Promise<void>;
}

const IDLE_MS = 60_000;
/** After a thread that failed, the next one no sooner than this. */
const RESTART_AFTER_MS = 5000;
const STOP_WAIT_MS = 15_000;

export function startNotificationThread(
  handle: DatabaseHandle,
  config: WorkerConfig,
  clock: () => Date,
  { log = console.error, idleMs = IDLE_MS }: { log?: (line: string) => void; idleMs?: number } = {},
): NotificationThread {
  const store = databaseStore(handle.db);
  let worker: Worker | null = null;
  /** The thread asked to stop (idle, or the app stops): its exit is no failure. */
  let ending: Promise<void> | null = null;
  let stopping = false;
  let notBefore = 0;

  const spawn = () => {
    const data: ThreadData = { config, clockOffsetMs: +clock() - Date.now(), idleMs };
    const transfer: MessagePort[] = [];
    if (handle.driver === 'pglite') {
      const { port1, port2 } = new MessageChannel();
      serveOverPort(port1, store);
      // The port must not keep the process alive on its own.
      port1.unref();
      data.store = port2;
      transfer.push(port2);
    }
    const started = new Worker(new URL('./thread-entry.ts', import.meta.url), { workerData: data, transferList: transfer });
    started.on('error', (error) => log(`notifications: the worker thread failed: ${error.message}`));
    started.on('message', (message: { type: 'idle' }) => {
      if (message.type === 'idle' && worker === started) void end(started);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      if (ending || stopping) return;
      log(`notifications: the worker thread stopped (exit ${code}); a new one when deliveries are due, in ${RESTART_AFTER_MS / 1000} s at the earliest`);
      notBefore = Date.now() + RESTART_AFTER_MS;
    });
    worker = started;
  };

  /** Asks the thread to finish what it sends and exit; terminated if it does not within STOP_WAIT_MS. */
  const end = (current: Worker): Promise<void> => {
    ending ??= (async () => {
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.postMessage({ type: 'stop' });
      const timer = setTimeout(() => void current.terminate(), STOP_WAIT_MS);
      await exited;
      clearTimeout(timer);
      if (worker === current) worker = null;
      ending = null;
    })();
    return ending;
  };

  /** No thread runs or is ending, the app is not stopping, and no failed thread is being waited out. */
  const mayStart = () => !worker && !ending && !stopping && Date.now() >= notBefore;

  /** Starts the thread when a delivery is due; wakes it when it runs. */
  let looking: Promise<void> | null = null;
  const look = () => {
    if (worker) return void worker.postMessage({ type: 'wake' });
    if (looking || !mayStart()) return;
    looking = store
      .hasDue(clock())
      .then((due) => {
        if (due && mayStart()) spawn();
      })
      .catch((error: Error) => log(`notifications: cannot read the queue (${error.message})`))
      .finally(() => {
        looking = null;
      });
  };
  const poll = setInterval(look, POLL_INTERVAL_MS);
  poll.unref();
  look();

  const tickSettings = tickSettingsOf(config);
  let ticking: Promise<void> | null = null;
  const clockRound = () => {
    if (stopping || ticking) return;
    ticking = store
      .tick(clock(), tickSettings)
      .catch((error: Error) => log(`notifications (clock): ${error.message}`))
      .finally(() => {
        ticking = null;
      });
  };
  const ticks = setInterval(clockRound, TICK_INTERVAL_MS);
  ticks.unref();
  clockRound();

  const unlisten = handle.listen?.(JOBS_CHANNEL, look).catch((error: Error) => {
    log(`notifications: no wake-ups from the database (${error.message}); looking every second`);
    return null;
  });
  return {
    running: () => worker !== null,
    prepare: () => {
      if (mayStart()) spawn();
    },
    stop: async () => {
      stopping = true;
      clearInterval(poll);
      clearInterval(ticks);
      await (await unlisten)?.();
      await Promise.all([looking, ticking]);
      if (ending) await ending;
      if (worker) await end(worker);
    },
  };
}
