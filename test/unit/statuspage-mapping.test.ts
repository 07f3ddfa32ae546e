// The pure parts of the Statuspage documents (src/statuspage/mapping.ts): Statuspage's time
// format in the page's zone (both sides of DST, another zone's negative offset), the
// vocabulary maps and the ids.
import { describe, expect, it } from 'vitest';
import { PRODUCT_STATUSES } from '#src/domain/vocabulary.ts';
import { INDICATOR, INDICATOR_DESCRIPTION, ids, pageStatus, timestamp } from '#src/statuspage/mapping.ts';
import { rfc3339InZone } from '#src/time/zone.ts';

describe('Statuspage times', () => {
  it('writes RFC 3339 with milliseconds and the Amsterdam offset of the moment', () => {
    expect(timestamp(new Date('2026-03-04T09:00:00Z'))).toBe('2026-03-04T10:00:00.000+01:00');
    // 29 March 2026: 01:59:59.999 CET, then 03:00 CEST.
    expect(timestamp(Date.parse('2026-03-29T00:59:59.999Z'))).toBe('2026-03-29T01:59:59.999+01:00');
    expect(timestamp(Date.parse('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00.000+02:00');
    // 25 October 2026: 02:30 happens twice.
    expect(timestamp(Date.parse('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00.000+02:00');
    expect(timestamp(Date.parse('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00.000+01:00');
    for (const iso of ['2026-03-29T01:00:00Z', '2026-10-25T01:30:00.123Z']) expect(Date.parse(timestamp(Date.parse(iso)))).toBe(Date.parse(iso));
  });

  it('writes another zone with its own offset', () => {
    expect(rfc3339InZone(Date.parse('2026-01-15T12:00:00Z'), 'America/St_Johns')).toBe('2026-01-15T08:30:00.000-03:30');
    expect(rfc3339InZone(Date.parse('2026-01-15T12:00:00Z'), 'UTC')).toBe('2026-01-15T12:00:00.000+00:00');
  });
});

describe('Statuspage vocabulary', () => {
  it('gives every product status an indicator with its description; maintenance only for maintenance', () => {
    expect(PRODUCT_STATUSES.map((s) => [s, pageStatus(s)])).toEqual([
      ['operational', { indicator: 'none', description: 'All Systems Operational' }],
      ['degraded_performance', { indicator: 'minor', description: 'Minor Service Outage' }],
      ['partial_outage', { indicator: 'major', description: 'Partial System Outage' }],
      ['major_outage', { indicator: 'critical', description: 'Major Service Outage' }],
      ['under_maintenance', { indicator: 'maintenance', description: 'Service Under Maintenance' }],
    ]);
    expect(Object.keys(INDICATOR_DESCRIPTION).sort()).toEqual([...new Set(Object.values(INDICATOR))].sort());
  });

  it('keeps ids apart where a group and a product share a slug, and the page id at 12 characters', () => {
    expect(ids.group('connectivity')).not.toBe(ids.product('connectivity'));
    expect(ids.incident(1)).not.toBe(ids.maintenance(1));
    expect(ids.page('https://status.voizxl.nl')).toMatch(/^[0-9a-f]{12}$/);
    expect(ids.page('https://status.voizxl.nl')).not.toBe(ids.page('https://status.example.com'));
  });
});
