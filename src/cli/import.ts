// `npm run import -- <file.json>`: import history (outages, maintenance, incidents, KPIs)
// into the configured database in one transaction. Every problem is printed with its JSON
// path; nothing is written when anything is wrong. Never adds demo data.
import { readFileSync } from 'node:fs';
import { importHistory } from '#src/history-import/write.ts';
import { openConfiguredDatabase } from '#src/server/boot.ts';
import { loadConfig } from '#src/config/environment.ts';
import { failOnStartupError } from './fail.ts';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('Usage: npm run import -- <file.json>');
  process.exit(2);
}

let input: unknown;
try {
  input = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`${file}: cannot be read as JSON: ${(error as Error).message}`);
  process.exit(1);
}

try {
  const handle = await openConfiguredDatabase(loadConfig());
  try {
    const result = await importHistory(handle.db, input, { now: new Date() });
    if (!result.ok) {
      console.error(`${file}: not imported, nothing was written. ${result.problems.length} problem(s):`);
      for (const problem of result.problems) console.error(`  ${problem.path || '(document)'}: ${problem.message}`);
      process.exitCode = 1;
    } else {
      const s = result.summary;
      console.log(
        `${file}: imported ${s.outages} outage(s), ${s.maintenances} maintenance(s), ${s.incidents} incident(s), ` +
          `${s.kpis} KPI month(s), ${s.products} product setting(s); ${s.changed} item(s) created or changed.`,
      );
    }
  } finally {
    await handle.close();
  }
} catch (error) {
  failOnStartupError(error);
}
