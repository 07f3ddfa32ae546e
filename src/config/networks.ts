// Who is asking, as far as we can trust it, and whether that address may reach the private
// side. The socket's address is the client unless it is a trusted proxy; then the
// X-Forwarded-For entries are read from the right, skipping trusted proxies, and the first
// other one is the client (a client can prepend anything, but not append). Pure.
import ipaddr from 'ipaddr.js';

export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses "10.0.0.0/8, 2001:db8::/32, 192.0.2.7"; throws naming the first bad entry. */
export function parseCidrs(list: string): Cidr[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      try {
        if (entry.includes('/')) return ipaddr.parseCIDR(entry);
        const address = ipaddr.parse(entry);
        return [address, address.kind() === 'ipv4' ? 32 : 128] as Cidr;
      } catch {
        throw new Error(`"${entry}" is not an IPv4 or IPv6 address or CIDR range`);
      }
    });
}

function parseAddress(value: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    // ::ffff:192.0.2.1 is the IPv4 client an IPv6 socket reports.
    return ipaddr.process(value.trim().replace(/^\[|\]$/g, ''));
  } catch {
    return null;
  }
}

export function inAny(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: readonly Cidr[]): boolean {
  return ranges.some(([range, bits]) => address.kind() === range.kind() && address.match(range, bits));
}

/** The client's address as text; the socket's when nothing better can be trusted. */
export function clientAddress(socketAddress: string, forwardedFor: string | null, trustedProxies: readonly Cidr[]): string {
  const socket = parseAddress(socketAddress);
  if (!socket) return socketAddress;
  if (!forwardedFor || !inAny(socket, trustedProxies)) return socket.toString();
  const hops = forwardedFor.split(',').reverse();
  let client = socket;
  for (const hop of hops) {
    const address = parseAddress(hop);
    if (!address) break;
    client = address;
    if (!inAny(address, trustedProxies)) break;
  }
  return client.toString();
}

/** May this address reach /admin and /api/v1? An empty allowlist admits everyone. */
export function allowed(address: string, allowlist: readonly Cidr[]): boolean {
  if (allowlist.length === 0) return true;
  const parsed = parseAddress(address);
  return parsed !== null && inAny(parsed, allowlist);
}
