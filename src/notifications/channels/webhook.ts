// Posting a webhook: JSON, signed with HMAC-SHA256 over "<timestamp>.<body>" (headers
// X-Status-Timestamp and X-Status-Signature: v1=<hex>), 10 s at most, redirects not
// followed (a 3xx is a failure), any 2xx a success. Unless private targets are allowed,
// the address is checked before the request and at connect time (./address-guard.ts).
import { createHmac, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { addressLiteral, checkHost, guardedLookup, RefusedAddressError } from './address-guard.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const SIGNATURE_HEADER = 'X-Status-Signature';
export const TIMESTAMP_HEADER = 'X-Status-Timestamp';

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

/** "v1=" + hex HMAC-SHA256(secret, timestamp + "." + body), timestamp in Unix seconds. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type UrlProblem = 'invalid_url' | 'refused_address';

/** At registration: only http(s), and (unless allowed) only a host with public addresses. */
export async function checkWebhookUrl(url: string, allowPrivate: boolean): Promise<UrlProblem | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid_url';
  }
  if (!['http:', 'https:'].includes(parsed.protocol) || parsed.username || parsed.password || !parsed.hostname) return 'invalid_url';
  if (allowPrivate) return null;
  try {
    await checkHost(parsed.hostname);
    return null;
  } catch (error) {
    return error instanceof RefusedAddressError ? 'refused_address' : 'invalid_url';
  }
}

export interface WebhookDelivery {
  url: string;
  secret: string;
  body: string;
  /** Unix seconds of the signature. */
  timestamp: number;
  allowPrivate: boolean;
  /** For X-Status-Event. */
  event: string;
}

/** Resolves with the status code on 2xx; rejects with why otherwise. */
export async function postWebhook(delivery: WebhookDelivery): Promise<number> {
  const url = new URL(delivery.url);
  const literal = addressLiteral(url.hostname);
  if (!delivery.allowPrivate && literal) await checkHost(literal);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(delivery.body),
          'User-Agent': 'voizxl-status-webhook/1',
          [TIMESTAMP_HEADER]: String(delivery.timestamp),
          [SIGNATURE_HEADER]: signature(delivery.secret, delivery.timestamp, delivery.body),
          'X-Status-Event': delivery.event,
        },
        ...(delivery.allowPrivate ? {} : { lookup: guardedLookup }),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        response.on('end', () => (status >= 200 && status < 300 ? resolve(status) : reject(new Error(`HTTP ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`))));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(delivery.body);
  });
}
