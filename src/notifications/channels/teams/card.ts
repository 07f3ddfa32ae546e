// The Microsoft Teams message for one event: an Adaptive Card (schema 1.4, which Teams
// renders on desktop, web and mobile; it supports up to 1.5) in the attachment of a
// message, as a Teams Workflow's "post to a channel when a webhook request is received"
// takes it: title in the tone's colour, the opening sentence, the affected products with
// their status and the short facts as a FactSet, the latest update, and a button to the
// incident or maintenance page. A message may be 28 KB: the long texts are clipped.
import { clip, type EventMessage, type Tone } from '../event-message.ts';

export const CARD_VERSION = '1.4';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Adaptive Cards' TextBlock colours. */
const COLOUR: Record<Tone, 'Good' | 'Warning' | 'Attention' | 'Accent' | 'Default'> = {
  resolved: 'Good',
  minor: 'Warning',
  major: 'Warning',
  critical: 'Attention',
  maintenance: 'Accent',
  cancelled: 'Default',
};

export function teamsMessage(message: EventMessage) {
  const facts = [
    ...message.affected.map((p) => ({ title: p.name, value: p.status ?? '–' })),
    ...message.lines.filter((l) => l.label && !l.role).map((l) => ({ title: l.label!, value: l.text })),
  ];
  const paragraphs = message.lines.filter((l) => l.role === 'update');
  return {
    type: 'message',
    attachments: [
      {
        contentType: CARD_CONTENT_TYPE,
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: CARD_VERSION,
          msteams: { width: 'Full' },
          body: [
            { type: 'TextBlock', text: clip(message.subject, 300), size: 'Large', weight: 'Bolder', color: COLOUR[message.tone], wrap: true },
            { type: 'TextBlock', text: message.lead, isSubtle: true, spacing: 'None', wrap: true },
            ...(facts.length ? [{ type: 'FactSet', facts }] : []),
            ...paragraphs.flatMap((p) => [
              ...(p.label ? [{ type: 'TextBlock', text: p.label, weight: 'Bolder', wrap: true }] : []),
              { type: 'TextBlock', text: clip(p.text, 4000), spacing: p.label ? 'None' : 'Default', wrap: true },
            ]),
          ],
          actions: [{ type: 'Action.OpenUrl', title: message.link.text, url: message.link.url }],
        },
      },
    ],
  };
}
