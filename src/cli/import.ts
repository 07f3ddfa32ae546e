// `npm run import -- [--notify] <file.json>`: import history (outages, maintenance,
// incidents, KPIs) into the configured database in one transaction (docs/import.md).
// Every problem is printed with its JSON path; nothing is written when anything is wrong.
// Subscribers are told nothing unless --notify. Never adds demo data.
import { importAndReport, importArguments, readJsonFile } from './import-run.ts';

const usage = 'Usage: npm run import -- [--notify] <file.json>';
const { values, target: file } = importArguments({ notify: { type: 'boolean' } }, usage);

let input: unknown;
try {
  input = readJsonFile(file);
} catch (error) {
  console.error(`${file}: cannot be read as JSON: ${(error as Error).message}`);
  process.exit(1);
}
await importAndReport({ label: file, input, notify: values.notify === true });
