// The feed links the pages offer (src/feeds/links.ts): per language, for all products or
// one, and as webcal:// subscriptions.
import { describe, expect, it } from 'vitest';
import { feedLinks, feedPath, webcalUrl } from '#src/feeds/links.ts';

describe('feed links', () => {
  it('offers the feeds of all products, or of one product, per language', () => {
    expect(feedLinks('nl')).toEqual([
      { href: '/incidents.rss', type: 'application/rss+xml', title: 'voizXL storingen (RSS)' },
      { href: '/maintenance.rss', type: 'application/rss+xml', title: 'voizXL onderhoud (RSS)' },
      { href: '/maintenance.ics', type: 'text/calendar', title: 'voizXL onderhoud (iCalendar)' },
    ]);
    expect(feedLinks('en', '3cx', '3CX').map((l) => [l.href, l.title])).toEqual([
      ['/en/products/3cx/incidents.rss', 'voizXL incidents – 3CX (RSS)'],
      ['/en/products/3cx/maintenance.rss', 'voizXL maintenance – 3CX (RSS)'],
      ['/en/products/3cx/maintenance.ics', 'voizXL maintenance – 3CX (iCalendar)'],
    ]);
  });

  it('gives webcal:// subscription links', () => {
    expect(webcalUrl('https://status.voizxl.nl', feedPath('calendar', 'nl', 'teams-dr'))).toBe('webcal://status.voizxl.nl/products/teams-dr/maintenance.ics');
    expect(webcalUrl('http://localhost:4321', feedPath('calendar', 'en'))).toBe('webcal://localhost:4321/en/maintenance.ics');
  });
});
