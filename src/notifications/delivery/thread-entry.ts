// The worker thread's start (./thread.ts starts it when deliveries are due): the queue over
// the port from the app's thread (embedded database) or over connections of its own
// (PostgreSQL), the lanes on a clock that runs from the app's, woken and stopped by messages
// from the app's thread, which it tells when it has had nothing to send for a while.
import { parentPort, workerData } from 'node:worker_threads';
import { serverHandle } from '#db/client.ts';
import { startNotifications } from '../runner.ts';
import { remoteOverPort } from './port-rpc.ts';
import { databaseStore, type DeliveryStore } from './store.ts';
import type { ThreadData } from './thread.ts';

const data = workerData as ThreadData;
const handle = data.store ? null : serverHandle(data.config.databaseUrl!);
const store: DeliveryStore = data.store ? remoteOverPort<DeliveryStore>(data.store) : databaseStore(handle!.db);
const clock = () => new Date(Date.now() + data.clockOffsetMs);
const worker = startNotifications(store, data.config, clock, { clockRound: false });
const idleCheck = setInterval(() => {
  if (+clock() - worker.lastActive() >= data.idleMs) parentPort!.postMessage({ type: 'idle' });
}, Math.min(data.idleMs, 5000));

parentPort!.on('message', async (message: { type: 'wake' | 'stop' }) => {
  if (message.type === 'wake') return worker.wake();
  clearInterval(idleCheck);
  await worker.stop();
  await handle?.close();
  data.store?.close();
  // Ends this thread only (kept-alive sockets of the URL channels included).
  process.exit(0);
});
