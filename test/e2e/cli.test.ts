// What an operator does: `npm run import -- file.json` and `npm run report -- --month …`
// as real processes, on the embedded database (DATA_DIR) and, with TEST_DATABASE_URL, on
// a PostgreSQL server (DATABASE_URL). The figures must equal the hand computation of
// test/fixtures/history-expected.ts; the commands never add demo data (DEMO_DATA=auto is
// set on purpose: it concerns `npm start` only).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BAD_FILE_PROBLEMS,
  BAD_FIXTURE,
  FIXTURE,
  FIXTURE_COUNTS,
  MARCH_2026,
  MARCH_2026_INCIDENTS,
  MARCH_2026_KPIS,
  expectFigures,
} from '../fixtures/history-expected.ts';
import { drivers } from '../support/databases.ts';
import { countRows, dumpTables } from '../support/table-dump.ts';
import { run, target, type Run, type Target } from '../support/targets.ts';

describe('command-line arguments', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'status-cli-args-'));
  const env = { DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a month that does not exist, and other bad arguments, with exit code 2 and one clear line', async () => {
    const month = await run('report', ['--month', '2026-13'], env);
    expect(month.code).toBe(2);
    expect(month.stderr.split('\n')[0]).toBe('--month must be a month written YYYY-MM, 1970 or later (got "2026-13")');
    expect(month.stderr).toContain('Usage: npm run report -- --month YYYY-MM [--json] [--lang nl|en]');
    expect(month.stdout).toBe('');

    // A month that has not begun has no report (the test runs long before 2999).
    const future = await run('report', ['--month', '2999-01'], env);
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/^--month 2999-01 has not begun yet; the latest month to report is \d{4}-\d{2}\n$/);

    const lang = await run('report', ['--month', '2026-03', '--lang', 'de'], env);
    expect(lang.code).toBe(2);
    expect(lang.stderr.split('\n')[0]).toBe('--lang must be nl or en (got "de")');

    const unknown = await run('report', ['--month', '2026-03', '--csv'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--csv'/);

    const noFile = await run('import', [], env);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr.trim()).toBe('Usage: npm run import -- [--notify] <file.json>');

    // Hostile files (more cases in test/unit/history-import-check.test.ts): 100,000 nested arrays
    // are valid JSON that overflows any recursive walk; Latin-1 bytes are no UTF-8.
    const deep = join(dataDir, 'deep.json');
    writeFileSync(deep, `{"incidents":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const nested = await run('import', [deep], env);
    expect(nested).toEqual({ code: 1, stdout: '', stderr: `${deep}: not imported, nothing was written: incidents[0][0][0][0][0]…: nests deeper than 32 levels; an import file needs at most 6\n` });
    const latin1 = join(dataDir, 'latin1.json');
    writeFileSync(latin1, Buffer.concat([Buffer.from('{"$comment":"'), Buffer.from([0xe9]), Buffer.from('"}')]));
    expect(await run('import', [latin1], env)).toEqual({ code: 1, stdout: '', stderr: `${latin1}: cannot be read as JSON: is not UTF-8 text\n` });

    const missing = await run('import', ['test/fixtures/no-such-file.json'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^test\/fixtures\/no-such-file\.json: cannot be read as JSON: ENOENT/);
  });
});

describe.each(drivers)('npm run import and npm run report on %s', (driver) => {
  let where: Target;
  let first: Run;
  beforeAll(async () => {
    where = await target(driver);
    first = await run('import', [FIXTURE], where.env);
  });
  afterAll(() => where?.remove());

  it('imports the fixture, and nothing but the fixture (no demo data)', async () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // The command's catalogue sync created the products measured from "now", so the
    // fixture moves all six: 6 + 14 outages + 4 maintenances + 3 incidents + 2 KPI months = 29.
    expect(first.stdout.trim()).toBe(
      `${FIXTURE}: imported 14 outage(s), 4 maintenance(s), 3 incident(s), 2 KPI month(s), 6 product setting(s); 29 item(s) created or changed.`,
    );
    const rows = await where.inspect(countRows);
    expect(rows).toMatchObject({
      incidents: FIXTURE_COUNTS.incidents,
      incident_updates: FIXTURE_COUNTS.incidentUpdates,
      outages: FIXTURE_COUNTS.outages,
      maintenances: FIXTURE_COUNTS.maintenances,
      monthly_kpis: FIXTURE_COUNTS.kpis,
      products: 6,
      audit_log: 29,
    });
  });

  it('reports March 2026 as JSON with the hand-computed figures', async () => {
    const result = await run('report', ['--month', '2026-03', '--json'], where.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ month: '2026-03', timezone: 'Europe/Amsterdam', partial: false });
    for (const product of report.products) {
      expect(Object.keys(product)).toEqual(
        expect.arrayContaining(['slug', 'target', 'availability', 'rolling12', 'met', 'unplannedMinutes', 'plannedMinutes']),
      );
    }
    expectFigures(report.products, MARCH_2026);
    // Unrounded in JSON: VOIPNOW's 99.949977…, not 99.949 or 99.95.
    expect(report.products[0].availability).not.toBe(Math.round(report.products[0].availability * 1000) / 1000);
    expect(report.incidents.categories).toEqual(MARCH_2026_INCIDENTS);
    expect(report.kpis).toEqual(MARCH_2026_KPIS);
  });

  it('prints the readable report with every rounded figure rounded down', async () => {
    const nl = await run('report', ['--month', '2026-03'], where.env);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toContain('SLA-rapportage 2026-03 (tijdzone Europe/Amsterdam)');
    // VOIPNOW 99.949978 % reads 99,949 (rounding to nearest would say 99,950 and look
    // like the 99,95 % target was met); rolling 99.995757 → 99,995.
    expect(nl.stdout).toMatch(/^VOIPNOW\s+99,949 %\s+99,995 %\s+99,95 %\s+nee\s+22,3 min\s+0,0 min$/m);
    // 3CX rolling 99.969749 → 99,969, not 99,970.
    expect(nl.stdout).toMatch(/^3CX\s+99,643 %\s+99,969 %\s+99,90 %\s+nee\s+159,0 min\s+0,0 min$/m);
    expect(nl.stdout).toMatch(/^Connectivity\s+99,955 %\s+99,996 %\s+best effort\s+-\s+20,0 min\s+30,0 min$/m);
    expect(nl.stdout).toMatch(/^voizApps\s+99,869 %\s+99,869 %\s+99,80 %\s+ja\s+30,0 min\s+0,0 min$/m);
    expect(nl.stdout).not.toContain('99,950');
    // KPI 98.996 % reads 98,99 %, never 99,00 %.
    expect(nl.stdout).toContain('Gemiddelde call success ratio 98,99 % (norm 99 %: nee)');
    expect(nl.stdout).toContain('Gemiddelde call set-up tijd 1,85 s (norm 2 s: ja)');

    const en = await run('report', ['--month', '2026-03', '--lang', 'en'], where.env);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^VOIPNOW\s+99\.949 %\s+99\.995 %\s+99\.95 %\s+no\s+22\.3 min\s+0\.0 min$/m);
    expect(en.stdout).toContain('Category 1: 2 reported, 2 resolved; responded in time 1 of 2');
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await where.inspect(dumpTables);
    const again = await run('import', [FIXTURE], where.env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('; 0 item(s) created or changed.');
    expect(await where.inspect(dumpTables)).toEqual(before);
  });

  it('refuses a bad file: exit 1, every problem with its path on stderr, nothing written', async () => {
    const before = await where.inspect(dumpTables);
    const bad = await run('import', [BAD_FIXTURE], where.env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    const lines = bad.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`${BAD_FIXTURE}: not imported, nothing was written. ${BAD_FILE_PROBLEMS.length} problem(s):`);
    expect(lines.slice(1)).toEqual(BAD_FILE_PROBLEMS.map((p) => `  ${p.path}: ${p.message}`));
    expect(await where.inspect(dumpTables)).toEqual(before);
  });
});

describe.each(drivers)('npm run demo on %s', (driver) => {
  let where: Target;
  beforeAll(async () => {
    where = await target(driver);
  });
  afterAll(() => where?.remove());

  it('writes the demo history, removes it and nothing else, and says so', async () => {
    const seed = await run('demo', ['seed'], where.env);
    expect(seed.stderr).toBe('');
    expect(seed.stdout.trim()).toBe('Demo history written: 13 months ending now.');
    const imported = await run('import', [FIXTURE], where.env);
    expect(imported.code).toBe(0);
    const withDemo = await where.inspect(countRows);

    const removed = await run('demo', ['remove'], where.env);
    expect(removed.stderr).toBe('');
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/^Demo history removed: \d+ incident\(s\), \d+ maintenance\(s\), \d+ outage\(s\), \d+ KPI month\(s\); \d+ product\(s\) measured afresh\. Start-up will not add it again\.\n$/);
    // The fixture moved every product's measured-since and replaced two demo KPI months.
    expect(removed.stdout).toContain(', 11 KPI month(s); 0 product(s) measured afresh.');
    const rows = await where.inspect(countRows);
    expect(rows).toMatchObject({
      incidents: FIXTURE_COUNTS.incidents,
      incident_updates: FIXTURE_COUNTS.incidentUpdates,
      outages: FIXTURE_COUNTS.outages,
      maintenances: FIXTURE_COUNTS.maintenances,
      monthly_kpis: FIXTURE_COUNTS.kpis,
      audit_log: withDemo.audit_log! + 1,
    });

    const again = await run('demo', ['remove'], where.env);
    expect(again.stdout.trim()).toBe('The database holds no demo history; nothing was removed.');
    const usage = await run('demo', ['wipe'], where.env);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim()).toBe('Usage: npm run -s demo -- seed | remove');
  });
});
