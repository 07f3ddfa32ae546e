// Sign-ups per client address: at most SIGN_UPS_PER_HOUR in a fixed hour, counted in this
// process (like the API's rate limit). The per-address limit is in the database
// (subscriptions.ts RESEND_INTERVAL_MS), so it holds across instances.
import { HOUR_MS } from '#src/time/units.ts';

export const SIGN_UPS_PER_HOUR = 10;

export class SignUpLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  /** true when this client may sign up once more now. */
  take(client: string, now: number): boolean {
    const window = this.#windows.get(client);
    if (!window || now - window.start >= HOUR_MS) {
      if (this.#windows.size > 10_000) this.#windows.clear();
      this.#windows.set(client, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= SIGN_UPS_PER_HOUR;
  }
}

export const signUpLimiter = new SignUpLimiter();
