// The webhook channel: the event as JSON shaped like Atlassian Statuspage's webhooks
// (./payload.ts), signed (./signature.ts), every event including component.updated. A
// webhook failing for a day is disabled (../../policy.ts); 10 seconds per try.
import { SUBSCRIBER_EVENTS } from '#src/domain/vocabulary.ts';
import type { Channel } from '../channel.ts';
import { classifyHttp, hostOf, postJson } from '../http-post.ts';
import { webhookBody } from './payload.ts';
import { signedHeaders } from './signature.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export const webhook: Channel<{ kind: string; body: string }> = {
  name: 'webhook',
  target: 'url',
  limits: { concurrency: 32, perDestination: 4, timeoutMs: WEBHOOK_TIMEOUT_MS },
  carries: (kind) => (SUBSCRIBER_EVENTS as readonly string[]).includes(kind) || kind === 'component.updated',
  // The same body for every webhook of one event: generated_at is the event's moment.
  render: (event, _locale, { siteUrl }) => ({ kind: event.kind, body: webhookBody(event.payload, siteUrl, event.createdAt) }),
  send: async (message, recipient, context) => {
    const timestamp = Math.floor(+context.now / 1000);
    await postJson({ url: recipient.address, body: message.body, headers: signedHeaders(recipient.subscriber!.secret!, timestamp, message.body, message.kind), allowPrivate: context.allowPrivate, signal: context.signal });
  },
  destination: (recipient) => hostOf(recipient.address),
  // A generic receiver's 404 may be a deploy in progress: retried for a day like any failure.
  classify: (error) => classifyHttp(error, []),
};
