// Durations in words (src/i18n/format.ts): the two largest units, truncated; rounded up
// only where asked (how late, how long it took).
import { describe, expect, it } from 'vitest';
import { formatDuration } from '#src/i18n/format.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('formatDuration', () => {
  it('names the two largest units, truncated', () => {
    expect(formatDuration(3 * 24 * HOUR + 4 * HOUR + 59 * MINUTE, 'en')).toBe('3 days 4 hours');
    expect(formatDuration(24 * HOUR + 5 * MINUTE, 'en')).toBe('1 day 5 minutes');
    expect(formatDuration(24 * HOUR + 5 * MINUTE, 'nl')).toBe('1 dag 5 minuten');
    expect(formatDuration(90_000, 'en')).toBe('1 minute 30 seconds');
    expect(formatDuration(3 * HOUR, 'nl')).toBe('3 uur');
    expect(formatDuration(500, 'en')).toBe('less than a second');
    expect(formatDuration(-2 * HOUR, 'en')).toBe('2 hours');
  });

  it('rounds the smaller unit shown up when asked (how late, how long it took)', () => {
    expect(formatDuration(HOUR + 5 * MINUTE + 10_000, 'en', 'up')).toBe('1 hour 6 minutes');
    expect(formatDuration(HOUR + 5 * MINUTE, 'en', 'up')).toBe('1 hour 5 minutes');
    // 59 min 59.5 s is an hour once the half second is counted.
    expect(formatDuration(HOUR - 500, 'nl', 'up')).toBe('1 uur');
    expect(formatDuration(24 * HOUR + 1, 'en', 'up')).toBe('1 day 1 hour');
    expect(formatDuration(500, 'en', 'up')).toBe('1 second');
  });
});
