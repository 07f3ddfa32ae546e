// Moving from Statuspage against a page on loopback that serves fixtures shaped like
// Statuspage's own documents (test/support/statuspage-source.ts): what is fetched, what a
// page that cannot be read answers, and the import through the same writer as any file,
// after which our own incidents.json lists the page's incidents with their updates.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, slaSettingsOf } from '#src/config/environment.ts';
import { importHistory } from '#src/history-import/write.ts';
import { convertStatuspage } from '#src/history-import/statuspage/convert.ts';
import { apiBase, fetchStatuspage } from '#src/history-import/statuspage/fetch.ts';
import { readCatalogue } from '#src/products/catalogue.ts';
import { renderStatuspage } from '#src/statuspage/serve.ts';
import { drivers, seededDatabase, type TestDatabase } from '../support/databases.ts';
import { statuspageSource, type StatuspageSource } from '../support/statuspage-source.ts';
import { countRows, dumpTables } from '../support/table-dump.ts';

const products = readCatalogue('db/catalogue.json').groups.flatMap((g) => g.products);
const MAP = { '3CX Hosted': '3cx', Website: null };
/** Wednesday 25 November 2026, 10:00 CET: after every fixture's event, before the coming window. */
const NOW = new Date('2026-11-25T10:00:00+01:00');

let source: StatuspageSource;
beforeAll(async () => {
  source = await statuspageSource();
});
afterAll(() => source?.close());

describe('reading a Statuspage page', () => {
  afterEach(() => {
    for (const path of ['components.json', 'incidents.json', 'incidents/unresolved.json']) source.replace(path, null);
  });

  it('reads its three lists and the unresolved, upcoming and active ones (the v2 API has no paging), each item once', async () => {
    source.requests.length = 0;
    const fetched = await fetchStatuspage(`${source.url}/`);
    expect(source.requests).toEqual([
      '/api/v2/components.json',
      '/api/v2/incidents.json',
      '/api/v2/incidents/unresolved.json',
      '/api/v2/scheduled-maintenances.json',
      '/api/v2/scheduled-maintenances/upcoming.json',
      '/api/v2/scheduled-maintenances/active.json',
    ]);
    if (!fetched.ok) throw new Error(JSON.stringify(fetched.problems));
    // The open incident of September is only in unresolved.json; the coming window is in both of its lists.
    expect(fetched.history.incidents.map((i) => i.id)).toEqual(['h8j7k6l5m4n3', 'p31zjtct2jer', 'g7wv0kqz1b2n', 'f0m2n4b6v8c1', 't5r4e3w2q1a0', 'z9y8x7w6v5u4']);
    expect(fetched.history.maintenances.map((m) => m.id)).toEqual(['c5v6b7n8m9l0', 'a0s9d8f7g6h5', 'q1w2e3r4t5y6', 'w4e5r6t7y8u9']);
    expect(fetched.history.components).toHaveLength(4);
  });

  it('takes the address of the page, with or without /api/v2, and nothing but http(s)', () => {
    for (const address of ['https://status.example.com', 'https://status.example.com/', 'https://status.example.com/api/v2', 'https://status.example.com/api/v2/?x=1']) {
      expect(apiBase(address).href, address).toBe('https://status.example.com/api/v2/');
    }
    expect(() => apiBase('status.example.com')).toThrow('"status.example.com" is not a URL; give the page\'s address, e.g. https://status.example.com');
    expect(() => apiBase('ftp://status.example.com')).toThrow('"ftp://status.example.com" is not an http(s) address');
  });

  it('answers a page it cannot read with one line, and a document of another shape with every problem and its path', async () => {
    const base = `${source.url}/api/v2`;
    source.replace('components.json', { status: 500, body: 'oops' });
    await expect(fetchStatuspage(source.url)).rejects.toThrow(`${base}/components.json: answered 500 Internal Server Error`);
    source.replace('components.json', { status: 200, body: '<html>' });
    await expect(fetchStatuspage(source.url)).rejects.toThrow(new RegExp(`^${base}/components\\.json: is not JSON: Unexpected token '<'`));
    source.replace('components.json', null);

    // A page without the unresolved list is read without it.
    source.replace('incidents/unresolved.json', { status: 404, body: '' });
    const without = await fetchStatuspage(source.url);
    expect(without.ok && without.history.incidents).toHaveLength(5);

    source.replace('incidents.json', { status: 200, body: JSON.stringify({ incidents: [{ id: 7, name: 'x', status: 'resolved', created_at: 'yesterday', incident_updates: [] }] }) });
    expect(await fetchStatuspage(source.url)).toEqual({
      ok: false,
      problems: [
        { path: 'incidents.json: incidents[0].id', message: 'must be a string' },
        { path: 'incidents.json: incidents[0].created_at', message: 'must be an RFC 3339 time with an offset' },
      ],
    });

    const closed = await statuspageSource();
    await closed.close();
    await expect(fetchStatuspage(closed.url)).rejects.toThrow(new RegExp(`^${closed.url}/api/v2/components\\.json: cannot be fetched: connect ECONNREFUSED`));
  });
});

