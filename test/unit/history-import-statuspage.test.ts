// A Statuspage page's public history as an import document (src/history-import/statuspage),
// from fixtures shaped like Statuspage's own documents (test/fixtures/statuspage: real
// pages' keys, 12-character ids, newest first, postmortems, a reopened incident, updates
// without affected components). Every expected value is worked out by hand from them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { convertStatuspage } from '#src/history-import/statuspage/convert.ts';
import { componentsDocument, incidentsDocument, maintenancesDocument, type StatuspageHistory } from '#src/history-import/statuspage/documents.ts';
import { readCatalogue } from '#src/products/catalogue.ts';
import { DOCUMENT_SCHEMAS } from '../support/statuspage-schema.ts';

const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/statuspage/${name}`, 'utf8'));
const parse = <S extends z.ZodType>(schema: S, name: string): z.output<S> => schema.parse(fixture(name));
const history: StatuspageHistory = {
  components: parse(componentsDocument, 'components.json').components,
  // incidents.json, then what unresolved.json adds (the open incident older than the list).
  incidents: [...parse(incidentsDocument, 'incidents.json').incidents, parse(incidentsDocument, 'unresolved.json').incidents[1]!],
  maintenances: parse(maintenancesDocument, 'scheduled-maintenances.json').scheduled_maintenances,
};
const products = readCatalogue('db/catalogue.json').groups.flatMap((g) => g.products);
const MAP = { '3CX Hosted': '3cx', r2d2c3poq9vz: null };

describe('the Statuspage fixtures', () => {
  it('are shaped as Statuspage documents are (docs/statuspage-v2.md), with the keys real pages add besides', () => {
    const extra = ['scheduled_remind_prior', 'scheduled_reminded_at', 'impact_override', 'scheduled_auto_in_progress', 'scheduled_auto_completed'];
    const strip = (item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([key]) => !extra.includes(key)));
    const documents = {
      components: fixture('components.json'),
      incidents: fixture('incidents.json'),
      'incidents/unresolved': fixture('unresolved.json'),
      'scheduled-maintenances': fixture('scheduled-maintenances.json'),
      'scheduled-maintenances/upcoming': fixture('upcoming.json'),
      'scheduled-maintenances/active': fixture('active.json'),
    } as const;
    for (const [name, document] of Object.entries(documents)) {
      const list = document.incidents ?? document.scheduled_maintenances;
      const stripped = list ? { ...document, [document.incidents ? 'incidents' : 'scheduled_maintenances']: list.map(strip) } : document;
      expect(DOCUMENT_SCHEMAS[name as keyof typeof documents].safeParse(stripped).error?.issues ?? [], name).toEqual([]);
    }
  });
});

describe('converting a Statuspage history', () => {
  it('reports every component that matches no product, with where it is named, and guesses none', () => {
    const { problems } = convertStatuspage(history, products, {});
    expect(problems).toEqual([
      {
        path: 'component "3CX Hosted" (x1rqhd5jsl2c)',
        message:
          'matches no product by name (named by incident h8j7k6l5m4n3, incident p31zjtct2jer, maintenance c5v6b7n8m9l0); map it in --products MAP.json to one of voipnow, 3cx, teams-dr, connectivity, voizplus, voizapps, or to null to leave it out',
      },
      {
        path: 'component "Website" (r2d2c3poq9vz)',
        message:
          'matches no product by name (named by incident f0m2n4b6v8c1, maintenance w4e5r6t7y8u9); map it in --products MAP.json to one of voipnow, 3cx, teams-dr, connectivity, voizplus, voizapps, or to null to leave it out',
      },
    ]);
    // A map that names a product we do not have is refused too.
    expect(convertStatuspage(history, products, { ...MAP, VOIPNOW: 'voipnow-eu' }).problems).toEqual([
      { path: '--products "VOIPNOW"', message: 'names an unknown product "voipnow-eu" (known: voipnow, 3cx, teams-dr, connectivity, voizplus, voizapps)' },
    ]);
  });

  it('turns incidents into threads oldest first, with impacts from affected components or else from the incident', () => {
    const { document, problems } = convertStatuspage(history, products, MAP);
    expect(problems).toEqual([]);
    expect(document.incidents).toEqual([
      {
        id: 'statuspage:h8j7k6l5m4n3',
        title: 'Storing 3CX-provisioning',
        category: 1,
        reportedAt: '2026-11-25T07:50:12.933Z',
        updates: [
          { at: '2026-11-25T07:50:12.933Z', status: 'investigating', message: 'Nieuwe toestellen krijgen geen configuratie.', impacts: { '3cx': 'degraded_performance' } },
          { at: '2026-11-25T08:20:00.000Z', status: 'identified', message: 'De provisioningserver wordt hersteld.', impacts: {} },
        ],
      },
      {
        // Impact major: category 2. Reported when it started (09:05), before the first update.
        // The postmortem update is left out; the "3CX Hosted" component is 3cx by the map.
        id: 'statuspage:p31zjtct2jer',
        title: 'Gesprekken vallen weg op 3CX Hosted',
        category: 2,
        reportedAt: '2026-11-20T08:05:00.000Z',
        updates: [
          { at: '2026-11-20T08:12:04.112Z', status: 'investigating', message: 'We onderzoeken wegvallende gesprekken.', impacts: { '3cx': 'major_outage' } },
          { at: '2026-11-20T08:31:00.000Z', status: 'identified', message: 'Een SBC is overbelast.', impacts: { '3cx': 'partial_outage' } },
          { at: '2026-11-20T09:02:30.000Z', status: 'monitoring', message: 'Een herstel is uitgerold; we houden het in de gaten.', impacts: {} },
          { at: '2026-11-20T09:40:11.000Z', status: 'resolved', message: 'Opgelost.', impacts: { '3cx': 'operational' } },
        ],
      },
      {
        // No update names a component: its component bears its impact (minor: degraded) from the first.
        id: 'statuspage:g7wv0kqz1b2n',
        title: 'Vertraagde voicemail-naar-e-mail',
        category: 1,
        reportedAt: '2026-11-12T12:40:00.000Z',
        updates: [
          { at: '2026-11-12T12:40:00.000Z', status: 'investigating', message: 'We onderzoeken vertraging bij voicemail-naar-e-mail.', impacts: { voipnow: 'degraded_performance' } },
          { at: '2026-11-12T13:55:00.000Z', status: 'resolved', message: 'Alle berichten zijn afgeleverd.', impacts: {} },
        ],
      },
      {
        // The website is mapped to null: the incident comes along without impacts.
        id: 'statuspage:f0m2n4b6v8c1',
        title: 'Website niet bereikbaar',
        category: 2,
        reportedAt: '2026-11-08T19:10:00.000Z',
        updates: [
          { at: '2026-11-08T19:10:00.000Z', status: 'investigating', message: 'De website is niet bereikbaar.', impacts: {} },
          { at: '2026-11-08T19:45:00.000Z', status: 'resolved', message: 'De website is weer bereikbaar.', impacts: {} },
        ],
      },
      {
        // Reopened: the first resolution becomes monitoring; the empty last update says its status.
        id: 'statuspage:t5r4e3w2q1a0',
        title: 'Inkomende gesprekken VOIPNOW mislukken',
        category: 2,
        reportedAt: '2026-11-05T09:30:00.000Z',
        updates: [
          { at: '2026-11-05T09:30:00.000Z', status: 'investigating', message: 'Inkomende gesprekken mislukken.', impacts: { voipnow: 'major_outage' } },
          { at: '2026-11-05T10:00:00.000Z', status: 'monitoring', message: 'Opgelost.', impacts: { voipnow: 'operational' } },
          { at: '2026-11-05T10:20:00.000Z', status: 'investigating', message: 'Het probleem is terug.', impacts: { voipnow: 'major_outage' } },
          { at: '2026-11-05T11:00:00.000Z', status: 'resolved', message: 'Opgelost', impacts: {} },
        ],
      },
      {
        id: 'statuspage:z9y8x7w6v5u4',
        title: 'Trage beheerportal',
        category: 1,
        reportedAt: '2026-09-01T08:00:00.000Z',
        updates: [{ at: '2026-09-01T08:00:00.000Z', status: 'investigating', message: 'De beheerportal reageert traag.', impacts: { voipnow: 'degraded_performance' } }],
      },
    ]);
  });

  it('turns scheduled maintenances into windows with their state, the SLA type they kept, and says what it left out', () => {
    const { document, notes } = convertStatuspage(history, products, MAP);
    expect(document.maintenances).toEqual([
      {
        // Thursday 19:30–21:00, announced 58.5 hours ahead: not the regular window (Friday),
        // but the necessary one (24 hours' notice, 19:00–23:00). Impact major: partial outage.
        id: 'statuspage:c5v6b7n8m9l0',
        type: 'necessary',
        title: 'Onderhoud 3CX Hosted',
        description: "We vernieuwen de SBC's van 3CX Hosted.",
        products: ['3cx'],
        announcedAt: '2026-11-24T08:00:00.000Z',
        start: '2026-11-26T18:30:00.000Z',
        end: '2026-11-26T20:00:00.000Z',
        expectedImpact: 'partial_outage',
      },
      {
        // Never scheduled ahead (its first update is in progress): unannounced, impact none.
        id: 'statuspage:a0s9d8f7g6h5',
        type: 'unannounced',
        title: 'Herstart VOIPNOW-proxy',
        description: '',
        products: ['voipnow'],
        start: '2026-11-18T02:00:00.000Z',
        end: '2026-11-18T02:00:40.000Z',
        expectedImpact: 'operational',
        completed: true,
      },
      {
        // Friday 22:00 – Saturday 01:00, announced 14 days 12 hours ahead: regular.
        id: 'statuspage:q1w2e3r4t5y6',
        type: 'regular',
        title: 'Regulier onderhoud VOIPNOW',
        description: 'Reguliere update van VOIPNOW naar versie 5.4.',
        products: ['voipnow'],
        announcedAt: '2026-10-30T09:00:00.000Z',
        start: '2026-11-13T21:00:00.000Z',
        end: '2026-11-14T00:00:00.000Z',
        completed: true,
      },
    ]);
    expect(notes).toEqual([
      'maintenance w4e5r6t7y8u9 "Onderhoud website" is left out: the map leaves out each of its components',
      '1 postmortem update(s) left out: bring postmortems in through the write API',
      '1 resolution(s) followed by more updates imported as "monitoring": nothing may follow a resolution here',
    ]);
  });

  it('counts a component under maintenance during an incident as no impact, and refuses a status Statuspage does not have', () => {
    const at = new Date('2026-11-02T10:00:00Z');
    const update = (id: string, status: string, newStatus: string) => ({ id, status, body: 'x', created_at: at, affected_components: [{ code: 'b13yz5g2cw10', name: 'VOIPNOW', new_status: newStatus }] });
    const one: StatuspageHistory = {
      components: history.components,
      incidents: [{ id: 'aaaaaaaaaaaa', name: 'Onderhoud loopt uit', status: 'investigating', created_at: at, incident_updates: [update('u2', 'identified', 'exploded'), update('u1', 'investigating', 'under_maintenance')] }],
      maintenances: [],
    };
    const { document, notes, problems } = convertStatuspage(one, products, {});
    expect(document.incidents![0]!.updates.map((u) => u.impacts)).toEqual([{ voipnow: 'operational' }, {}]);
    expect(notes).toEqual(['1 component(s) under maintenance during an incident counted as no incident impact']);
    expect(problems).toEqual([{ path: 'incident aaaaaaaaaaaa update u2', message: 'names the component status "exploded", which Statuspage does not have' }]);
  });

  it("names a problem of the import's own check by the page's item", () => {
    const { where, document } = convertStatuspage(history, products, MAP);
    expect(document.incidents![1]!.id).toBe('statuspage:p31zjtct2jer');
    expect(where({ path: 'incidents[1].updates[2].message', message: 'x' })).toBe('incident p31zjtct2jer "Gesprekken vallen weg op 3CX Hosted".updates[2].message');
    expect(where({ path: 'maintenances[0].end', message: 'x' })).toBe('maintenance c5v6b7n8m9l0 "Onderhoud 3CX Hosted".end');
    expect(where({ path: '', message: 'x' })).toBe('(document)');
  });
});
