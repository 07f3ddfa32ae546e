// The shape of the notification words (nl-notifications.ts, en-notifications.ts): what the
// mails, chat messages and subscription pages say. Only types.
import type { ChannelName, NocEventKind, SubscriberEventKind } from '#src/domain/vocabulary.ts';

/** The words of the notification mails and of the subscription pages (src/notifications). */
export interface NotificationWords {
  /** Per event: the subject (with the incident's or maintenance's title) and the opening sentence. */
  event: Record<SubscriberEventKind, { subject: (title: string) => string; lead: string }>;
  labels: { products: string; status: string; window: string; previousWindow: string; reason: string; category: string; reported: string; update: string; report: string; more: string };
  footer: (products: string) => string;
  manageLink: string;
  confirm: { subject: string; text: string; action: string; expires: (hours: number) => string; ignore: string; webhook: (url: string, service: string) => string };
  /** To the contact of a URL channel that was switched off: failing for a day (text), or deleted at its platform (gone). */
  webhookDisabled: { subject: string; text: (url: string) => string; gone: (url: string, service: string) => string };
  /** Each channel of the registry (src/notifications/channels): its name, and where a customer finds its URL. */
  channels: Record<ChannelName, { name: string; hint: string }>;
  noc: Record<NocEventKind, { subject: (title: string) => string; text: (time: string) => string }>;
  form: {
    emailHeading: string;
    emailIntro: string;
    email: string;
    language: string;
    products: string;
    productsHint: string;
    submit: string;
    webhookHeading: string;
    webhookIntro: string;
    service: string;
    url: string;
    contact: string;
    submitWebhook: string;
    sent: string;
    privacy: string;
    invalidEmail: string;
    invalidUrl: string;
    refusedUrl: string;
    wrongService: string;
    unknownProduct: string;
    tooMany: string;
    errorsHeading: string;
  };
  manage: {
    title: string;
    confirmIntro: string;
    confirmButton: string;
    confirmed: string;
    secret: string;
    secretHint: string;
    intro: (address: string) => string;
    save: string;
    saved: string;
    cancel: string;
    cancelled: string;
    invalidLink: string;
  };
}
