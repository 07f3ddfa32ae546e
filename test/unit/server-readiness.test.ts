// /readyz (src/server/readiness.ts): ready only when the database has exactly the
// committed migrations, in order, and answers within the time budget.
import { describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { checkReadiness, compareMigrations } from '#src/server/readiness.ts';

describe('readiness: applied against committed migrations', () => {
  const one = { hash: 'a', createdAt: 1 };
  const two = { hash: 'b', createdAt: 2 };
  it('is ready only when they are the same, in order', () => {
    expect(compareMigrations([one, two], [one, two])).toEqual({ ready: true });
    expect(compareMigrations([one], [one, two])).toEqual({ ready: false, reason: 'migrations pending: 1 of 2 committed migrations applied' });
    expect(compareMigrations([one, two], [one])).toEqual({ ready: false, reason: 'the database has 2 migrations applied, this build knows 1' });
    expect(compareMigrations([two, one], [one, two])).toEqual({ ready: false, reason: 'migration 1 applied to the database differs from the committed one' });
  });

  it('is not ready when the database does not answer within the budget', async () => {
    const silent = { execute: () => new Promise(() => {}) } as unknown as Database;
    expect(await checkReadiness(silent, [one], 50)).toEqual({ ready: false, reason: 'database unavailable: no answer within 50 ms' });
  });
});
