// SLA §4 incident clocks (docs/sla.md#timers). Category 1: response 1 office hour,
// update every 4 office hours (adopted), resolution < 8 / < 16 office hours. Category 2:
// 1 hour, every 2 hours, < 4 / < 12 hours, all 24/7.
import { describe, expect, it } from 'vitest';
import {
  INCIDENT_SLA,
  incidentTimers,
  monthlyResolutionCompliance,
  resolvedAt,
  type TimedIncident,
  type TimedUpdate,
} from '#src/sla/incident-timers.ts';
import type { IncidentCategory } from '#src/domain/vocabulary.ts';

const at = (text: string): number => Date.parse(text);

describe('the SLA table', () => {
  it('holds the figures of SLA §4', () => {
    expect(INCIDENT_SLA[1]).toEqual({ clock: 'office', responseHours: 1, updateEveryHours: 4, resolution80Hours: 8, resolution95Hours: 16 });
    expect(INCIDENT_SLA[2]).toEqual({ clock: 'continuous', responseHours: 1, updateEveryHours: 2, resolution80Hours: 4, resolution95Hours: 12 });
  });
});

describe('category 1 (office hours)', () => {
  // Reported Friday 2026-06-05 16:30 CEST, half an hour before closing.
  const reportedAt = at('2026-06-05T16:30:00+02:00');
  const firstUpdate: TimedUpdate = { publishedAt: at('2026-06-05T16:50:00+02:00'), status: 'investigating' };
  const incident = (updates: TimedUpdate[]): TimedIncident => ({ category: 1, reportedAt, updates });

  it('computes the deadlines on the office clock', () => {
    const timers = incidentTimers(incident([firstUpdate]), at('2026-06-08T09:00:00+02:00'));
    // Response 1 h: 30 min Friday + 30 min Monday → Mon 08:30.
    expect(timers.responseDue).toBe(at('2026-06-08T08:30:00+02:00'));
    // 80 % mark, 8 h: 0.5 h Friday + 7.5 h Monday → Mon 15:30.
    expect(timers.resolution80Due).toBe(at('2026-06-08T15:30:00+02:00'));
    // 95 % mark, 16 h: 0.5 h Friday + 9 h Monday + 6.5 h Tuesday → Tue 14:30.
    expect(timers.resolution95Due).toBe(at('2026-06-09T14:30:00+02:00'));
    expect(timers.respondedAt).toBe(firstUpdate.publishedAt);
    expect(timers.responseMet).toBe(true);
  });

  it('the next update is due 4 office hours after the latest one, and overdue after that', () => {
    // Latest update Fri 16:50: 10 min Friday + 3 h 50 min Monday → Mon 11:50.
    const due = at('2026-06-08T11:50:00+02:00');
    const onTime = incidentTimers(incident([firstUpdate]), due);
    expect(onTime.nextUpdateDue).toBe(due);
    expect(onTime.nextUpdateOverdue).toBe(false);
    // Over the weekend the office clock stands still: Sunday is not overdue.
    expect(incidentTimers(incident([firstUpdate]), at('2026-06-07T12:00:00+02:00')).nextUpdateOverdue).toBe(false);
    expect(incidentTimers(incident([firstUpdate]), due + 60_000).nextUpdateOverdue).toBe(true);
  });

  it('open past a mark means that mark is missed; before it, undecided', () => {
    const open = incident([firstUpdate]);
    expect(incidentTimers(open, at('2026-06-08T12:00:00+02:00'))).toMatchObject({ resolution80Met: null, resolution95Met: null, resolvedAt: null });
    expect(incidentTimers(open, at('2026-06-08T15:30:00+02:00'))).toMatchObject({ resolution80Met: false, resolution95Met: null });
    expect(incidentTimers(open, at('2026-06-09T15:00:00+02:00'))).toMatchObject({ resolution80Met: false, resolution95Met: false });
  });

  it('resolved: met or missed against each mark, and no further update due', () => {
    const resolved = (time: string) =>
      incidentTimers(incident([firstUpdate, { publishedAt: at(time), status: 'resolved' }]), at('2026-06-20T12:00:00+02:00'));
    // Mon 15:00 = 7.5 office hours: within both.
    expect(resolved('2026-06-08T15:00:00+02:00')).toMatchObject({
      resolvedAt: at('2026-06-08T15:00:00+02:00'),
      resolution80Met: true,
      resolution95Met: true,
      nextUpdateDue: null,
      nextUpdateOverdue: false,
    });
    // Exactly 8 office hours is not "< 8": the 80 % mark is missed.
    expect(resolved('2026-06-08T15:30:00+02:00')).toMatchObject({ resolution80Met: false, resolution95Met: true });
    // Monday 18:00 (after hours): still 8 office hours elapsed, missed; Tuesday 14:29 within 16.
    expect(resolved('2026-06-08T18:00:00+02:00')).toMatchObject({ resolution80Met: false, resolution95Met: true });
    expect(resolved('2026-06-09T14:29:00+02:00')).toMatchObject({ resolution95Met: true });
    expect(resolved('2026-06-09T14:30:00+02:00')).toMatchObject({ resolution95Met: false });
  });

  it('a response at exactly the deadline is "within 1 office hour"; a minute later is not', () => {
    const respondAt = (time: string) =>
      incidentTimers(incident([{ publishedAt: at(time), status: 'investigating' }]), at('2026-06-08T10:00:00+02:00')).responseMet;
    expect(respondAt('2026-06-08T08:30:00+02:00')).toBe(true);
    expect(respondAt('2026-06-08T08:31:00+02:00')).toBe(false);
  });

  it('shows the clocks as they stood at now: later updates had not happened yet', () => {
    const resolvedLater = incident([firstUpdate, { publishedAt: at('2026-06-08T15:00:00+02:00'), status: 'resolved' }]);
    expect(incidentTimers(resolvedLater, at('2026-06-08T12:00:00+02:00'))).toMatchObject({ resolvedAt: null, resolution80Met: null });
    expect(incidentTimers(resolvedLater, at('2026-06-05T16:40:00+02:00'))).toMatchObject({ respondedAt: null, responseMet: null });
  });

  it('a report at the weekend starts the office clock on Monday morning', () => {
    const timers = incidentTimers({ category: 1, reportedAt: at('2026-06-06T11:00:00+02:00'), updates: [] }, at('2026-06-06T12:00:00+02:00'));
    expect(timers.responseDue).toBe(at('2026-06-08T09:00:00+02:00'));
    expect(timers.resolution80Due).toBe(at('2026-06-08T16:00:00+02:00'));
    expect(timers.responseMet).toBeNull();
  });

  it('office deadlines follow the wall clock across DST', () => {
    // Fri 2026-03-27 16:00 CET + 8 office hours: 1 h Friday + 7 h Monday → Mon 15:00 CEST.
    const timers = incidentTimers({ category: 1, reportedAt: at('2026-03-27T16:00:00+01:00'), updates: [] }, at('2026-03-27T16:00:00+01:00'));
    expect(timers.resolution80Due).toBe(at('2026-03-30T15:00:00+02:00'));
  });

  it('honours configured holidays', () => {
    // Fri 2026-04-24 16:30 + 1 office hour with King's Day (Mon 27 April) off → Tue 08:30.
    const timers = incidentTimers({ category: 1, reportedAt: at('2026-04-24T16:30:00+02:00'), updates: [] }, 0, { holidays: ['2026-04-27'] });
    expect(timers.responseDue).toBe(at('2026-04-28T08:30:00+02:00'));
  });
});

