// The pure and local parts of notifications: which addresses a webhook may reach (SSRF),
// the URL check at registration, the signature, the retry schedule, the sign-up limit.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkHost, isPublicAddress } from '#src/notifications/channels/address-guard.ts';
import { checkPostUrl, postJson } from '#src/notifications/channels/http-post.ts';
import { signature } from '#src/notifications/channels/webhook/signature.ts';
import { MAIL_MAX_ATTEMPTS, nextTry, retryDelay } from '#src/notifications/policy.ts';
import { maskAddress } from '#src/notifications/channels/email/transport.ts';
import { SignUpLimiter } from '#src/notifications/sign-up-limit.ts';

describe('the SSRF guard', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'link-local: the cloud metadata address'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'IPv6 loopback'],
    ['fe80::1', 'IPv6 link-local'],
    ['fd00:ec2::254', 'IPv6 unique local (the AWS IPv6 metadata address)'],
    ['::ffff:127.0.0.1', 'IPv4 loopback inside IPv6'],
    ['::ffff:10.0.0.1', 'IPv4 private inside IPv6'],
  ])('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111'])('accepts the public address %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses a name that resolves to loopback (localhost)', async () => {
    await expect(checkHost('localhost')).rejects.toThrow(/localhost resolves to (127\.0\.0\.1|::1), which is not a public address/);
  });

  it.each([
    ['http://127.0.0.1:8080/hook', 'refused_address'],
    ['https://10.0.0.5/hook', 'refused_address'],
    ['http://169.254.169.254/latest/meta-data/', 'refused_address'],
    ['http://[::1]/hook', 'refused_address'],
    ['http://localhost:3000/hook', 'refused_address'],
    ['ftp://example.com/hook', 'invalid_url'],
    ['file:///etc/passwd', 'invalid_url'],
    ['https://user:pw@example.com/hook', 'invalid_url'],
    ['not a url', 'invalid_url'],
  ])('refuses to register %s (%s)', async (url, problem) => {
    expect(await checkPostUrl(url, false)).toBe(problem);
  });

  it('accepts a loopback URL only when WEBHOOK_ALLOW_PRIVATE is on', async () => {
    expect(await checkPostUrl('http://127.0.0.1:8080/hook', true)).toBeNull();
  });

  it('refuses at connect time too: an address literal, and a name resolving to loopback (DNS rebinding)', async () => {
    const delivery = { body: '{}', allowPrivate: false, signal: AbortSignal.timeout(5000) };
    await expect(postJson({ ...delivery, url: 'http://127.0.0.1:9/hook' })).rejects.toThrow('not a public address');
    await expect(postJson({ ...delivery, url: 'http://[::1]:9/hook' })).rejects.toThrow('not a public address');
    await expect(postJson({ ...delivery, url: 'http://localhost:9/hook' })).rejects.toThrow('not a public address');
  });
});

describe('the webhook signature', () => {
  it('is v1= and the hex HMAC-SHA256 of "<timestamp>.<body>" with the secret', () => {
    const expected = createHmac('sha256', 'whsec_test').update('1773136800.{"a":1}').digest('hex');
    expect(signature('whsec_test', 1773136800, '{"a":1}')).toBe(`v1=${expected}`);
    expect(signature('whsec_test', 1773136801, '{"a":1}')).not.toBe(`v1=${expected}`);
  });
});

describe('the retry schedule', () => {
  it('doubles from the base, capped at an hour', () => {
    // base 30 s: 30, 60, 120, 240 s … 30 × 2^7 = 3840 s > 3600 s.
    expect([1, 2, 3, 4, 8].map((n) => retryDelay(n, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000]);
  });

  it('gives up a mail after 8 tries and a webhook when the next try would fall over a day after queueing', () => {
    const mail = { channel: 'email' as const, createdAt: 0, now: 1000, baseMs: 60_000 };
    // After the 7th failure: 1 min × 2^6 = 64 min, capped at 60 min.
    expect(nextTry({ ...mail, attempts: MAIL_MAX_ATTEMPTS - 1 })).toBe(1000 + 3_600_000);
    expect(nextTry({ ...mail, attempts: 3 })).toBe(1000 + 240_000);
    expect(nextTry({ ...mail, attempts: MAIL_MAX_ATTEMPTS })).toBeNull();
    const day = 86_400_000;
    const hook = { channel: 'webhook' as const, attempts: 20, createdAt: 0, baseMs: 30_000 };
    // Capped at an hour: at 23 h the next try is at 24 h (still within the day), at 23 h 1 s it is not.
    expect(nextTry({ ...hook, now: day - 3_600_000 })).toBe(day);
    expect(nextTry({ ...hook, now: day - 3_599_000 })).toBeNull();
  });
});

describe('addresses in logs', () => {
  it('shows the first letter and the domain only', () => {
    expect(maskAddress('jan.jansen@example.nl')).toBe('j…@example.nl');
  });
});

describe('sign-ups per client', () => {
  it('allows 10 an hour per address, counted per client', () => {
    const limiter = new SignUpLimiter();
    const tries = Array.from({ length: 11 }, (_, n) => limiter.take('192.0.2.1', n * 1000));
    expect(tries.filter(Boolean)).toHaveLength(10);
    expect(tries[10]).toBe(false);
    expect(limiter.take('192.0.2.2', 11_000)).toBe(true);
    // A new hour, counted from the first sign-up.
    expect(limiter.take('192.0.2.1', 3_600_000)).toBe(true);
  });
});
