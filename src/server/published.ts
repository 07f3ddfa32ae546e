// What the public side has published, as this process knows it: the data version that
// every write bumps (src/commands/data-version.ts) and the next moment the clock alone
// changes a page (src/views/transitions.ts). Together they are the `state` a cached render
// belongs to. Kept current by a change notice from PostgreSQL (LISTEN), a check every
// second (the fallback, and the way other processes' writes reach an embedded database's
// reader), and a check before the next read after a write through this process. A check
// that fails or exceeds the query budget marks the database unavailable. The database is
// reached through a `PublishedSource`, so the checks' ordering is unit-tested on its own
// (test/unit/server-published.test.ts).
import type { DatabaseHandle } from '#db/client.ts';
import { DATA_VERSION_CHANNEL, readDataVersion } from '#src/commands/data-version.ts';
import type { SlaSettings } from '#src/sla/settings.ts';
import { nextTransition } from '#src/views/transitions.ts';

export class TimeoutError extends Error {}

export function withBudget<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** What a check asks: the data version, the next clock transition, and change notices. */
export interface PublishedSource {
  readVersion(): Promise<{ version: number; changedAt: Date | null }>;
  nextTransition(now: Date): Promise<number>;
  listen?(channel: string, onNotice: () => void): Promise<() => Promise<void>>;
}

export function databaseSource(database: DatabaseHandle, sla: SlaSettings): PublishedSource {
  return {
    readVersion: () => readDataVersion(database.db),
    nextTransition: (now) => nextTransition({ db: database.db, now, sla }),
    listen: database.listen?.bind(database),
  };
}

export interface PublishedOptions {
  source: PublishedSource;
  clock: () => Date;
  /** A query slower than this counts as the database being unavailable. */
  queryBudgetMs: number;
  pollMs?: number;
}

export class PublishedState {
  version: number | null = null;
  changedAt: Date | null = null;
  /** The next clock transition (ms); the state is stale from then on. */
  until = 0;
  available = true;
  lastProblem: string | null = null;
  /** Called after the data version changed (not at the first check). */
  onChange: (() => void) | null = null;
  private stale = true;
  /** The check under way, and the invalidation count when it began. */
  private running: Promise<void> | null = null;
  private runningFrom = -1;
  /** The one check waiting for the running one to end: it begins after everything asked so far. */
  private queued: Promise<void> | null = null;
  /** Counts invalidations: a check begun before the latest one may have read the old version. */
  private invalidations = 0;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly options: PublishedOptions;

  constructor(options: PublishedOptions) {
    this.options = options;
  }

  /** "version@until": a render made in another state is not served as current. */
  get key(): string {
    return `${this.version}@${this.until}`;
  }

  /** Whether the next read must check first (after a write, a notice, or a transition, until a check begun after it has read). */
  needsCheck(): boolean {
    return this.stale || this.version === null || +this.options.clock() >= this.until;
  }

  /** Something may have changed: the next read checks. */
  invalidate(): void {
    this.invalidations++;
    this.stale = true;
  }

  /**
   * One check at a time, and at most one waiting. A caller joins the waiting check (it has
   * not begun, so it reads what the caller's moment holds) or the running one when that
   * began after the latest invalidation. `strict` callers (reads while a write is under
   * way, whose commit this process cannot see yet) never join a running check: it may have
   * read the version before the commit their client already knows about.
   */
  check({ strict = false }: { strict?: boolean } = {}): Promise<void> {
    if (this.queued) return this.queued;
    if (this.running && !strict && this.runningFrom === this.invalidations) return this.running;
    if (!this.running) return this.begin();
    const queued = this.running.then(() => {
      this.queued = null;
      return this.begin();
    });
    this.queued = queued;
    return queued;
  }

  private begin(): Promise<void> {
    this.runningFrom = this.invalidations;
    const run: Promise<void> = this.runCheck(this.runningFrom).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  /**
   * Reads the version (and, when it or the clock moved, the next transition). The state stays
   * stale until then: a read arriving meanwhile waits for this check rather than take the
   * version from before, which may precede a write whose answer is already out. `from`: the
   * invalidations counted when it began; a later one keeps the state stale.
   */
  private async runCheck(from: number): Promise<void> {
    const { source, clock, queryBudgetMs } = this.options;
    try {
      const now = clock();
      const read = await withBudget(source.readVersion(), queryBudgetMs, 'reading the data version');
      if (read.version !== this.version || +now >= this.until) {
        this.until = await withBudget(source.nextTransition(now), queryBudgetMs, 'finding the next transition');
        const changed = this.version !== null && read.version !== this.version;
        this.version = read.version;
        if (changed) this.onChange?.();
        this.changedAt = read.changedAt;
      }
      if (this.invalidations === from) this.stale = false;
      if (!this.available) console.log('Database: answers again; fresh pages from now on.');
      this.available = true;
      this.lastProblem = null;
    } catch (error) {
      if (this.available) console.log(`Database: does not answer (${(error as Error).message}); serving the last good pages, refusing writes.`);
      this.stale = true;
      this.available = false;
      this.lastProblem = (error as Error).message;
    }
  }

  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.pollMs ?? 1000);
    this.timer.unref();
    try {
      this.unlisten = (await this.options.source.listen?.(DATA_VERSION_CHANNEL, () => this.invalidate())) ?? null;
    } catch {
      // No notices (e.g. the server is away at start-up): the checks every second remain.
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.unlisten?.().catch(() => {});
  }
}
