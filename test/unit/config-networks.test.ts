// Which address a request comes from, and whether it may reach the private side: the
// socket's, unless a trusted proxy forwarded it; X-Forwarded-For is read from the right.
import { describe, expect, it } from 'vitest';
import { allowed, clientAddress, parseCidrs } from '#src/config/networks.ts';

describe('client address', () => {
  const proxies = parseCidrs('127.0.0.1, 10.0.0.0/8');
  it('ignores X-Forwarded-For from a socket that is no trusted proxy', () => {
    expect(clientAddress('192.0.2.7', '10.1.2.3', proxies)).toBe('192.0.2.7');
    expect(clientAddress('192.0.2.7', null, [])).toBe('192.0.2.7');
  });
  it('takes the right-most address that is not a trusted proxy, so a prepended one cannot spoof', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.5', proxies)).toBe('203.0.113.5');
    expect(clientAddress('127.0.0.1', '10.9.9.9, 203.0.113.5, 10.0.0.2', proxies)).toBe('203.0.113.5');
    expect(clientAddress('::ffff:127.0.0.1', '2001:db8::1', proxies)).toBe('2001:db8::1');
  });
  it('admits only the allowlist, IPv4 and IPv6, and everyone when it is empty', () => {
    const list = parseCidrs('10.0.0.0/8, 2001:db8::/32');
    expect(allowed('10.200.0.1', list)).toBe(true);
    expect(allowed('11.0.0.1', list)).toBe(false);
    expect(allowed('2001:db8:1::5', list)).toBe(true);
    expect(allowed('2001:db9::5', list)).toBe(false);
    expect(allowed('::ffff:10.0.0.1', list)).toBe(true);
    expect(allowed('anything', [])).toBe(true);
  });
  it('names a bad entry', () => {
    expect(() => parseCidrs('10.0.0.0/8, 10.0.0.0/33')).toThrow('"10.0.0.0/33" is not an IPv4 or IPv6 address or CIDR range');
    expect(() => parseCidrs('example.com')).toThrow('"example.com"');
  });
});
