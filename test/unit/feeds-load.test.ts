// The moments a feed's Last-Modified is made of (src/feeds/load-products.ts,
// load-maintenance.ts): the latest change up to now, and an event's leaving the 12-month window.
import { describe, expect, it } from 'vitest';
import { latestUpTo } from '#src/feeds/load-products.ts';
import { oneYearAfter, twelveMonthsBefore } from '#src/feeds/load-maintenance.ts';

describe('the moments Last-Modified is made of', () => {
  const now = new Date('2026-06-11T00:00:00Z');

  it('is the latest moment given, never after now, and null without any', () => {
    expect(latestUpTo(now, [new Date('2026-03-05T09:00:00Z'), null, undefined, new Date('2026-06-10T19:00:00Z')])).toEqual(new Date('2026-06-10T19:00:00Z'));
    // Rows stamped after `now` (a clock running ahead, a test reading the past) give `now`.
    expect(latestUpTo(now, [new Date('2026-11-25T21:00:00Z')])).toEqual(now);
    expect(latestUpTo(now, [null, undefined])).toBeNull();
  });

  it('dates an event’s leaving the 12-month window no earlier than it leaves', () => {
    // The calendar holds an event while its end ≥ twelveMonthsBefore(now).
    const shownAt = (end: Date, at: number) => +end >= +twelveMonthsBefore(new Date(at));
    const end = new Date('2025-06-10T19:00:00Z');
    expect(oneYearAfter(end)).toEqual(new Date('2026-06-10T19:00:00Z'));
    expect(shownAt(end, +oneYearAfter(end) - 1)).toBe(true);
    for (const e of [end, new Date('2024-02-29T12:00:00Z'), new Date('2025-12-31T23:59:59.999Z')]) {
      // Gone a millisecond after: the moment is never earlier than the event's leaving.
      expect(shownAt(e, +oneYearAfter(e) + 1)).toBe(false);
    }
    // 29 February leaves on 1 March at midnight; 1 March at noon is late, which is safe.
    expect(oneYearAfter(new Date('2024-02-29T12:00:00Z'))).toEqual(new Date('2025-03-01T12:00:00Z'));
  });
});
