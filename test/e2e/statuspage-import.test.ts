// Moving from Statuspage, with this app's own /api/v2 as the source (it speaks Statuspage's
// JSON): the built app on the embedded database with its demo history is read by
// `npm run -s import:statuspage` into a fresh database on the other driver; the app on
// that database is then read into a fresh embedded one. Each time the target's
// incidents.json and scheduled-maintenances.json list the same incidents with the same
// updates (ids and links aside, which are the target's own), and a second run changes
// nothing. Only loopback traffic.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, slaSettingsOf } from '#src/config/environment.ts';
import { renderStatuspage, type StatuspageDocument } from '#src/statuspage/serve.ts';
import { drivers } from '../support/databases.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { expectValid, type DocumentName } from '../support/statuspage-schema.ts';
import { statuspageSource } from '../support/statuspage-source.ts';
import { countRows, dumpTables } from '../support/table-dump.ts';
import { run, target, type Target } from '../support/targets.ts';

interface Update {
  id: string;
  [key: string]: unknown;
}
interface Item {
  id: string;
  shortlink: string;
  page_id: string;
  incident_updates: (Update & { incident_id: string })[];
  components: { id: string; name: string }[];
  [key: string]: unknown;
}

/** A document without what is the target's own (ids, links, the page) or the clock's (a component's status moments). */
function comparable(document: { incidents?: Item[]; scheduled_maintenances?: Item[] }) {
  const items = document.incidents ?? document.scheduled_maintenances ?? [];
  return items.map(({ id: _id, shortlink: _s, page_id: _p, incident_updates, components, ...item }) => ({
    ...item,
    components: components.map((c) => `${c.id} ${c.name}`),
    incident_updates: incident_updates.map(({ id: _u, incident_id: _i, ...update }) => update),
  }));
}

const fetchDocument = async (server: RunningServer, name: StatuspageDocument) => {
  const response = await fetch(`${server.url}/api/v2/${name}.json`);
  expect(response.status, name).toBe(200);
  const document = await response.json();
  expectValid(name as DocumentName, document);
  return document;
};

describe('npm run import:statuspage from a running instance of this app', () => {
  const sourceDir = mkdtempSync(join(tmpdir(), 'status-sp-source-'));
  let source: RunningServer;
  let middle: RunningServer | undefined;
  let first: Target;
  let second: Target;

  beforeAll(async () => {
    source = await startServer({ DATA_DIR: sourceDir });
    first = await target(drivers.at(-1)!);
    second = await target('pglite');
  });
  afterAll(async () => {
    await source?.stop();
    await middle?.stop();
    await first?.remove();
    await second?.remove();
    rmSync(sourceDir, { recursive: true, force: true });
  });

  it(`moves the demo history from the embedded database to ${drivers.at(-1)} and back, the same incidents with the same updates each time`, async () => {
    const before = { incidents: await fetchDocument(source, 'incidents'), maintenances: await fetchDocument(source, 'scheduled-maintenances') };
    expect(before.incidents.incidents).toHaveLength(50);
    const imported = await run('import-statuspage', [source.url], first.env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const maintenances = before.maintenances.scheduled_maintenances.length;
    expect(imported.stdout).toBe(
      `${source.url}: imported 0 outage(s), ${maintenances} maintenance(s), 50 incident(s), 0 KPI month(s), 0 product setting(s); ${50 + maintenances} item(s) created or changed.\n`,
    );
    expect(await first.inspect(countRows)).toMatchObject({ incidents: 50, maintenances, outages: 0, notification_events: 0 });

    // A second run changes nothing: not a row, not a version, not an audit entry.
    const dump = await first.inspect(dumpTables);
    const again = await run('import-statuspage', [`${source.url}/api/v2/`], first.env);
    expect(again.stdout).toContain('; 0 item(s) created or changed.');
    expect(await first.inspect(dumpTables)).toEqual(dump);

    // The target, served: the same incidents with the same updates, the same maintenance
    // (the source asked again at the same moment: a window's state is read off the clock).
    middle = await startServer({ ...first.env, DEMO_DATA: 'off' });
    const same = async (server: RunningServer, name: StatuspageDocument) => expect(comparable(await fetchDocument(server, name)), name).toEqual(comparable(await fetchDocument(source, name)));
    await same(middle, 'incidents');
    await same(middle, 'scheduled-maintenances');

    // And back into a fresh embedded database, read by the same loader the route uses.
    const back = await run('import-statuspage', [middle.url], second.env);
    expect(back.code, back.stderr).toBe(0);
    const scope = { siteUrl: middle.url, locale: 'nl' as const, settings: slaSettingsOf(loadConfig({})), now: new Date() };
    const rendered = async (name: StatuspageDocument) => second.inspect(async (db) => JSON.parse((await renderStatuspage(db, scope, name)).body));
    expect(comparable(await rendered('incidents'))).toEqual(comparable(await fetchDocument(source, 'incidents')));
    expect(comparable(await rendered('scheduled-maintenances'))).toEqual(comparable(await fetchDocument(source, 'scheduled-maintenances')));
  });
});

describe('npm run import:statuspage from a page shaped like Statuspage', () => {
  it('names every component it cannot place and imports nothing; with a map file it imports and says what it left out', async () => {
    const page = await statuspageSource();
    const where = await target(drivers.at(-1)!);
    const dir = mkdtempSync(join(tmpdir(), 'status-sp-map-'));
    try {
      const refused = await run('import-statuspage', [page.url], where.env);
      expect(refused.code).toBe(1);
      const lines = refused.stderr.trimEnd().split('\n');
      expect(lines[0]).toBe(`${page.url}: not imported, nothing was written. 2 problem(s):`);
      expect(lines.slice(1).map((l) => l.split(': ')[0])).toEqual(['  component "3CX Hosted" (x1rqhd5jsl2c)', '  component "Website" (r2d2c3poq9vz)']);

      const map = join(dir, 'map.json');
      writeFileSync(map, JSON.stringify({ '3CX Hosted': '3cx', Website: null }));
      const done = await run('import-statuspage', [page.url, '--products', map], where.env);
      expect(done.stderr).toBe('');
      expect(done.stdout.split('\n')).toEqual([
        `${page.url}: note: maintenance w4e5r6t7y8u9 "Onderhoud website" is left out: the map leaves out each of its components`,
        `${page.url}: note: 1 postmortem update(s) left out: bring postmortems in through the write API`,
        `${page.url}: note: 1 resolution(s) followed by more updates imported as "monitoring": nothing may follow a resolution here`,
        `${page.url}: imported 0 outage(s), 3 maintenance(s), 6 incident(s), 0 KPI month(s), 0 product setting(s); 9 item(s) created or changed.`,
        '',
      ]);
      // Only what this run wrote: the refused one before it wrote nothing.
      expect(await where.inspect(countRows)).toMatchObject({ incidents: 6, maintenances: 3 });

      writeFileSync(map, JSON.stringify({ '3CX Hosted': 3 }));
      const badMap = await run('import-statuspage', [page.url, '--products', map], where.env);
      expect(badMap).toMatchObject({ code: 1, stderr: `${page.url}: not imported, nothing was written. 1 problem(s):\n  ${map} "3CX Hosted": must be a string\n` });
      expect(await run('import-statuspage', ['status.example.com'], where.env)).toMatchObject({ code: 1, stdout: '' });
    } finally {
      await page.close();
      await where.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
