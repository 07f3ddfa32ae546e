// The cross-site form check (src/http/origin-check.ts): a form post from another origin is
// refused; same-origin forms, JSON and the token API are left alone.
import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSite } from '#src/http/origin-check.ts';

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
