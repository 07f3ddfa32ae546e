// Calling an object's async methods across a MessagePort (worker_threads): one side serves
// the object, the other gets a stand-in whose methods post {id, method, args} and await the
// answer. Arguments and results are structured-cloned (Dates survive); an error comes back
// as its message. How the worker thread reaches the embedded database, which only the
// thread that opened it can use.
import type { MessagePort } from 'node:worker_threads';

type Call = { id: number; method: string; args: unknown[] };
type Answer = { id: number; result?: unknown; error?: string };

/** Answers calls arriving on `port` with `target`'s methods. */
export function serveOverPort(port: MessagePort, target: object): void {
  port.on('message', async ({ id, method, args }: Call) => {
    try {
      const result = await (target as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!(...args);
      port.postMessage({ id, result } satisfies Answer);
    } catch (error) {
      port.postMessage({ id, error: (error as Error)?.message ?? String(error) } satisfies Answer);
    }
  });
}

/** A stand-in for the object served on the other side of `port`. */
export function remoteOverPort<T extends object>(port: MessagePort): T {
  let next = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  port.on('message', ({ id, result, error }: Answer) => {
    const call = waiting.get(id);
    waiting.delete(id);
    if (error !== undefined) call?.reject(new Error(error));
    else call?.resolve(result);
  });
  return new Proxy({} as T, {
    get: (_target, method) => (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        port.postMessage({ id, method: String(method), args } satisfies Call);
      }),
  });
}
