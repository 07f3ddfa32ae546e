// What Microsoft Teams, Slack and Discord receive, checked against what the platforms
// publish: the Teams message parsed by the Adaptive Cards library (no unknown element, no
// validation problem, a card version Teams renders), the Slack and Discord bodies typed by
// @slack/types and discord-api-types (npm run check), and each platform's documented limits
// with an incident whose texts are far too long. Times in Amsterdam with the zone.
import { createRequire } from 'node:module';
import type { KnownBlock } from '@slack/types';
import type { RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { discordMessage, DISCORD_COLOUR, DISCORD_LIMITS } from '#src/notifications/channels/discord/embed.ts';
import { describeEvent } from '#src/notifications/channels/event-message.ts';
import { slackMessage, SLACK_LIMITS } from '#src/notifications/channels/slack/blocks.ts';
import { CARD_CONTENT_TYPE, teamsMessage } from '#src/notifications/channels/teams/card.ts';
import type { EventPayload } from '#src/outbox/events.ts';
import { incidentOpened, maintenanceRescheduled, reportPublished, SITE } from '../support/notification-events.ts';

// The library's own ES modules import without file extensions, which Node refuses; its UMD bundle loads.
const AdaptiveCards = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');
const at = new Date('2026-03-10T10:05:01.000Z');
const long: EventPayload = {
  ...incidentOpened,
  incident: { ...incidentOpened.incident!, title: `Storing ${'x'.repeat(400)}`, updates: [{ ...incidentOpened.incident!.updates[0]!, message: `${'Lange tekst. '.repeat(800)}<@everyone> & <b>` }] },
};

/** Parses a card as Teams' renderer does; returns the problems it reports. */
function cardProblems(card: object): string[] {
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  parsed.parse(card, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  const validation = parsed.validateProperties().validationEvents.map((e) => e.message);
  return [...events, ...validation];
}

describe('the Microsoft Teams message', () => {
  it('is a message with one Adaptive Card attachment of version 1.4 that parses without a problem', () => {
    const message = teamsMessage(describeEvent(incidentOpened, 'nl', SITE, at));
    expect(message.type).toBe('message');
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment!.contentType).toBe(CARD_CONTENT_TYPE);
    expect(attachment!.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    // Teams renders schema 1.5 at most.
    expect(Number(attachment!.content.version)).toBeLessThanOrEqual(1.5);
    expect(cardProblems(attachment!.content)).toEqual([]);
    // The parser does find what Teams would not show.
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.4', body: [{ type: 'Carousel' }] })).not.toEqual([]);
  });

  it('tells a published report as a valid card: the report with its Amsterdam time and a button to it, in green', () => {
    const card = teamsMessage(describeEvent(reportPublished, 'en', SITE, at)).attachments[0]!.content;
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('3CX outage');
    expect(text).toContain('The NOC has published its report on the cause and handling of the incident.');
    expect(text).toContain('Report (10 March 2026 at 14:00 CET)');
    expect(text).toContain('Cause: a failed power supply.');
    expect(text).toContain(`${SITE}/en/incidents/12#report`);
  });

  it('shows the title in the colour of its status, the products with their status, the latest update with Amsterdam time, and a button to the incident', () => {
    const card = teamsMessage(describeEvent(incidentOpened, 'nl', SITE, at)).attachments[0]!.content;
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Storing: Storing 3CX', color: 'Attention', weight: 'Bolder' });
    expect(card.body[1]).toMatchObject({ text: 'De NOC meldt een storing.' });
    expect(card.body[2]).toEqual({ type: 'FactSet', facts: [{ title: '3CX', value: 'Ernstige storing' }, { title: 'Status', value: 'Onderzoek' }, { title: 'Gemeld', value: '10 maart 2026 om 11:00 CET' }] });
    expect(card.body.slice(3).map((b) => b.text)).toEqual(['Update (10 maart 2026 om 11:05 CET)', 'We onderzoeken een storing.']);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Meer informatie', url: `${SITE}/incidents/12` }]);
  });

  it('shows a maintenance in the accent colour with both windows, in English, and stays within 28 KB with far too long texts', () => {
    const card = teamsMessage(describeEvent(maintenanceRescheduled, 'en', SITE, at)).attachments[0]!.content;
    expect(card.body[0]).toMatchObject({ text: 'Maintenance rescheduled: Regular maintenance voizplus', color: 'Accent' });
    expect((card.body[2] as { facts: unknown[] }).facts).toContainEqual({ title: 'Previously planned', value: '20 March 2026 at 20:00 CET – 23:00 CET' });
    expect(cardProblems(card)).toEqual([]);
    const huge = teamsMessage(describeEvent(long, 'nl', SITE, at));
    expect(Buffer.byteLength(JSON.stringify(huge))).toBeLessThan(28 * 1024);
    expect(cardProblems(huge.attachments[0]!.content)).toEqual([]);
  });
});

describe('the Slack message', () => {
  it('has text for notifications and Block Kit blocks: header, lead, fields, update, link', () => {
    const message = slackMessage(describeEvent(incidentOpened, 'en', SITE, at));
    const blocks: KnownBlock[] = message.blocks;
    expect(message.text).toBe(`Incident: 3CX outage: The NOC reports an incident. ${SITE}/en/incidents/12`);
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'context']);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Incident: 3CX outage', emoji: false } });
    expect(message.blocks[2]).toEqual({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*Affects*\n3CX: Major outage' },
        { type: 'mrkdwn', text: '*Status*\nInvestigating' },
        { type: 'mrkdwn', text: '*Reported*\n10 March 2026 at 11:00 CET' },
      ],
    });
    expect(message.blocks[4]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${SITE}/en/incidents/12|More information>` }] });
  });

  it('keeps within Slack’s limits and escapes &, < and > (no @everyone from an incident’s text)', () => {
    const message = slackMessage(describeEvent(long, 'nl', SITE, at));
    const texts = message.blocks.flatMap((b) => ('text' in b && b.text ? [b.text.text] : []));
    expect((message.blocks[0] as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.header);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.text);
    const update = texts.at(-1)!;
    expect(update.endsWith('…')).toBe(true);
    expect(JSON.stringify(message)).not.toContain('<@everyone>');
    expect(slackMessage(describeEvent({ ...incidentOpened, incident: { ...incidentOpened.incident!, updates: [{ ...incidentOpened.incident!.updates[0]!, message: '<@everyone> & <b>' }] } }, 'nl', SITE, at)).blocks[3]).toMatchObject({
      text: { text: '*Update (10 maart 2026 om 11:05 CET)*\n&lt;@everyone&gt; &amp; &lt;b&gt;' },
    });
  });
});

describe('the Discord message', () => {
  it('is one embed: title with link, colour by status, timestamp, fields, no mentions parsed', () => {
    const body: RESTPostAPIWebhookWithTokenJSONBody = discordMessage(describeEvent(incidentOpened, 'nl', SITE, at), 'status.example.nl');
    const [embed] = body.embeds!;
    expect(embed).toMatchObject({ title: 'Storing: Storing 3CX', url: `${SITE}/incidents/12`, color: DISCORD_COLOUR.critical, timestamp: '2026-03-10T10:05:00.000Z', footer: { text: 'status.example.nl' } });
    expect(embed!.description).toBe('De NOC meldt een storing.\n\n**Update (10 maart 2026 om 11:05 CET)**\nWe onderzoeken een storing.');
    expect(embed!.fields).toEqual([
      { name: '3CX', value: 'Ernstige storing', inline: true },
      { name: 'Status', value: 'Onderzoek', inline: false },
      { name: 'Gemeld', value: '10 maart 2026 om 11:00 CET', inline: false },
    ]);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('is green once resolved, blue for maintenance, and within 6,000 characters with far too long texts', () => {
    const resolved: EventPayload = { ...incidentOpened, kind: 'incident.resolved', incident: { ...incidentOpened.incident!, status: 'resolved' } };
    expect(discordMessage(describeEvent(resolved, 'en', SITE, at), 'x').embeds[0]!.color).toBe(DISCORD_COLOUR.resolved);
    expect(discordMessage(describeEvent(maintenanceRescheduled, 'en', SITE, at), 'x').embeds[0]).toMatchObject({ color: DISCORD_COLOUR.maintenance, timestamp: at.toISOString() });
    const [embed] = discordMessage(describeEvent(long, 'nl', SITE, at), 'status.example.nl').embeds;
    const total = embed!.title.length + embed!.description.length + embed!.footer.text.length + embed!.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(embed!.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(embed!.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.total);
  });
});
