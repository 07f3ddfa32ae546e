// The worker: one lane per channel of the registry (./lane.ts), side by side, sharing one
// cache of events. `drain` sends until nothing is due (the tests drive it on their own
// clock); `runDelivery` keeps the lanes going, woken by the outbox's NOTIFY or a look
// every second, with the clock's round (reminders, retention) every 30 seconds. A failing
// round is logged and the next one runs: notifications never stop the page.
import { CHANNEL_NAMES } from '#src/domain/vocabulary.ts';
import type { StoredEvent } from '../channels/channel.ts';
import { CHANNELS } from '../channels/registry.ts';
import { Lane, type EventCache, type WorkerDeps } from './lane.ts';
import type { TickSettings } from './store.ts';

export type { WorkerDeps, WorkerSettings } from './lane.ts';

export const POLL_INTERVAL_MS = 1000;
export const TICK_INTERVAL_MS = 30_000;
const EVENTS_KEPT = 256;

function eventCache(deps: WorkerDeps): EventCache {
  const events = new Map<number, StoredEvent>();
  return {
    async load(ids) {
      const missing = ids.filter((id) => !events.has(id));
      if (missing.length === 0) return;
      if (events.size + missing.length > EVENTS_KEPT) events.clear();
      for (const event of await deps.store.events(missing)) events.set(event.id, event);
    },
    get: (id) => events.get(id),
  };
}

const lanesOf = new WeakMap<WorkerDeps, Lane[]>();

/** The lanes of one worker: kept per deps, so backoffs outlive a round. */
function lanes(deps: WorkerDeps): Lane[] {
  let found = lanesOf.get(deps);
  if (!found) {
    const events = eventCache(deps);
    found = CHANNEL_NAMES.map((name) => new Lane(deps, CHANNELS[name], events));
    lanesOf.set(deps, found);
  }
  return found;
}

/**
 * Sends on every channel until nothing is due (or `signal` aborts), in rounds: what one
 * lane's outcome queues on another (a disabled webhook's mail to its contact) goes in the
 * next. Returns the number of jobs handled.
 */
export async function drain(deps: WorkerDeps, { signal }: { signal?: AbortSignal } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const counts = await Promise.all(lanes(deps).map((lane) => lane.drain(signal)));
    const handled = counts.reduce((a, b) => a + b, 0);
    total += handled;
    if (handled === 0 || signal?.aborted) return total;
  }
}

export interface RunningDelivery {
  /** New jobs were queued: look now. */
  wake(): void;
  /** When a lane last handled a job (or the lanes started), in the clock's milliseconds. */
  lastActive(): number;
  /** Stops claiming, lets the sends in flight finish and settles them. */
  stop(): Promise<void>;
}

/** `tick` null: the clock's round runs elsewhere (the app's thread, ./thread.ts). */
export function runDelivery(deps: WorkerDeps, tick: TickSettings | null): RunningDelivery {
  const stopping = new AbortController();
  let active = +deps.clock();
  const log = deps.log ?? console.error;
  const wakers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
      stopping.signal.addEventListener('abort', done, { once: true });
    });
  const loop = async (lane: Lane) => {
    while (!stopping.signal.aborted) {
      let handled = 0;
      try {
        handled = await lane.drain(stopping.signal, { graceful: true });
      } catch (error) {
        log(`notifications (${lane.name}): ${(error as Error).message}`);
      }
      if (handled > 0) {
        active = +deps.clock();
        continue;
      }
      const paused = lane.pausedUntil(+deps.clock());
      await sleep(paused === null ? POLL_INTERVAL_MS : Math.min(paused - +deps.clock(), POLL_INTERVAL_MS * 10));
    }
  };
  const clockRound = async (settings: TickSettings) => {
    while (!stopping.signal.aborted) {
      try {
        await deps.store.tick(deps.clock(), settings);
      } catch (error) {
        log(`notifications (clock): ${(error as Error).message}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, TICK_INTERVAL_MS);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        stopping.signal.addEventListener('abort', done, { once: true });
      });
    }
  };
  const running = Promise.all([...lanes(deps).map(loop), ...(tick ? [clockRound(tick)] : [])]);
  return {
    wake: () => {
      for (const wake of [...wakers]) wake();
    },
    lastActive: () => active,
    stop: async () => {
      stopping.abort();
      await running;
    },
  };
}
