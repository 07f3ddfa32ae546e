// Real client parsers for the feed tests: ical.js (the iCalendar parser of Thunderbird) and
// fast-xml-parser for RSS, with helpers that return what a calendar or feed reader sees.
import ICAL from 'ical.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface ParsedEvent {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  start: Date;
  end: Date;
  stamp: Date;
  lastModified: Date;
  status: string;
  url: string;
  categories: string[];
}

export interface ParsedCalendar {
  name: string;
  description: string;
  refreshInterval: string;
  publishedTtl: string;
  events: ParsedEvent[];
}

const dateOf = (component: ICAL.Component, name: string) => (component.getFirstPropertyValue(name) as ICAL.Time).toJSDate();

export function parseCalendar(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    description: String(calendar.getFirstPropertyValue('x-wr-caldesc')),
    refreshInterval: String(calendar.getFirstPropertyValue('refresh-interval')),
    publishedTtl: String(calendar.getFirstPropertyValue('x-published-ttl')),
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        sequence: event.sequence,
        summary: event.summary,
        description: event.description,
        start: event.startDate.toJSDate(),
        end: event.endDate.toJSDate(),
        stamp: dateOf(vevent, 'dtstamp'),
        lastModified: dateOf(vevent, 'last-modified'),
        status: String(vevent.getFirstPropertyValue('status')),
        url: String(vevent.getFirstPropertyValue('url')),
        categories: (vevent.getFirstProperty('categories')?.getValues() ?? []).map(String),
      };
    }),
  };
}

export interface ParsedItem {
  title: string;
  description: string;
  link: string;
  guid: string;
  guidIsPermaLink: string;
  pubDate: string;
  categories: string[];
}

export interface ParsedFeed {
  title: string;
  description: string;
  link: string;
  selfLink: string;
  language: string;
  ttl: string;
  lastBuildDate: string | undefined;
  items: ParsedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'item' || name === 'category' || name === 'atom:link',
});

type Node = Record<string, unknown>;
const textOf = (value: unknown): string => (typeof value === 'object' && value !== null ? String((value as Node)['#text'] ?? '') : String(value ?? ''));

export function parseRss(text: string): ParsedFeed {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`invalid XML: ${JSON.stringify(valid.err)}`);
  const document = parser.parse(text) as { rss: { '@_version': string; channel: Node } };
  if (document.rss['@_version'] !== '2.0') throw new Error('not RSS 2.0');
  const channel = document.rss.channel;
  const self = (channel['atom:link'] as Node[]).find((link) => link['@_rel'] === 'self');
  return {
    title: textOf(channel.title),
    description: textOf(channel.description),
    link: textOf(channel.link),
    selfLink: String(self?.['@_href']),
    language: textOf(channel.language),
    ttl: textOf(channel.ttl),
    lastBuildDate: channel.lastBuildDate === undefined ? undefined : textOf(channel.lastBuildDate),
    items: ((channel.item as Node[] | undefined) ?? []).map((item) => ({
      title: textOf(item.title),
      description: textOf(item.description),
      link: textOf(item.link),
      guid: textOf(item.guid),
      guidIsPermaLink: String((item.guid as Node)['@_isPermaLink']),
      pubDate: textOf(item.pubDate),
      categories: ((item.category as unknown[] | undefined) ?? []).map(textOf),
    })),
  };
}