describe('category 2 (24/7)', () => {
  // Reported Saturday 2026-06-06 02:00 CEST: the weekend and the night do not matter.
  const reportedAt = at('2026-06-06T02:00:00+02:00');
  const incident = (updates: TimedUpdate[]): TimedIncident => ({ category: 2, reportedAt, updates });

  it('counts real hours: response 03:00, 80 % mark 06:00, 95 % mark 14:00', () => {
    const timers = incidentTimers(incident([]), at('2026-06-06T02:30:00+02:00'));
    expect(timers).toMatchObject({
      responseDue: at('2026-06-06T03:00:00+02:00'),
      resolution80Due: at('2026-06-06T06:00:00+02:00'),
      resolution95Due: at('2026-06-06T14:00:00+02:00'),
      respondedAt: null,
      responseMet: null,
      // Before the first update the next one due is the response.
      nextUpdateDue: at('2026-06-06T03:00:00+02:00'),
      nextUpdateOverdue: false,
    });
  });

  it('no update an hour after the report: response missed and the update overdue', () => {
    expect(incidentTimers(incident([]), at('2026-06-06T03:30:00+02:00'))).toMatchObject({ responseMet: false, nextUpdateOverdue: true });
  });

  it('the next update is due 2 hours after the latest', () => {
    const updates: TimedUpdate[] = [
      { publishedAt: at('2026-06-06T02:40:00+02:00'), status: 'investigating' },
      { publishedAt: at('2026-06-06T03:00:00+02:00'), status: 'identified' },
    ];
    const due = at('2026-06-06T05:00:00+02:00');
    expect(incidentTimers(incident(updates), due)).toMatchObject({ nextUpdateDue: due, nextUpdateOverdue: false, responseMet: true });
    expect(incidentTimers(incident(updates), due + 1000).nextUpdateOverdue).toBe(true);
  });

  it('resolved at 07:00 (5 h): 80 % mark missed, 95 % mark met', () => {
    const updates: TimedUpdate[] = [
      { publishedAt: at('2026-06-06T02:40:00+02:00'), status: 'investigating' },
      { publishedAt: at('2026-06-06T07:00:00+02:00'), status: 'resolved' },
    ];
    expect(incidentTimers(incident(updates), at('2026-06-07T00:00:00+02:00'))).toMatchObject({
      resolvedAt: at('2026-06-06T07:00:00+02:00'),
      resolution80Met: false,
      resolution95Met: true,
    });
  });

  it('24/7 hours are real hours across the DST switch', () => {
    // 2026-03-29 01:30 CET = 00:30 UTC; + 4 h = 04:30 UTC = 06:30 CEST (5 hours on the wall clock).
    const timers = incidentTimers({ category: 2, reportedAt: at('2026-03-29T01:30:00+01:00'), updates: [] }, 0);
    expect(timers.resolution80Due).toBe(at('2026-03-29T06:30:00+02:00'));
  });
});

