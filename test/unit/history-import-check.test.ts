// The import's first half without a database (src/history-import/check.ts): whatever a
// file holds, the answer is a list of problems with their paths, never an exception.
import { describe, expect, it } from 'vitest';
import { checkImport, tooDeep } from '#src/history-import/check.ts';

const products = new Set(['voipnow', '3cx']);
const now = new Date('2026-03-10T12:00:00Z');
const problems = (input: unknown) => {
  const checked = checkImport(input, products, now);
  return checked.ok ? [] : checked.problems;
};

describe('checking an import file', () => {
  it('refuses a file nested deeper than 32 levels at once, with the path to it, without recursing', () => {
    let deep: unknown = [];
    for (let n = 0; n < 100_000; n++) deep = [deep];
    expect(problems({ outages: deep })).toEqual([{ path: 'outages[0][0][0][0][0]…', message: 'nests deeper than 32 levels; an import file needs at most 6' }]);
    // The format's own depth passes: the document, incidents, an incident, updates, an update, impacts.
    expect(tooDeep({ incidents: [{ updates: [{ impacts: { voipnow: 'major_outage' } }] }] }, 6)).toBeNull();
    expect(tooDeep({ incidents: [{ updates: [{ impacts: { voipnow: {} } }] }] }, 6)).toEqual(['incidents', 0, 'updates', 0, 'impacts', 'voipnow']);
  });

  it('answers anything that is no document with one problem', () => {
    for (const input of [null, 42, 'text', [], true]) expect(problems(input)).toEqual([{ path: '', message: 'must be an object' }]);
    // JSON.parse makes "__proto__" an own key: an unknown field like any other, never a prototype.
    expect(problems(JSON.parse('{"__proto__":{"outages":[]}}'))).toEqual([{ path: '', message: 'is not a field here: __proto__' }]);
  });

  it('refuses numbers JSON cannot hold as figures, keys that are no products, and text PostgreSQL cannot store as given', () => {
    expect(problems(JSON.parse('{"kpis":[{"month":"2026-01","callSetupSeconds":1e999,"callSuccessRatio":99}]}'))).toEqual([
      { path: 'kpis[0].callSetupSeconds', message: 'must be a number' },
    ]);
    const incident = {
      id: 'i1',
      title: 'Storing \ud800',
      category: 1,
      reportedAt: '2026-03-10T10:00:00Z',
      updates: [{ at: '2026-03-10T10:05:00Z', status: 'investigating', message: 'nul\u0000', impacts: JSON.parse('{"__proto__":"major_outage","3cx":"major_outage"}') }],
    };
    expect(problems({ incidents: [incident] })).toEqual([
      { path: 'incidents[0].updates[0].impacts.__proto__', message: 'names an unknown product "__proto__"' },
      { path: 'incidents[0].title', message: 'must not contain a lone UTF-16 surrogate (not Unicode text)' },
      { path: 'incidents[0].updates[0].message', message: 'must not contain a NUL character' },
    ]);
    // A pair of surrogates is one character (🙂) and fine.
    expect(problems({ incidents: [{ ...incident, title: 'Storing 🙂', updates: [{ ...incident.updates[0], message: 'ok', impacts: {} }] }] })).toEqual([]);
  });
});
