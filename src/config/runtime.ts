// The process-wide runtime: the validated configuration, the one database handle and the
// clock. Only the middleware reads it (src/middleware.ts), into each request's context.
// Kept on globalThis under a registry symbol because the start-up script and the bundled
// Astro server are separate module graphs in one process; both must see the same
// instance (PGlite allows one per data directory and process).
import type { DatabaseHandle } from '#db/client.ts';
import type { MigrationStamp } from '#db/migrate.ts';
import type { Config } from './environment.ts';

export interface Runtime {
  config: Config;
  database: DatabaseHandle;
  /** The first-run set-up link's token (hashed) while no administrator exists. */
  setup?: { tokenHash: string; expiresAt: number } | null;
  /** The wall clock, or a fixed one in the browser and end-to-end tests (test/support/serve-fixed.ts). */
  clock: () => Date;
  /** The committed migrations this process started with (db/migrations), for /readyz. */
  migrations: readonly MigrationStamp[];
}

const key = Symbol.for('voizxl-status.runtime');
type Registry = { [key]?: Runtime };

export function setRuntime(runtime: Runtime): void {
  (globalThis as Registry)[key] = runtime;
}

export function getRuntime(): Runtime {
  const runtime = (globalThis as Registry)[key];
  if (!runtime) throw new Error('The status page was not booted: start it with `npm start` or `npm run serve`.');
  return runtime;
}
