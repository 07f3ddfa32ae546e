// The worker thread's start (./thread.ts starts it): the queue over the port from the app's
// thread (embedded database) or over connections of its own (PostgreSQL), the worker on a
// clock that runs from the app's, woken and stopped by messages from the app's thread.
import { parentPort, workerData } from 'node:worker_threads';
import { serverHandle } from '#db/client.ts';
import { startNotifications } from '../runner.ts';
import { remoteOverPort } from './port-rpc.ts';
import { databaseStore, type DeliveryStore } from './store.ts';
import type { ThreadData } from './thread.ts';

const data = workerData as ThreadData;
const handle = data.store ? null : serverHandle(data.config.databaseUrl!);
const store: DeliveryStore = data.store ? remoteOverPort<DeliveryStore>(data.store) : databaseStore(handle!.db);
const worker = startNotifications(store, data.config, () => new Date(Date.now() + data.clockOffsetMs));

parentPort!.on('message', async (message: { type: 'wake' | 'stop' }) => {
  if (message.type === 'wake') return worker.wake();
  await worker.stop();
  await handle?.close();
  data.store?.close();
  // Ends this thread only (kept-alive sockets of the URL channels included).
  process.exit(0);
});
