// No SSRF through webhooks: a webhook may reach only public unicast addresses, never
// loopback, private, link-local (169.254.169.254, the cloud metadata address), carrier
// NAT, multicast or reserved ones, in IPv4 or IPv6 (also IPv4 inside IPv6). Checked when a
// URL is registered and again at connect time through the lookup the socket uses, so a
// name that resolves elsewhere later (DNS rebinding) is refused too.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export class RefusedAddressError extends Error {
  readonly code = 'refused_address';
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, which is not a public address`);
    this.name = 'RefusedAddressError';
  }
}

/** True for a public unicast address; false for everything a webhook must not reach, and for what is no address. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

/** The host of a URL as an address literal ("[::1]" → "::1"), or null for a name. */
export function addressLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

/** Every address a name resolves to (A and AAAA). */
export function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));
}

/** Refuses the host when it is, or any of its addresses is, not public. */
export async function checkHost(hostname: string): Promise<void> {
  const literal = addressLiteral(hostname);
  const addresses = literal ? [literal] : (await resolveAll(hostname)).map((a) => a.address);
  const bad = addresses.find((a) => !isPublicAddress(a));
  if (bad) throw new RefusedAddressError(hostname, bad);
}

/** The socket's lookup: resolves as usual and refuses a non-public answer, before any connection. */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...(options as LookupAllOptions), all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) return callback(new RefusedAddressError(hostname, bad.address) as NodeJS.ErrnoException, '', 0);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
