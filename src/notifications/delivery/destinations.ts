// Isolation per destination (a receiver's host, or our SMTP relay): at most `limit` sends
// in flight to one destination, and a destination that did not answer is backed off until
// a moment, doubling per failure in a row, so its jobs wait in the queue instead of taking
// a sender; one success clears it. Times on the worker's clock.
import { destinationBackoff } from '../policy.ts';

interface Destination {
  active: number;
  failures: number;
  blockedUntil: number;
}

export class Destinations {
  readonly #limit: number;
  readonly #all = new Map<string, Destination>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  #of(key: string): Destination {
    let d = this.#all.get(key);
    if (!d) {
      d = { active: 0, failures: 0, blockedUntil: 0 };
      this.#all.set(key, d);
    }
    return d;
  }

  /** When the destination may be tried again, or null when it may be now. */
  blockedUntil(key: string, now: number): number | null {
    const d = this.#all.get(key);
    return d && d.blockedUntil > now ? d.blockedUntil : null;
  }

  /** Takes a slot for one send; false when the destination has `limit` in flight. */
  acquire(key: string): boolean {
    const d = this.#of(key);
    if (d.active >= this.#limit) return false;
    d.active += 1;
    return true;
  }

  release(key: string): void {
    const d = this.#of(key);
    d.active -= 1;
    // Forget quiet, healthy destinations: the map stays as small as the set in use.
    if (d.active === 0 && d.failures === 0) this.#all.delete(key);
  }

  succeeded(key: string): void {
    const d = this.#of(key);
    d.failures = 0;
    d.blockedUntil = 0;
  }

  /**
   * It did not answer: backed off (longer each time in a row); returns until when. Sends
   * that were in flight together fail together: they count as one failure.
   */
  failed(key: string, now: number, backoff: { baseMs: number; maxMs: number }): number {
    const d = this.#of(key);
    if (d.blockedUntil > now) return d.blockedUntil;
    d.failures += 1;
    d.blockedUntil = Math.max(d.blockedUntil, now + destinationBackoff(d.failures, backoff));
    return d.blockedUntil;
  }
}
