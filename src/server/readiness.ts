// Whether this process can serve from its database, for GET /readyz (load balancers): the
// database answers `select 1` within a budget, and the migrations it has applied are
// exactly the committed ones this build was started with (db/migrations, read at start-up
// by committedMigrations, because the bundled server has no migrations folder beside it).
// Liveness (GET /healthz) needs none of this.
import { sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import type { MigrationStamp } from '#db/migrate.ts';
import { answerResponse, textAnswer } from '#src/http/errors.ts';

export type Readiness = { ready: true } | { ready: false; reason: string };

/** How long the database may take to answer before the process counts as not ready. */
export const READINESS_BUDGET_MS = 2_000;

export async function checkReadiness(db: Database, committed: readonly MigrationStamp[], budgetMs = READINESS_BUDGET_MS): Promise<Readiness> {
  let applied: MigrationStamp[];
  try {
    applied = await withinBudget(
      (async () => {
        await db.execute(sql`select 1`);
        return appliedMigrations(db);
      })(),
      budgetMs,
    );
  } catch (error) {
    return { ready: false, reason: `database unavailable: ${oneLine((error as Error).message)}` };
  }
  return compareMigrations(applied, committed);
}

/** Pure: ready when the applied migrations are the committed ones, in order. */
export function compareMigrations(applied: readonly MigrationStamp[], committed: readonly MigrationStamp[]): Readiness {
  const differing = committed.findIndex((m, n) => n < applied.length && applied[n]!.hash !== m.hash);
  if (differing >= 0) return { ready: false, reason: `migration ${differing + 1} applied to the database differs from the committed one` };
  if (applied.length < committed.length) {
    return { ready: false, reason: `migrations pending: ${applied.length} of ${committed.length} committed migrations applied` };
  }
  if (applied.length > committed.length) {
    return { ready: false, reason: `the database has ${applied.length} migrations applied, this build knows ${committed.length}` };
  }
  return { ready: true };
}

/** The migrations applied to the database, oldest first; none when none ever ran. */
async function appliedMigrations(db: Database): Promise<MigrationStamp[]> {
  // drizzle's migrators keep their record in drizzle.__drizzle_migrations on both drivers.
  const [table] = rowsOf(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "present"`));
  if (!table?.present) return [];
  const rows = rowsOf(await db.execute(sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at, id`));
  return rows.map((r) => ({ hash: String(r.hash), createdAt: Number(r.created_at) }));
}

/** postgres.js answers a row list, PGlite an object holding `rows`. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
}

async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${budgetMs} ms`)), budgetMs);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** What /healthz and /readyz answer: one line of text, never cached. */
export function probeResponse(status: 200 | 503, line: string): Response {
  return answerResponse(textAnswer(status, line));
}
