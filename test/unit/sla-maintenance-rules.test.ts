// SLA §2.1 / §6 maintenance rules (docs/sla.md#maintenance): regular 14 days ahead,
// Friday 20:00 – Saturday 03:00; necessary 24 hours ahead, 19:00–23:00; emergency
// announced within 1 hour, any time; unannounced under 1 minute of downtime. The rules give
// codes and figures; the sentences are the message catalogues' (src/i18n/maintenance-rules.ts).
import { describe, expect, it } from 'vitest';
import { describeBreach, describeRule } from '#src/i18n/maintenance-rules.ts';
import { checkMaintenance, MAINTENANCE_RULES, noticeGiven, type MaintenancePlan } from '#src/sla/maintenance-rules.ts';

const at = (text: string): number => Date.parse(text);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const codes = (plan: MaintenancePlan) => checkMaintenance(plan).map((breach) => breach.code);
/** The breaches as the pages word them (src/i18n/maintenance-rules.ts), in both languages. */
const worded = (plan: MaintenancePlan) =>
  checkMaintenance(plan).map((breach) => ({ code: breach.code, en: describeBreach(breach, 'en'), nl: describeBreach(breach, 'nl') }));

describe('regular maintenance', () => {
  const start = at('2026-06-12T20:00:00+02:00'); // a Friday
  const regular = (announced: string, from: string, to: string): MaintenancePlan => ({
    type: 'regular',
    announcedAt: at(announced),
    start: at(from),
    end: at(to),
  });

  it('complies: announced 23 days ahead, Friday 20:00 to Saturday 03:00', () => {
    expect(worded(regular('2026-05-20T10:00:00+02:00', '2026-06-12T20:00:00+02:00', '2026-06-13T03:00:00+02:00'))).toEqual([]);
    // Wholly after midnight is still inside the slot that opened on Friday.
    expect(codes(regular('2026-05-20T10:00:00+02:00', '2026-06-13T01:00:00+02:00', '2026-06-13T02:00:00+02:00'))).toEqual([]);
  });

  it('ending at Saturday 03:30 breaks the window, named in both languages', () => {
    expect(worded(regular('2026-05-20T10:00:00+02:00', '2026-06-12T21:00:00+02:00', '2026-06-13T03:30:00+02:00'))).toEqual([
      {
        code: 'outside_allowed_window',
        en: 'Regular maintenance may only take place from Friday 20:00 to Saturday 03:00 (Europe/Amsterdam); this one runs from Friday 12 June 2026 21:00 CEST to Saturday 13 June 2026 03:30 CEST.',
        nl: 'Regulier onderhoud mag alleen plaatsvinden van vrijdag 20:00 tot zaterdag 03:00 (Europe/Amsterdam); dit onderhoud loopt van vrijdag 12 juni 2026 21:00 CEST tot zaterdag 13 juni 2026 03:30 CEST.',
      },
    ]);
  });

  it('starting before Friday 20:00 or on another day breaks the window', () => {
    expect(codes(regular('2026-05-20T10:00:00+02:00', '2026-06-12T19:30:00+02:00', '2026-06-12T21:00:00+02:00'))).toEqual(['outside_allowed_window']);
    expect(codes(regular('2026-05-20T10:00:00+02:00', '2026-06-10T20:00:00+02:00', '2026-06-10T22:00:00+02:00'))).toEqual(['outside_allowed_window']);
    // Saturday 20:00 is not Friday 20:00.
    expect(codes(regular('2026-05-20T10:00:00+02:00', '2026-06-13T20:00:00+02:00', '2026-06-13T22:00:00+02:00'))).toEqual(['outside_allowed_window']);
  });

  it('announced 3 days 4 hours ahead breaks the notice period', () => {
    // Tue 2026-06-09 16:00 → Fri 2026-06-12 20:00 = 3 days 4 hours.
    const plan = regular('2026-06-09T16:00:00+02:00', '2026-06-12T20:00:00+02:00', '2026-06-12T23:00:00+02:00');
    expect(noticeGiven(plan.announcedAt!, plan.start)).toBe(3 * 24 * HOUR + 4 * HOUR);
    expect(worded(plan)).toEqual([
      {
        code: 'notice_too_short',
        en: 'Regular maintenance must be announced at least 14 days ahead; this one was announced 3 days 4 hours ahead.',
        nl: 'Regulier onderhoud moet ten minste 14 dagen vooraf worden aangekondigd; dit onderhoud werd 3 dagen 4 uur vooraf aangekondigd.',
      },
    ]);
  });

  it('14 days exactly is enough; a minute less is not, and is never rounded up to 14 days', () => {
    expect(codes({ type: 'regular', announcedAt: start - 14 * 24 * HOUR, start, end: start + HOUR })).toEqual([]);
    const [breach] = worded({ type: 'regular', announcedAt: start - 14 * 24 * HOUR + MINUTE, start, end: start + HOUR });
    expect(breach!.en).toContain('this one was announced 13 days 23 hours ahead.');
  });

  it('counts 14 days as 14 × 24 hours elapsed, so a DST switch in between costs an hour', () => {
    // Fri 2026-03-20 20:00 CET → Fri 2026-04-03 20:00 CEST: 14 calendar days but
    // 18:00 UTC − 19:00 UTC 13 days earlier = 13 days 23 hours elapsed.
    const [breach] = worded(regular('2026-03-20T20:00:00+01:00', '2026-04-03T20:00:00+02:00', '2026-04-03T22:00:00+02:00'));
    expect(breach!.code).toBe('notice_too_short');
    expect(breach!.en).toContain('13 days 23 hours ahead');
  });

  it('lists every broken rule: a Wednesday announced 2 days ahead, and one never announced', () => {
    expect(codes(regular('2026-06-08T20:00:00+02:00', '2026-06-10T20:00:00+02:00', '2026-06-10T22:00:00+02:00'))).toEqual([
      'notice_too_short',
      'outside_allowed_window',
    ]);
    expect(worded({ type: 'regular', announcedAt: null, start, end: start + HOUR })).toEqual([
      {
        code: 'not_announced',
        en: 'Regular maintenance must be announced at least 14 days ahead; this one was not announced.',
        nl: 'Regulier onderhoud moet ten minste 14 dagen vooraf worden aangekondigd; dit onderhoud werd niet aangekondigd.',
      },
    ]);
  });
});

