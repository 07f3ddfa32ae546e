// `npm run -s import:statuspage -- URL [--products MAP.json] [--notify]`: move a Statuspage
// page's public history here (docs/import.md, "Moving from Statuspage"). Reads its public
// JSON, maps components to products (by name, or by the map file), converts incidents and
// maintenance into an import document, and imports that exactly as `npm run import` does:
// all or nothing, every problem named, external ids `statuspage:<id>` so a second run
// changes nothing, subscribers told nothing unless --notify.
import { loadConfig } from '#src/config/environment.ts';
import { productMapFile, type ProductMap } from '#src/history-import/statuspage/components.ts';
import { convertStatuspage } from '#src/history-import/statuspage/convert.ts';
import { fetchStatuspage } from '#src/history-import/statuspage/fetch.ts';
import type { ImportProblem } from '#src/history-import/schema.ts';
import { readCatalogue } from '#src/products/catalogue.ts';
import { failOnStartupError } from './fail.ts';
import { importAndReport, importArguments, readJsonFile } from './import-run.ts';

const usage = 'Usage: npm run -s import:statuspage -- <page URL> [--products MAP.json] [--notify]';
const { values, target: address } = importArguments({ products: { type: 'string' }, notify: { type: 'boolean' } }, usage);

function refuse(problems: readonly ImportProblem[]): never {
  console.error(`${address}: not imported, nothing was written. ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p.path}: ${p.message}`);
  process.exit(1);
}

let map: ProductMap = {};
if (values.products) {
  const file = values.products;
  try {
    const parsed = productMapFile.safeParse(readJsonFile(file));
    if (!parsed.success) refuse(parsed.error.issues.map((i) => ({ path: `${file}${i.path.length ? ` "${i.path.join('.')}"` : ''}`, message: i.message })));
    map = parsed.data;
  } catch (error) {
    console.error(`${file}: cannot be read as JSON: ${(error as Error).message}`);
    process.exit(1);
  }
}

let catalogue: ReturnType<typeof readCatalogue>;
try {
  catalogue = readCatalogue(loadConfig().catalogueFile);
} catch (error) {
  failOnStartupError(error);
}

let fetched: Awaited<ReturnType<typeof fetchStatuspage>>;
try {
  fetched = await fetchStatuspage(address);
} catch (error) {
  // A URL that is none, a page that cannot be reached or answers no JSON: one line.
  console.error((error as Error).message.startsWith('"') ? `${(error as Error).message}\n${usage}` : (error as Error).message);
  process.exit(1);
}
if (!fetched.ok) refuse(fetched.problems);

const conversion = convertStatuspage(
  fetched.history,
  catalogue.groups.flatMap((g) => g.products),
  map,
);
for (const note of conversion.notes) console.log(`${address}: note: ${note}`);
if (conversion.problems.length > 0) refuse(conversion.problems);
await importAndReport({ label: address, input: conversion.document, notify: values.notify === true, where: conversion.where });
