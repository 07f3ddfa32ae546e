// The published state (src/server/published.ts) against a source whose answers the test
// releases one by one: which checks join, which wait, and what a read after a commit sees.
import { describe, expect, it } from 'vitest';
import { PublishedState, type PublishedSource } from '#src/server/published.ts';

const now = new Date('2026-03-05T12:00:00Z');
const farAhead = Date.parse('2026-03-06T00:00:00Z');

/** A database whose version reads are answered when the test says so, each with the version at the moment of asking. */
function gatedSource() {
  const pending: Array<() => void> = [];
  const source = {
    version: 1,
    reads: 0,
    failing: false,
    readVersion() {
      source.reads++;
      const seen = source.version;
      const failing = source.failing;
      return new Promise<{ version: number; changedAt: Date | null }>((resolve, reject) => {
        pending.push(() => (failing ? reject(new Error('connection refused')) : resolve({ version: seen, changedAt: now })));
      });
    },
    nextTransition: async () => farAhead,
  } satisfies PublishedSource & Record<string, unknown>;
  /** Answers the oldest read waiting, then lets the promise chains run. */
  const answer = async () => {
    pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { source, answer, waiting: () => pending.length };
}

function stateOf(source: PublishedSource) {
  return new PublishedState({ source, clock: () => now, queryBudgetMs: 1000 });
}

describe('PublishedState checks', () => {
  it('lets a read during a write wait for a check begun after it, not the one already reading', async () => {
    const { source, answer } = gatedSource();
    const state = stateOf(source);
    const early = state.check(); // asks while the version is still 1
    source.version = 2; // the write commits; its client already has the answer
    const read = state.check({ strict: true });
    await answer();
    await early;
    expect(state.version).toBe(1);
    await answer();
    await read;
    expect(state.version).toBe(2);
    expect(source.reads).toBe(2);
  });

  it('keeps asking reads to check until a check begun after the write has read, so none takes the version from before', async () => {
    const { source, answer } = gatedSource();
    const state = stateOf(source);
    const first = state.check();
    await answer();
    await first;
    expect(state.needsCheck()).toBe(false);
    source.version = 2;
    state.invalidate(); // the write's answer is out
    const running = state.check(); // e.g. the check of every second, begun after it
    expect(state.needsCheck()).toBe(true); // a read now waits for it …
    const read = state.check();
    expect(read).toBe(running); // … joining it, since it began after the invalidation
    await answer();
    await read;
    expect([state.version, state.needsCheck()]).toEqual([2, false]);
  });

  it('stays stale after a check during which another invalidation came', async () => {
    const { source, answer } = gatedSource();
    const state = stateOf(source);
    const running = state.check();
    state.invalidate();
    await answer();
    await running;
    expect(state.needsCheck()).toBe(true);
  });

  it('runs at most one check and queues at most one more, however many reads arrive', async () => {
    const { source, answer, waiting } = gatedSource();
    const state = stateOf(source);
    const first = state.check();
    const reads = Array.from({ length: 50 }, () => state.check({ strict: true }));
    expect(waiting()).toBe(1);
    await answer();
    await first;
    expect(waiting()).toBe(1);
    await answer();
    await Promise.all(reads);
    expect(source.reads).toBe(2);
  });

  it('lets ordinary reads share the running check when nothing was invalidated since it began', async () => {
    const { source, answer } = gatedSource();
    const state = stateOf(source);
    const checks = [state.check(), state.check(), state.check()];
    await answer();
    await Promise.all(checks);
    expect(source.reads).toBe(1);
    expect(state.needsCheck()).toBe(false);
  });

  it('starts another check for a read after an invalidation that came while one was running', async () => {
    const { source, answer } = gatedSource();
    const state = stateOf(source);
    const changes: number[] = [];
    state.onChange = () => changes.push(state.version!);
    const early = state.check();
    source.version = 7;
    state.invalidate(); // a change notice after the early check read
    expect(state.needsCheck()).toBe(true);
    const read = state.check();
    await answer();
    await early;
    await answer();
    await read;
    expect(state.version).toBe(7);
    expect(state.key).toBe(`7@${farAhead}`);
    expect(changes).toEqual([7]); // the first check is no change
  });

  it('marks the database unavailable when a check fails, and available again when one succeeds', async () => {
    const { source, answer } = gatedSource();
    const state = stateOf(source);
    source.failing = true;
    const failed = state.check();
    await answer();
    await failed;
    expect(state.available).toBe(false);
    expect(state.lastProblem).toBe('connection refused');
    expect(state.needsCheck()).toBe(true);
    source.failing = false;
    const recovered = state.check();
    await answer();
    await recovered;
    expect(state.available).toBe(true);
    expect(state.version).toBe(1);
  });
});