describe('necessary maintenance', () => {
  const necessary = (announced: string, from: string, to: string): MaintenancePlan => ({
    type: 'necessary',
    announcedAt: at(announced),
    start: at(from),
    end: at(to),
  });

  it('complies: announced 25 hours ahead, 19:00–23:00 on any day', () => {
    expect(codes(necessary('2026-06-08T18:00:00+02:00', '2026-06-09T19:00:00+02:00', '2026-06-09T23:00:00+02:00'))).toEqual([]);
    expect(codes(necessary('2026-06-05T18:00:00+02:00', '2026-06-07T20:00:00+02:00', '2026-06-07T21:00:00+02:00'))).toEqual([]); // a Sunday
  });

  it('ending at 23:30 or running past midnight breaks the window', () => {
    expect(worded(necessary('2026-06-08T18:00:00+02:00', '2026-06-09T19:00:00+02:00', '2026-06-09T23:30:00+02:00'))).toEqual([
      {
        code: 'outside_allowed_window',
        en: 'Necessary maintenance may only take place between 19:00 and 23:00 on one day (Europe/Amsterdam); this one runs from Tuesday 9 June 2026 19:00 CEST to Tuesday 9 June 2026 23:30 CEST.',
        nl: 'Noodzakelijk onderhoud mag alleen plaatsvinden tussen 19:00 en 23:00 op één dag (Europe/Amsterdam); dit onderhoud loopt van dinsdag 9 juni 2026 19:00 CEST tot dinsdag 9 juni 2026 23:30 CEST.',
      },
    ]);
    expect(codes(necessary('2026-06-08T18:00:00+02:00', '2026-06-09T22:00:00+02:00', '2026-06-10T00:30:00+02:00'))).toEqual(['outside_allowed_window']);
  });

  it('announced 2 hours ahead, or after the start, breaks the 24-hour notice', () => {
    const [early] = worded(necessary('2026-06-09T17:00:00+02:00', '2026-06-09T19:00:00+02:00', '2026-06-09T20:00:00+02:00'));
    expect(early).toEqual({
      code: 'notice_too_short',
      en: 'Necessary maintenance must be announced at least 24 hours ahead; this one was announced 2 hours ahead.',
      nl: 'Noodzakelijk onderhoud moet ten minste 24 uur vooraf worden aangekondigd; dit onderhoud werd 2 uur vooraf aangekondigd.',
    });
    const [late] = worded(necessary('2026-06-09T19:30:00+02:00', '2026-06-09T19:00:00+02:00', '2026-06-09T20:00:00+02:00'));
    expect(late!.en).toBe('Necessary maintenance must be announced at least 24 hours ahead; this one was announced 30 minutes after the start.');
    expect(late!.nl).toBe('Noodzakelijk onderhoud moet ten minste 24 uur vooraf worden aangekondigd; dit onderhoud werd 30 minuten na de start aangekondigd.');
  });
});

