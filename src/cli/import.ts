// `npm run import -- [--notify] <file.json>`: import history (outages, maintenance,
// incidents, KPIs) into the configured database in one transaction (docs/import.md).
// Every problem is printed with its JSON path; nothing is written when anything is wrong.
// Subscribers are told nothing unless --notify. Never adds demo data.
import { parseArgs } from 'node:util';
import { importAndReport, readJsonFile } from './import-run.ts';

const usage = 'Usage: npm run import -- [--notify] <file.json>';
let args: { values: { notify?: boolean }; positionals: string[] };
try {
  args = parseArgs({ options: { notify: { type: 'boolean' } }, allowPositionals: true, strict: true });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const [file] = args.positionals;
if (!file || args.positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}

let input: unknown;
try {
  input = readJsonFile(file);
} catch (error) {
  console.error(`${file}: cannot be read as JSON: ${(error as Error).message}`);
  process.exit(1);
}
await importAndReport({ label: file, input, notify: args.values.notify === true });
