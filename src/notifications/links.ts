// The tokens of the links in notification mails, without a row per mail. A token is 32
// bytes in base64url (43 characters): its purpose, the subscriber's id, and an HMAC-SHA256
// made with that subscriber's own random link key (subscribers.link_key). The worker makes
// the same token for every mail to a subscriber, so storage does not grow with mails sent;
// a leaked mail opens that subscriber's settings and nothing else (the key is per
// subscriber, and the HMAC cannot be turned back into it); a new key revokes every link.
// A confirmation link also names the moment its mail was asked for, and expires 48 hours
// after it. Pure: the caller looks the subscriber up by the id the token carries.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { HOUR_MS } from '#src/time/units.ts';

export type LinkPurpose = 'confirm' | 'manage';
export const CONFIRM_LINK_HOURS = 48;

const PURPOSE_BYTE: Record<LinkPurpose, number> = { confirm: 1, manage: 2 };
const MAC_BYTES = 27;

export interface LinkHolder {
  id: number;
  linkKey: string;
  /** The confirmation mail's moment (confirm links only). */
  lastConfirmationAt: Date | null;
}

function mac(holder: LinkHolder, purpose: LinkPurpose): Buffer {
  const moment = purpose === 'confirm' ? String(+(holder.lastConfirmationAt ?? 0)) : '';
  return createHmac('sha256', holder.linkKey).update(`${purpose}:${holder.id}:${moment}`).digest().subarray(0, MAC_BYTES);
}

export function linkToken(holder: LinkHolder, purpose: LinkPurpose): string {
  const head = Buffer.alloc(5);
  head.writeUInt8(PURPOSE_BYTE[purpose], 0);
  head.writeUInt32BE(holder.id, 1);
  return Buffer.concat([head, mac(holder, purpose)]).toString('base64url');
}

/** What a token claims: its purpose and subscriber; null when it is not one of ours. */
export function readLinkToken(token: string): { purpose: LinkPurpose; subscriberId: number } | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  const purpose = (Object.keys(PURPOSE_BYTE) as LinkPurpose[]).find((p) => PURPOSE_BYTE[p] === bytes[0]);
  const subscriberId = bytes.readUInt32BE(1);
  return purpose && subscriberId > 0 ? { purpose, subscriberId } : null;
}

/** True when the token is the holder's, for that purpose, and (a confirmation) not expired. */
export function tokenMatches(token: string, holder: LinkHolder, purpose: LinkPurpose, now: Date): boolean {
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== 5 + MAC_BYTES || !timingSafeEqual(bytes.subarray(5), mac(holder, purpose))) return false;
  if (purpose === 'manage') return true;
  return holder.lastConfirmationAt !== null && +now < +holder.lastConfirmationAt + CONFIRM_LINK_HOURS * HOUR_MS;
}