describe('emergency maintenance', () => {
  const start = at('2026-06-10T04:00:00+02:00'); // Wednesday night: any time is allowed
  const emergency = (announcedAt: number | null): MaintenancePlan => ({ type: 'emergency', announcedAt, start, end: start + HOUR });

  it('may be announced up to 1 hour after it starts, or ahead', () => {
    expect(codes(emergency(start + 30 * MINUTE))).toEqual([]);
    expect(codes(emergency(start + HOUR))).toEqual([]);
    expect(codes(emergency(start - 24 * HOUR))).toEqual([]);
  });

  it('announced 2 hours 10 minutes after the start is too late', () => {
    expect(worded(emergency(start + 2 * HOUR + 10 * MINUTE))).toEqual([
      {
        code: 'announced_too_late',
        en: 'Emergency maintenance must be announced no later than 1 hour after it starts; this one was announced 2 hours 10 minutes after the start.',
        nl: 'Spoedonderhoud moet uiterlijk 1 uur na de start worden aangekondigd; dit onderhoud werd 2 uur 10 minuten na de start aangekondigd.',
      },
    ]);
    // 30 seconds over the hour is over, and the sentence says so.
    expect(worded(emergency(start + HOUR + 30_000))[0]!.en).toContain('announced 1 hour 30 seconds after the start');
  });

  it('never announced breaks the rule', () => {
    expect(codes(emergency(null))).toEqual(['not_announced']);
  });
});

describe('unannounced maintenance', () => {
  const start = at('2026-06-10T14:00:00+02:00');

  it('is allowed with less than 1 minute of downtime, at any time', () => {
    expect(codes({ type: 'unannounced', announcedAt: null, start, end: start + 30_000 })).toEqual([]);
    // A longer window with only 20 s of recorded downtime is fine too.
    expect(codes({ type: 'unannounced', announcedAt: null, start, end: start + 30 * MINUTE, downtimeMs: 20_000 })).toEqual([]);
  });

  it('5 minutes of downtime breaks it; exactly 1 minute is not "under 1 minute"', () => {
    expect(worded({ type: 'unannounced', announcedAt: null, start, end: start + 5 * MINUTE })).toEqual([
      {
        code: 'downtime_too_long',
        en: 'Unannounced maintenance may cause less than 1 minute of downtime; this one lasted 5 minutes.',
        nl: 'Onaangekondigd onderhoud mag minder dan 1 minuut onderbreking veroorzaken; dit onderhoud duurde 5 minuten.',
      },
    ]);
    expect(codes({ type: 'unannounced', announcedAt: null, start, end: start + MINUTE })).toEqual(['downtime_too_long']);
  });
});

describe('checks common to all types', () => {
  it('a window that does not end after it starts is reported', () => {
    const start = at('2026-06-10T14:00:00+02:00');
    expect(codes({ type: 'emergency', announcedAt: start, start, end: start })).toEqual(['empty_window']);
  });

  it('noticeGiven is negative when announced after the start', () => {
    expect(noticeGiven(at('2026-06-10T05:00:00+02:00'), at('2026-06-10T04:00:00+02:00'))).toBe(-HOUR);
  });
});

describe('the rules give codes and figures, no words', () => {
  it('names the rule, what it allows and what the maintenance did', () => {
    const start = at('2026-06-12T21:00:00+02:00');
    const end = at('2026-06-13T03:30:00+02:00');
    expect(checkMaintenance({ type: 'regular', announcedAt: start - 3 * 24 * HOUR, start, end })).toEqual([
      { code: 'notice_too_short', rule: 'regular-notice', type: 'regular', allowed: { noticeMs: 14 * 24 * HOUR }, actual: { noticeMs: 3 * 24 * HOUR } },
      {
        code: 'outside_allowed_window',
        rule: 'regular-window',
        type: 'regular',
        allowed: { slot: MAINTENANCE_RULES.regular.slot, zone: 'Europe/Amsterdam' },
        actual: { start, end },
      },
    ]);
    expect(checkMaintenance({ type: 'unannounced', announcedAt: null, start, end: start + 5 * MINUTE })).toEqual([
      { code: 'downtime_too_long', rule: 'unannounced-downtime', type: 'unannounced', allowed: { downtimeBelowMs: MINUTE }, actual: { downtimeMs: 5 * MINUTE } },
    ]);
    expect(checkMaintenance({ type: 'emergency', announcedAt: null, start, end: start + HOUR })).toEqual([
      { code: 'not_announced', rule: 'emergency-notice', type: 'emergency', allowed: { noticeMs: -HOUR }, actual: null },
    ]);
    for (const breach of checkMaintenance({ type: 'regular', announcedAt: null, start, end })) {
      expect(JSON.stringify(breach)).not.toMatch(/maintenance|onderhoud|[A-Z][a-z]+day/);
    }
  });

  it('are worded per type by the catalogues, in both languages', () => {
    expect(describeRule('regular', 'en')).toBe(
      'Regular maintenance is announced at least 14 days ahead and takes place from Friday 20:00 to Saturday 03:00 (Europe/Amsterdam).',
    );
    expect(describeRule('necessary', 'nl')).toBe(
      'Noodzakelijk onderhoud wordt ten minste 24 uur vooraf aangekondigd en vindt plaats tussen 19:00 en 23:00 op één dag (Europe/Amsterdam).',
    );
    expect(describeRule('emergency', 'en')).toBe('Emergency maintenance is announced no later than 1 hour after it starts and may take place at any time.');
    expect(describeRule('unannounced', 'nl')).toBe('Onaangekondigd onderhoud wordt niet vooraf aangekondigd en kan op elk moment plaatsvinden.');
  });
});
