// Posting JSON to a URL, for every URL channel (webhook, Teams, Slack, Discord): redirects
// not followed (a 3xx is a failure), any 2xx a success, the channel's timeout through the
// caller's signal, connections kept alive per host. Unless private targets are allowed, the
// address is checked before the request and at connect time (./address-guard.ts). A
// refusal is an HttpStatusError with the status and the Retry-After it asked for; the URL
// channels classify failures with classifyHttp.
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { addressLiteral, checkHost, guardedLookup, RefusedAddressError } from './address-guard.ts';
import type { Outcome, TargetProblem } from './channel.ts';

export class HttpStatusError extends Error {
  readonly status: number;
  /** Retry-After in milliseconds, when given (seconds or an HTTP date). */
  readonly retryAfterMs: number | null;
  constructor(status: number, retryAfterMs: number | null) {
    super(`HTTP ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`);
    this.name = 'HttpStatusError';
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 8 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 8 }) };

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export interface JsonPost {
  url: string;
  body: string;
  headers?: Record<string, string>;
  allowPrivate: boolean;
  signal: AbortSignal;
}

/** At registration: only http(s) without credentials, and (unless allowed) only a host with public addresses. */
export async function checkPostUrl(url: string, allowPrivate: boolean): Promise<TargetProblem | null> {
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

/** Resolves with the status code on 2xx; rejects with an HttpStatusError, a RefusedAddressError or the socket's error. */
export async function postJson(post: JsonPost): Promise<number> {
  const url = new URL(post.url);
  const literal = addressLiteral(url.hostname);
  if (!post.allowPrivate && literal) await checkHost(literal);
  const https = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (https ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        agent: https ? agents.https : agents.http,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(post.body), 'User-Agent': 'voizxl-status-notifications/2', ...post.headers },
        ...(post.allowPrivate ? {} : { lookup: guardedLookup }),
        signal: post.signal,
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        const wait = retryAfterMs(response.headers['retry-after'], Date.now());
        response.on('end', () => (status >= 200 && status < 300 ? resolve(status) : reject(new HttpStatusError(status, wait))));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(post.body);
  });
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ABORT_ERR', 'UND_ERR_SOCKET']);

/**
 * A URL channel's failure: 429 waits as asked (30 s when it does not say), a status in
 * `gone` (a deleted chat webhook) disables the subscription, a destination that does not
 * answer is backed off, anything else is tried again after the policy's backoff.
 */
export function classifyHttp(error: unknown, gone: readonly number[]): Outcome {
  if (error instanceof HttpStatusError) {
    if (error.status === 429) return { kind: 'later', afterMs: error.retryAfterMs ?? 30_000 };
    if (gone.includes(error.status)) return { kind: 'gone' };
    return { kind: 'retry' };
  }
  const code = (error as { code?: string } | null)?.code ?? (error as Error | null)?.name;
  if (code && (UNREACHABLE.has(code) || code === 'AbortError' || code === 'TimeoutError')) return { kind: 'unreachable', counts: true };
  return { kind: 'retry' };
}

/** The host a URL posts to: the destination whose failures are kept from the others. */
export const hostOf = (url: string) => new URL(url).host;
