// The console shows a refused command's problems in the page's language: every sentence the
// write schemas and commands give has a Dutch wording, times read in Amsterdam with the
// zone, and a broken SLA rule is worded from its figures.
import { describe, expect, it } from 'vitest';
import { addUserInput, createTokenInput } from '#src/auth/users.ts';
import { createIncidentInput, editIncidentInput, postUpdateInput } from '#src/incidents/schema.ts';
import { hasDutch, wordProblem, wordProblemText } from '#src/i18n/field-problems.ts';
import { setKpisInput } from '#src/kpis/set-month.ts';
import { scheduleMaintenanceInput } from '#src/maintenance/schema.ts';
import { recordOutageInput } from '#src/outages/schema.ts';
import { checkMaintenance } from '#src/sla/maintenance-rules.ts';

/** The messages of a schema for an input, as the console receives them. */
const messagesOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, input: unknown) =>
  schema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('console problems in Dutch', () => {
  it('words every message the write schemas give for missing, empty, wrong and too long input', () => {
    const long = 'x'.repeat(5000);
    const messages = [
      ...messagesOf(createIncidentInput, {}),
      ...messagesOf(createIncidentInput, { title: ' ', category: 3, reportedAt: 'yesterday', status: 'fine', message: long, impacts: {} }),
      ...messagesOf(createIncidentInput, { title: 'x', category: 1, status: 'investigating', message: 'x', impacts: { voipnow: 'operational' }, extra: 1 }),
      ...messagesOf(postUpdateInput, { status: 'investigating', message: '', impacts: { voipnow: 'down' } }),
      ...messagesOf(editIncidentInput, {}),
      ...messagesOf(scheduleMaintenanceInput, {}),
      ...messagesOf(scheduleMaintenanceInput, { type: 'often', title: 'x', products: [], start: '2026-06-12T21:00:00+02:00', end: '2026-06-12T20:00:00+02:00' }),
      ...messagesOf(recordOutageInput, { product: '', start: 'now', impact: 'bad' }),
      ...messagesOf(setKpisInput, { callSetupSeconds: -1, callSuccessRatio: 101 }),
      ...messagesOf(setKpisInput, { callSetupSeconds: 'slow' }),
      ...messagesOf(addUserInput, { email: 'nobody', name: '', role: 'boss', password: 'short' }),
      ...messagesOf(createTokenInput, { name: '', scopes: [], expiresDays: 0.5 }),
    ];
    expect(messages.length).toBeGreaterThan(25);
    expect([...new Set(messages)].filter((m) => !hasDutch(m))).toEqual([]);
  });

  it('words every sentence the commands themselves give', () => {
    const at = '2026-03-29T00:30:00.000Z';
    const sentences = [
      'must not be in the future',
      'must not be in the future (leave it out while the outage is ongoing)',
      `must not be before the previous update (${at})`,
      `must not be before the report (${at})`,
      `must not be after the next update (${at})`,
      `must be later than start (${at})`,
      `end must be later than start (${at})`,
      'must not be a month that has not begun',
      'is not the current code of the app (6 digits; check the clock of the phone)',
      'start setting up the second factor first',
      'no user has the address a@example.nl',
      'no token you may manage has the prefix vx_ab12',
      '"fax" is not a product of this status page',
      'is taken',
      'is already used by maintenance 12',
      'externalId "CHG-7001" is already maintenance 12',
      'externalId is already used by another outage',
      'incident 4 is resolved: nothing may follow its resolution',
      'maintenance 2 is cancelled: it can no longer change',
      `maintenance 2 has not started yet (it starts ${at}): cancel or reschedule it instead`,
      'incident 4 was changed by someone else (version 3, you sent 2): reload and try again',
      'incident 9 does not exist',
      'a user with the address a@example.nl exists already',
      'a template named "Storing" exists already',
      'not allowed: only an admin may create tokens for someone else',
      'the maintenance breaks 2 SLA rule(s); give an overrideReason to schedule it anyway',
    ];
    expect(sentences.filter((m) => !hasDutch(m))).toEqual([]);
  });

  it('shows a time inside a sentence in Amsterdam with the zone (the night the clocks go forward)', () => {
    // 00:30 UTC on 29 March 2026 is 01:30 CET, half an hour before summer time begins.
    expect(wordProblemText('must not be before the previous update (2026-03-29T00:30:00.000Z)', 'nl')).toBe('mag niet vóór de vorige update liggen (29 maart 2026 om 01:30 CET)');
    expect(wordProblemText('must not be before the previous update (2026-03-29T00:30:00.000Z)', 'en')).toBe('must not be before the previous update (29 March 2026 at 01:30 CET)');
    expect(wordProblemText('maintenance 2 is cancelled: it can no longer change', 'nl')).toBe('onderhoud 2 is geannuleerd: het kan niet meer veranderen');
    expect(wordProblemText('must be at most 200 characters', 'nl')).toBe('mag hoogstens 200 tekens lang zijn');
    expect(wordProblemText('is already used by incident 7', 'nl')).toBe('is al in gebruik bij storing 7');
  });

  it('leaves English as it is, and a sentence without a pattern in English rather than wrong', () => {
    expect(wordProblemText('is required', 'en')).toBe('is required');
    expect(wordProblemText('is required', 'nl')).toBe('is verplicht');
    expect(wordProblemText('something new went wrong', 'nl')).toBe('something new went wrong');
  });

  it('words a broken maintenance rule from its figures in the page language', () => {
    // Regular maintenance on Tuesday 9 June 2026 21:00–22:00 CEST, announced 14 days ahead:
    // outside Friday 20:00–Saturday 03:00.
    const start = Date.parse('2026-06-09T19:00:00Z');
    const [breach] = checkMaintenance({ type: 'regular', announcedAt: start - 14 * 86_400_000, start, end: start + 3_600_000 });
    expect(breach?.code).toBe('outside_allowed_window');
    const problem = { message: 'English text for the API', breach: breach! };
    expect(wordProblem(problem, 'nl')).toContain('dinsdag 9 juni 2026 21:00 CEST');
    expect(wordProblem(problem, 'en')).toContain('Tuesday 9 June 2026 21:00 CEST');
  });
});
