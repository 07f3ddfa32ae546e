// The sign-in lock over time, on both databases: three failures lock the account for
// 15 minutes (Retry-After counts down), the right password is refused while it lasts and
// accepted once it has lifted; failures older than the 15-minute window do not add up; and
// an address is locked only after four times as many failures, across accounts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { signIn } from '#src/auth/sign-in.ts';
import { addUser } from '#src/auth/users.ts';
import { cli, context, databaseWithProducts } from '../support/commands.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

const T0 = new Date('2026-03-10T10:00:00Z');
const MINUTE = 60_000;
const PASSWORD = 'correct horse battery';
const SETTINGS = { idleMinutes: 60, maxHours: 12, secure: false, maxFailures: 3 };
const at = (minutes: number, seconds = 0) => new Date(+T0 + minutes * MINUTE + seconds * 1000);

describe.each(drivers)('the sign-in lock on %s', (driver) => {
  let database: TestDatabase;
  let db: Database;
  const attempt = (email: string, password: string, now: Date, address = '192.0.2.10') => signIn(db, { email, password, address }, now, SETTINGS);

  beforeEach(async () => {
    database = await databaseWithProducts(driver);
    db = database.handle.db;
    for (const email of ['victim@example.nl', 'other@example.nl']) await addUser(context(db, cli, T0), { email, name: 'V', role: 'operator', password: PASSWORD });
  });
  afterEach(() => database?.drop());

  it('locks for 15 minutes after three failures, then lets the right password in', async () => {
    expect(await attempt('victim@example.nl', 'wrong', at(0))).toEqual({ ok: false, reason: 'failed' });
    expect(await attempt('victim@example.nl', 'wrong', at(1))).toEqual({ ok: false, reason: 'failed' });
    // The third failure at 10:02:00 locks until 10:17:00: 900 s.
    expect(await attempt('victim@example.nl', 'wrong', at(2))).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 900 });
    // 10:16:59.5, from another address: the account is still locked, 0.5 s left rounds up to 1.
    expect(await attempt('victim@example.nl', PASSWORD, new Date(+at(16, 59) + 500), '198.51.100.7')).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 1 });
    // At 10:17:00 the lock has lifted.
    const lifted = await attempt('victim@example.nl', PASSWORD, at(17));
    expect(lifted.ok).toBe(true);
    // The success cleared the account's count: one more failure does not lock it again.
    expect(await attempt('victim@example.nl', 'wrong', at(18))).toEqual({ ok: false, reason: 'failed' });
  });

  it('counts failures within 15 minutes only', async () => {
    await attempt('victim@example.nl', 'wrong', at(0));
    await attempt('victim@example.nl', 'wrong', at(1));
    // 10:15:00 is 15 minutes after the first failure: a new window starts, count 1.
    expect(await attempt('victim@example.nl', 'wrong', at(15))).toEqual({ ok: false, reason: 'failed' });
    expect(await attempt('victim@example.nl', 'wrong', at(16))).toEqual({ ok: false, reason: 'failed' });
    expect((await attempt('victim@example.nl', PASSWORD, at(17))).ok).toBe(true);
  });

  it('locks an address after twelve failures across accounts, and not before', async () => {
    // Two failures each on six names (unknown ones too) from one address: 12 address failures.
    const names = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `${n}@example.nl`);
    const answers: string[] = [];
    for (const [n, email] of [...names, ...names].entries()) {
      const result = await attempt(email, 'wrong', at(0, n), '203.0.113.5');
      answers.push(result.ok ? 'ok' : result.reason);
    }
    // Each name failed twice (below 3); the address's twelfth failure, at 10:00:11, locks it.
    expect(answers).toEqual([...Array(11).fill('failed'), 'locked']);
    // Until 10:15:11: at 10:01:00 that is 851 s, even for the right password of a real user.
    expect(await attempt('other@example.nl', PASSWORD, at(1), '203.0.113.5')).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 851 });
    // The same account from another address gets in: the lock is the address's, not the account's.
    expect((await attempt('other@example.nl', PASSWORD, at(1), '203.0.113.6')).ok).toBe(true);
  });
});
