// The Discord message for one event, as a webhook executes it: one embed with the subject
// as title (linking to the page), the opening sentence and latest update as description,
// a colour by status, the moment as timestamp, and the facts as fields (products with
// their status first). Within Discord's limits: title 256, description 4,096, 25 fields
// of 256/1,024, 6,000 characters in all. No mentions are parsed from an incident's text.
import { clip, type EventMessage, type Tone } from '../event-message.ts';

export const DISCORD_LIMITS = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000 } as const;

/** The embed's colour bar, by how bad it is. */
export const DISCORD_COLOUR: Record<Tone, number> = {
  resolved: 0x2e7d32,
  minor: 0xf9a825,
  major: 0xef6c00,
  critical: 0xc62828,
  maintenance: 0x1565c0,
  cancelled: 0x757575,
};

export function discordMessage(message: EventMessage, footer: string) {
  const fields = [
    ...message.affected.map((p) => ({ name: clip(p.name, DISCORD_LIMITS.fieldName), value: p.status ?? '–', inline: true })),
    ...message.lines.filter((l) => l.label && !l.role).map((l) => ({ name: clip(l.label!, DISCORD_LIMITS.fieldName), value: clip(l.text, DISCORD_LIMITS.fieldValue), inline: false })),
  ].slice(0, DISCORD_LIMITS.fields);
  const used = message.subject.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const paragraphs = message.lines.filter((l) => l.role === 'update').map((p) => (p.label ? `**${p.label}**\n${p.text}` : p.text));
  const description = clip([message.lead, ...paragraphs].join('\n\n'), Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.total - used));
  return {
    embeds: [
      {
        title: clip(message.subject, DISCORD_LIMITS.title),
        url: message.link.url,
        description,
        color: DISCORD_COLOUR[message.tone],
        timestamp: message.at,
        fields,
        footer: { text: clip(footer, DISCORD_LIMITS.footer) },
      },
    ],
    allowed_mentions: { parse: [] },
  };
}