describe.each(drivers)('importing a Statuspage page on %s', (driver) => {
  let database: TestDatabase;
  afterEach(() => database?.drop());

  it("imports it through the writer of every import: our incidents.json then lists the page's incidents with their updates", async () => {
    database = await seededDatabase(driver, { catalogueAt: new Date('2026-01-01T00:00:00Z') });
    const { db } = database.handle;
    const imported = async () => {
      const fetched = await fetchStatuspage(source.url);
      if (!fetched.ok) throw new Error(JSON.stringify(fetched.problems));
      const result = await importHistory(db, convertStatuspage(fetched.history, products, MAP).document, { now: NOW });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.summary;
    };
    // Six incidents and three windows (the website's is left out by the map).
    expect(await imported()).toEqual({ products: 0, outages: 0, maintenances: 3, incidents: 6, kpis: 0, changed: 9 });
    expect(await countRows(db)).toMatchObject({ incidents: 6, incident_updates: 15, maintenances: 3, notification_events: 0 });

    const scope = { siteUrl: 'https://status.voizxl.test', locale: 'nl' as const, settings: slaSettingsOf(loadConfig({})), now: NOW };
    const document = JSON.parse((await renderStatuspage(db, scope, 'incidents')).body) as {
      incidents: { name: string; status: string; impact: string; incident_updates: { status: string; body: string; display_at: string; affected_components: unknown }[] }[];
    };
    // Newest first as on Statuspage, each update at the moment the page showed it.
    expect(document.incidents.map((i) => [i.name, i.status, i.impact])).toEqual([
      ['Storing 3CX-provisioning', 'identified', 'minor'],
      ['Gesprekken vallen weg op 3CX Hosted', 'resolved', 'critical'],
      ['Vertraagde voicemail-naar-e-mail', 'resolved', 'minor'],
      ['Website niet bereikbaar', 'resolved', 'none'],
      ['Inkomende gesprekken VOIPNOW mislukken', 'resolved', 'critical'],
      ['Trage beheerportal', 'investigating', 'minor'],
    ]);
    const calls = document.incidents[1]!;
    expect(calls.incident_updates.map((u) => [u.status, u.body, u.display_at])).toEqual([
      ['resolved', 'Opgelost.', '2026-11-20T10:40:11.000+01:00'],
      ['monitoring', 'Een herstel is uitgerold; we houden het in de gaten.', '2026-11-20T10:02:30.000+01:00'],
      ['identified', 'Een SBC is overbelast.', '2026-11-20T09:31:00.000+01:00'],
      ['investigating', 'We onderzoeken wegvallende gesprekken.', '2026-11-20T09:12:04.112+01:00'],
    ]);
    expect(calls.incident_updates.at(-1)!.affected_components).toEqual([{ code: 'product-3cx', name: '3CX', old_status: 'operational', new_status: 'major_outage' }]);

    // The same page again: nothing changes. Then the page posts an update to its open
    // incident: that one incident changes, and its version moves.
    const before = await dumpTables(db);
    expect((await imported()).changed).toBe(0);
    expect(await dumpTables(db)).toEqual(before);
    const page = await (await fetch(`${source.url}/api/v2/incidents.json`)).json();
    const open = page.incidents[0];
    open.status = 'resolved';
    open.incident_updates.unshift({ ...open.incident_updates[0], id: 'r3s0lv3d0001', status: 'resolved', body: 'Opgelost.', display_at: '2026-11-25T09:45:00.000+01:00', created_at: '2026-11-25T09:45:00.000+01:00' });
    source.replace('incidents.json', { status: 200, body: JSON.stringify(page) });
    source.replace('incidents/unresolved.json', { status: 200, body: JSON.stringify({ ...page, incidents: [] }) });
    try {
      expect((await imported()).changed).toBe(1);
    } finally {
      source.replace('incidents.json', null);
      source.replace('incidents/unresolved.json', null);
    }
    const after = JSON.parse((await renderStatuspage(db, scope, 'incidents/unresolved')).body) as { incidents: { name: string }[] };
    expect(after.incidents.map((i) => i.name)).toEqual(['Trage beheerportal']);
  });
});
