// What the chat channels (Teams, Slack, Discord) share: they post a platform's JSON, built
// from the event's model (./event-message.ts), to an incoming-webhook URL, sign nothing,
// carry the events subscribers hear of, and switch a subscription off when the platform
// says the webhook was deleted (`gone`). Each channel's folder holds only its body.
import { isSubscriberEvent } from '#src/outbox/events.ts';
import type { Channel, TargetProblem } from './channel.ts';
import { describeEvent, type EventMessage } from './event-message.ts';
import { classifyHttp, hostOf, postJson } from './http-post.ts';
import type { ChannelName } from '#src/domain/vocabulary.ts';

export const CHAT_TIMEOUT_MS = 10_000;

export interface ChatChannelSpec {
  name: Exclude<ChannelName, 'email' | 'webhook'>;
  /** The statuses with which the platform says the webhook no longer exists. */
  gone: readonly number[];
  checkUrl?(url: URL): TargetProblem | null;
  /** The platform's body for one event. */
  body(message: EventMessage): unknown;
}

export function chatChannel(spec: ChatChannelSpec): Channel<string> {
  return {
    name: spec.name,
    target: 'url',
    // Every subscriber of a platform shares its host, so more at once to one host than for webhooks.
    limits: { concurrency: 32, perDestination: 16, timeoutMs: CHAT_TIMEOUT_MS },
    carries: (kind) => isSubscriberEvent(kind),
    ...(spec.checkUrl && { checkUrl: spec.checkUrl }),
    render: (event, locale, { siteUrl }) => JSON.stringify(spec.body(describeEvent(event.payload, locale, siteUrl, event.createdAt))),
    send: async (body, recipient, context) => {
      await postJson({ url: recipient.address, body, allowPrivate: context.allowPrivate, signal: context.signal });
    },
    destination: (recipient) => hostOf(recipient.address),
    classify: (error) => classifyHttp(error, spec.gone),
  };
}
