// What every notification channel implements (one folder each under channels/, listed in
// ./registry.ts): which events it carries, how it checks a target, how it renders an event
// (once per event and language, whoever receives it), how it sends to one recipient, where
// that goes (the destination whose failures must not hold up the others), and what a
// failure means for the job. The worker (../delivery/) knows channels only through this.
import type { ChannelName } from '#src/domain/vocabulary.ts';
import type { Locale } from '#src/i18n/locale.ts';
import type { EventKind, EventPayload } from '#src/outbox/events.ts';
import type { SubscriberRow } from '../tokens.ts';
import type { MailTransport } from './email/transport.ts';

export type { ChannelName };

export interface StoredEvent {
  id: number;
  kind: EventKind;
  payload: EventPayload;
  createdAt: Date;
}

export interface Recipient {
  /** Null for a mail to an address of the configuration (the NOC's reminders). */
  subscriber: SubscriberRow | null;
  /** The e-mail address, or the URL a URL channel posts to. */
  address: string;
}

/** What rendering needs besides the event: where links point, and who mail is from. */
export interface RenderContext {
  siteUrl: string;
  mailFrom: string;
}

export interface SendContext {
  siteUrl: string;
  /** WEBHOOK_ALLOW_PRIVATE: URL channels may reach loopback and private addresses. */
  allowPrivate: boolean;
  mail: MailTransport;
  now: Date;
  /** Aborted when the channel's timeout has passed. */
  signal: AbortSignal;
}

/** What a failed send means for its job. */
export type Outcome =
  /** Try again after the policy's backoff; the try counts (../policy.ts). */
  | { kind: 'retry' }
  /** The recipient refuses it for good (a mailbox that does not exist): dead at once. */
  | { kind: 'permanent' }
  /** The target was removed at its platform (a deleted Teams/Slack/Discord webhook): dead, the subscription disabled, its contact told. */
  | { kind: 'gone' }
  /** The receiver asked to wait (429 with Retry-After): tried again then, not counted as a try. */
  | { kind: 'later'; afterMs: number }
  /**
   * The destination does not answer (refused, timed out, no such host): it is backed off,
   * so its other jobs wait without taking a sender. `counts`: whether this is the
   * recipient's failure (a webhook's server) or not (our own SMTP relay being away).
   */
  | { kind: 'unreachable'; counts: boolean };

export type TargetProblem = 'invalid_url' | 'refused_address' | 'wrong_service';

export interface Channel<Message = unknown> {
  readonly name: ChannelName;
  /** 'address': an e-mail address; 'url': a URL that is posted to, plus a contact address. */
  readonly target: 'address' | 'url';
  /** Sends in flight on this channel, and to one destination (host); how long one send may take. */
  readonly limits: { concurrency: number; perDestination: number; timeoutMs: number };
  carries(kind: EventKind): boolean;
  /** URL channels: whether the URL looks like one of this service (e.g. Slack's /services/…). */
  checkUrl?(url: URL): TargetProblem | null;
  render(event: StoredEvent, locale: Locale, context: RenderContext): Message;
  send(message: Message, recipient: Recipient, context: SendContext): Promise<void>;
  /** The key of the destination for isolation: the host of a URL, the SMTP relay for mail. */
  destination(recipient: Recipient): string;
  classify(error: unknown): Outcome;
}
