// The pure parts of the write API's plumbing (src/api): the per-token rate window
// (rate-limit.ts) and If-Match parsing (respond.ts).
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '#src/api/rate-limit.ts';
import { etagOf, ifMatchVersion } from '#src/api/respond.ts';

describe('RateLimiter', () => {
  it('allows the limit within a minute, then says how many seconds remain, per key', () => {
    const limiter = new RateLimiter(2);
    const t0 = 1_000_000;
    expect(limiter.take(1, t0)).toBeNull();
    expect(limiter.take(1, t0 + 1_000)).toBeNull();
    // 20.5 s into the window: 39.5 s remain, rounded up.
    expect(limiter.take(1, t0 + 20_500)).toBe(40);
    expect(limiter.take(2, t0 + 20_500)).toBeNull();
    // A new window 60 s after the first request.
    expect(limiter.take(1, t0 + 60_000)).toBeNull();
  });
});

describe('If-Match', () => {
  const request = (value?: string) => new Request('http://x/', { headers: value === undefined ? {} : { 'If-Match': value } });
  it('reads the version of our ETag, ignores * and absence, and makes anything else stale', () => {
    expect(etagOf(7)).toBe('"v7"');
    expect(ifMatchVersion(request('"v7"'))).toBe(7);
    expect(ifMatchVersion(request('W/"v12"'))).toBe(12);
    expect(ifMatchVersion(request('*'))).toBeUndefined();
    expect(ifMatchVersion(request())).toBeUndefined();
    expect(ifMatchVersion(request('"abc"'))).toBeNaN();
    expect(ifMatchVersion(request('"v1", "v2"'))).toBeNaN();
  });
});
