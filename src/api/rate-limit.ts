// Requests per token per minute, counted in this process (a fixed one-minute window).
// Several instances each count their own share; a shared limit would need the database.
export class RateLimiter {
  readonly #limit: number;
  readonly #windows = new Map<number, { start: number; count: number }>();
  constructor(limitPerMinute: number) {
    this.#limit = limitPerMinute;
  }

  /** null when allowed; otherwise the seconds until the next window. */
  take(key: number, now: number): number | null {
    const window = this.#windows.get(key);
    if (!window || now - window.start >= 60_000) {
      if (this.#windows.size > 10_000) this.#windows.clear();
      this.#windows.set(key, { start: now, count: 1 });
      return null;
    }
    window.count += 1;
    return window.count > this.#limit ? Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000)) : null;
  }
}
