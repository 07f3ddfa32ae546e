// What the notifications tell, as plain data: the kinds of event and the snapshot each
// carries in the outbox (notification_events.payload). Mails and webhook bodies are built
// from this snapshot alone, so a message says what was true when the write committed.
import {
  SUBSCRIBER_EVENTS,
  type ChannelName,
  type Impact,
  type IncidentCategory,
  type IncidentStatus,
  type MaintenanceState,
  type MaintenanceWording,
  type NocEventKind,
  type ProductStatus,
  type SubscriberEventKind,
} from '#src/domain/vocabulary.ts';

export type { NocEventKind, SubscriberEventKind };

/** Mails about a subscription itself. */
export type SubscriptionEventKind = 'subscription.confirm' | 'webhook.disabled';
/** A product's status changed without an incident saying so (an outage recorded or ended): webhooks only, as Statuspage's component_update. */
export type ComponentEventKind = 'component.updated';
export type EventKind = SubscriberEventKind | NocEventKind | SubscriptionEventKind | ComponentEventKind;

export interface ProductRef {
  id: number;
  slug: string;
  name: { nl: string; en: string };
}

export interface IncidentSnapshot {
  id: number;
  title: string;
  titleEn: string | null;
  category: IncidentCategory;
  status: IncidentStatus;
  /** ISO 8601 (UTC). */
  reportedAt: string;
  resolvedAt: string | null;
  /** Oldest first; the last one is the update the event is about. */
  updates: { id: number; status: IncidentStatus; message: string; messageEn: string | null; publishedAt: string; impacts: Record<string, Impact> }[];
}

export interface MaintenanceSnapshot extends MaintenanceWording {
  start: string;
  end: string;
  state: MaintenanceState;
  expectedImpact: Impact;
  cancelReason: string | null;
  /** The window before a reschedule. */
  previous: { start: string; end: string } | null;
}

export interface EventPayload {
  kind: EventKind;
  /** The products the event is about: who hears it (subscribers of any of them, and of all). */
  products: ProductRef[];
  /** The whole page's status when the event was written (the worst product status). */
  overall?: ProductStatus;
  /** Each product's status then, by slug (webhooks' component_update). */
  statuses?: Record<string, ProductStatus>;
  incident?: IncidentSnapshot;
  maintenance?: MaintenanceSnapshot;
  /** incident.report_published: the report as published (ISO 8601 UTC). */
  report?: { body: string; bodyEn: string | null; publishedAt: string };
  /** NOC reminders: when the next public update is (was) due. */
  dueAt?: string;
  /** component.updated: the product whose status changed, from what to what. */
  component?: { slug: string; oldStatus: ProductStatus; newStatus: ProductStatus };
  /** subscription.confirm of a URL channel, webhook.disabled: its URL. */
  webhookUrl?: string;
  /** subscription.confirm, webhook.disabled: the URL channel (webhook when absent, as before there were others). */
  channel?: ChannelName;
  /** webhook.disabled: failing for a day, or removed at its platform (404). */
  reason?: 'failing' | 'gone';
}

export const isSubscriberEvent = (kind: EventKind): kind is SubscriberEventKind => (SUBSCRIBER_EVENTS as readonly string[]).includes(kind);