describe('resolvedAt', () => {
  const t = (hour: number) => at(`2026-06-10T${String(hour).padStart(2, '0')}:00:00+02:00`);

  it('is the update that set the resolution still in force', () => {
    expect(resolvedAt([{ publishedAt: t(10), status: 'investigating' }])).toBeNull();
    expect(
      resolvedAt([
        { publishedAt: t(10), status: 'resolved' },
        { publishedAt: t(11), status: 'investigating' }, // reopened
        { publishedAt: t(12), status: 'resolved' },
        { publishedAt: t(15), status: 'resolved' }, // a post-mortem note
      ]),
    ).toBe(t(12));
    expect(
      resolvedAt([
        { publishedAt: t(10), status: 'resolved' },
        { publishedAt: t(11), status: 'monitoring' },
      ]),
    ).toBeNull();
  });
});

describe('monthly resolution compliance', () => {
  const incidentOf = (category: IncidentCategory, reported: string, resolved: string | null): TimedIncident => ({
    category,
    reportedAt: at(reported),
    updates: [
      { publishedAt: at(reported) + 10 * 60_000, status: 'investigating' },
      ...(resolved ? [{ publishedAt: at(resolved), status: 'resolved' as const }] : []),
    ],
  });

  it('counts the resolved incidents reported in the Amsterdam month, per category', () => {
    const incidents = [
      // Category 2, June: 1 h, 2 h, 3 h, 3 h 59 min within 4 h; 5 h only within 12 h.
      incidentOf(2, '2026-06-02T10:00:00+02:00', '2026-06-02T11:00:00+02:00'),
      incidentOf(2, '2026-06-10T10:00:00+02:00', '2026-06-10T12:00:00+02:00'),
      incidentOf(2, '2026-06-15T22:00:00+02:00', '2026-06-16T01:00:00+02:00'),
      incidentOf(2, '2026-06-20T10:00:00+02:00', '2026-06-20T13:59:00+02:00'),
      incidentOf(2, '2026-06-30T23:30:00+02:00', '2026-07-01T04:30:00+02:00'),
      // Not counted: July in Amsterdam (though June in UTC), still open, reported in May.
      incidentOf(2, '2026-07-01T00:30:00+02:00', '2026-07-01T01:00:00+02:00'),
      incidentOf(2, '2026-06-25T10:00:00+02:00', null),
      incidentOf(2, '2026-05-31T23:00:00+02:00', '2026-06-01T00:30:00+02:00'),
      // Category 1: Mon 09:00 → 12:00 = 3 office hours; Fri 16:00 → Tue 10:00 = 1 + 9 + 2 = 12.
      incidentOf(1, '2026-06-08T09:00:00+02:00', '2026-06-08T12:00:00+02:00'),
      incidentOf(1, '2026-06-12T16:00:00+02:00', '2026-06-16T10:00:00+02:00'),
    ];
    expect(monthlyResolutionCompliance(incidents, '2026-06')).toEqual([
      // 1 of 2 = 50 % < 80 %; 2 of 2 = 100 % ≥ 95 %.
      { category: 1, resolved: 2, within80Mark: 1, within95Mark: 2, share80: 0.5, share95: 1, meets80: false, meets95: true },
      // 4 of 5 = 80 % ≥ 80 %, exactly on the target; 5 of 5 ≥ 95 %.
      { category: 2, resolved: 5, within80Mark: 4, within95Mark: 5, share80: 0.8, share95: 1, meets80: true, meets95: true },
    ]);
  });

  it('19 of 20 meets 95 %; 18 of 20 does not', () => {
    const quick = Array.from({ length: 18 }, (_, day) =>
      incidentOf(2, `2026-09-${String(day + 1).padStart(2, '0')}T10:00:00+02:00`, `2026-09-${String(day + 1).padStart(2, '0')}T11:00:00+02:00`),
    );
    const slow = (day: number) => incidentOf(2, `2026-09-${day}T10:00:00+02:00`, `2026-09-${day}T23:00:00+02:00`); // 13 h
    const nineteen = [...quick, incidentOf(2, '2026-09-19T10:00:00+02:00', '2026-09-19T11:00:00+02:00'), slow(20)];
    expect(monthlyResolutionCompliance(nineteen, '2026-09')[1]).toMatchObject({ resolved: 20, within95Mark: 19, share95: 0.95, meets95: true });
    const eighteen = [...quick, slow(19), slow(20)];
    expect(monthlyResolutionCompliance(eighteen, '2026-09')[1]).toMatchObject({ within95Mark: 18, share95: 0.9, meets95: false });
  });

  it('a month without resolved incidents has no shares', () => {
    expect(monthlyResolutionCompliance([], '2026-05')).toEqual([
      { category: 1, resolved: 0, within80Mark: 0, within95Mark: 0, share80: null, share95: null, meets80: null, meets95: null },
      { category: 2, resolved: 0, within80Mark: 0, within95Mark: 0, share80: null, share95: null, meets80: null, meets95: null },
    ]);
  });
});
