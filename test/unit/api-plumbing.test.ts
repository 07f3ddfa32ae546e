// The pure parts of the write API's plumbing: the per-token rate window, If-Match parsing,
// and the cross-site form check that spares the token API.
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '#src/api/rate-limit.ts';
import { etagOf, ifMatchVersion } from '#src/api/respond.ts';
import { isForbiddenCrossSite } from '#src/http/origin-check.ts';

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

describe('the cross-site form check', () => {
  const post = (path: string, headers: Record<string, string>) => {
    const url = new URL(`https://status.example${path}`);
    return isForbiddenCrossSite(new Request(url, { method: 'POST', headers }), url);
  };
  it('refuses form posts from elsewhere, allows same-origin ones and JSON, and leaves the token API to its tokens', () => {
    expect(post('/subscribe', { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' })).toBe(true);
    expect(post('/subscribe', { 'Content-Type': 'text/plain' })).toBe(true);
    expect(post('/subscribe', {})).toBe(true);
    expect(post('/subscribe', { 'Content-Type': 'multipart/form-data; boundary=x', Origin: 'https://status.example' })).toBe(false);
    expect(post('/subscribe', { 'Content-Type': 'application/json', Origin: 'https://evil.example' })).toBe(false);
    expect(post('/api/v1/incidents', { 'Content-Type': 'text/plain' })).toBe(false);
    expect(post('/api/v1/incidents', {})).toBe(false);
  });
});
