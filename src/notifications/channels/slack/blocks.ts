// The Slack message for one event, as an incoming webhook takes it: `text` (what
// notifications and old clients show) and Block Kit `blocks`: a header with the subject,
// the opening sentence, the facts as section fields (products with their status first),
// the latest update, and a context line with the link. Within Slack's limits: a header of
// 150 characters, section text of 3,000, at most 10 fields of 2,000 each. Slack's mrkdwn
// needs &, < and > escaped, which also keeps a text from mentioning @channel.
import { clip, type EventMessage } from '../event-message.ts';

export const SLACK_LIMITS = { header: 150, sectionText: 3000, fields: 10, fieldText: 2000, text: 4000 } as const;

export const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const mrkdwn = (text: string, max: number) => ({ type: 'mrkdwn' as const, text: clip(escapeMrkdwn(text), max) });

export function slackMessage(message: EventMessage) {
  const facts = [
    ...(message.affected.length ? [`*${escapeMrkdwn(message.lines.find((l) => l.role === 'products')?.label ?? '')}*\n${escapeMrkdwn(message.affected.map((p) => `${p.name}: ${p.status ?? '–'}`).join('\n'))}`] : []),
    ...message.lines.filter((l) => l.label && !l.role).map((l) => `*${escapeMrkdwn(l.label!)}*\n${escapeMrkdwn(l.text)}`),
  ].slice(0, SLACK_LIMITS.fields);
  const paragraphs = message.lines.filter((l) => l.role === 'update');
  const link = `<${message.link.url}|${escapeMrkdwn(message.link.text)}>`;
  return {
    text: clip(escapeMrkdwn(`${message.subject}: ${message.lead} ${message.link.url}`), SLACK_LIMITS.text),
    blocks: [
      { type: 'header' as const, text: { type: 'plain_text' as const, text: clip(message.subject, SLACK_LIMITS.header), emoji: false } },
      { type: 'section' as const, text: mrkdwn(message.lead, SLACK_LIMITS.sectionText) },
      ...(facts.length ? [{ type: 'section' as const, fields: facts.map((f) => ({ type: 'mrkdwn' as const, text: clip(f, SLACK_LIMITS.fieldText) })) }] : []),
      ...paragraphs.map((p) => ({ type: 'section' as const, text: mrkdwn(`${p.label ? `*${p.label}*\n` : ''}${p.text}`, SLACK_LIMITS.sectionText) })),
      { type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: link }] },
    ],
  };
}
