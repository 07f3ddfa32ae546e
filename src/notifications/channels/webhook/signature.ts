// Signing a webhook: HMAC-SHA256 over "<timestamp>.<body>" (headers X-Status-Timestamp and
// X-Status-Signature: v1=<hex>), with the secret the subscriber was given once.
import { createHmac, randomBytes } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Status-Signature';
export const TIMESTAMP_HEADER = 'X-Status-Timestamp';

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

/** "v1=" + hex HMAC-SHA256(secret, timestamp + "." + body), timestamp in Unix seconds. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The headers of one signed delivery. */
export function signedHeaders(secret: string, timestamp: number, body: string, event: string): Record<string, string> {
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signature(secret, timestamp, body), 'X-Status-Event': event };
}
