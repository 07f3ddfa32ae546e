// `npm run bench` (node test/bench/sla.ts): the SLA engine on ten years of generated
// history (test/bench/history.ts), imported into an in-memory PGlite and, when
// TEST_DATABASE_URL is set, into a fresh PostgreSQL database. Times the import, the
// monthly report and the 120-month availability table, each end to end (loading rows)
// and the pure part alone, and prints median and best of several runs. Not a test: the
// figures go into docs/figures.md by hand. Aim: a full report under 50 ms.
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { eq } from 'drizzle-orm';
import { monthlyKpis } from '#db/schema.ts';
import { DEFAULT_IMPACT_WEIGHTS } from '#src/domain/vocabulary.ts';
import { importHistory } from '#src/history-import/write.ts';
import { loadMonthlyReport } from '#src/report/load.ts';
import { loadSlaHistory, rangeOfMonths } from '#src/availability/sla-history.ts';
import { buildMonthlyReport, type SlaSettings } from '#src/report/monthly-report.ts';
import { readCatalogue, syncCatalogue } from '#src/products/catalogue.ts';
import { availabilityReport } from '#src/sla/availability.ts';
import { addMonths, monthStart, type MonthKey } from '#src/time/zone.ts';
import { drivers, freshDatabase } from '../support/databases.ts';
import { generateBenchHistory, ISSUE_SIZES } from './history.ts';

const FIRST_MONTH = '2016-01';
const MONTHS: MonthKey[] = Array.from({ length: 120 }, (_, n) => addMonths(FIRST_MONTH, n));
const LAST_MONTH = MONTHS.at(-1)!;
const start = monthStart(FIRST_MONTH);
const end = monthStart(addMonths(LAST_MONTH, 1));
/** Just after the ten years: every month complete. */
const now = new Date(end + 3_600_000);
const settings: SlaSettings = { weights: DEFAULT_IMPACT_WEIGHTS, officeHours: {} };
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const WARM_UP = 3;

interface Timing {
  label: string;
  median: number;
  best: number;
  runs: number;
}

async function time(label: string, work: () => unknown, runs = RUNS): Promise<Timing> {
  for (let n = 0; n < WARM_UP; n++) await work();
  const samples: number[] = [];
  for (let n = 0; n < runs; n++) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { label, median: samples[Math.floor(samples.length / 2)]!, best: samples[0]!, runs };
}

// A collectable heap, so that "heap used" means what is retained, not garbage not yet
// collected (the npm script stays a plain `node test/bench/sla.ts`).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
function heapUsed(): number {
  collect();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

const catalogue = readCatalogue('db/catalogue.json');
const products = catalogue.groups.flatMap((g) => g.products.map((p) => p.slug));
const t0 = performance.now();
const document = generateBenchHistory({ products, start, end });
const generateMs = performance.now() - t0;
const updates = document.incidents!.reduce((sum, i) => sum + i.updates.length, 0);

console.log(`SLA engine benchmark: ${MONTHS.length} months ${FIRST_MONTH}..${LAST_MONTH}, ${products.length} products`);
console.log(
  `  ${document.outages!.length} outages, ${document.incidents!.length} incidents with ${updates} updates, ` +
    `${document.maintenances!.length} maintenances, ${document.kpis!.length} KPI months (generated in ${ms(generateMs)})`,
);
console.log(`  node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${RUNS} runs after ${WARM_UP} warm-up runs`);
if (document.outages!.length !== ISSUE_SIZES.outages) throw new Error('the generator lost outages');

for (const driver of drivers) {
  const database = await freshDatabase(driver);
  const { db } = database.handle;
  try {
    await syncCatalogue(db, catalogue, new Date(start));
    const importStart = performance.now();
    const result = await importHistory(db, document, { now });
    const importMs = performance.now() - importStart;
    const heapAfterImport = heapUsed();
    if (!result.ok) throw new Error(`the generated history does not import: ${JSON.stringify(result.problems.slice(0, 5))}`);
    const again = performance.now();
    const second = await importHistory(db, document, { now });
    const reimportMs = performance.now() - again;
    if (!second.ok || second.summary.changed !== 0) throw new Error('re-importing the generated history changed something');

    // The pure parts get exactly what the read models load; what that holds in memory is
    // the retained heap it adds.
    const heapBefore = heapUsed();
    const history12 = await loadSlaHistory(db, rangeOfMonths([LAST_MONTH], now));
    const heap12 = heapUsed() - heapBefore;
    const reported = history12.incidents.filter((i) => i.reportedAt >= monthStart(LAST_MONTH));
    const [kpi] = await db.select().from(monthlyKpis).where(eq(monthlyKpis.month, LAST_MONTH));
    const heapBefore120 = heapUsed();
    const history120 = await loadSlaHistory(db, rangeOfMonths(MONTHS, now));
    const heap120 = heapUsed() - heapBefore120;
    const table = (history: typeof history120) =>
      availabilityReport({ products: history.products, impacts: history.impacts, maintenance: history.maintenance, months: MONTHS, now: +now, weights: settings.weights });

    const timings = [
      await time(`monthly report ${LAST_MONTH}, end to end (loadMonthlyReport)`, () => loadMonthlyReport(db, LAST_MONTH, now, settings)),
      await time('monthly report, pure part (buildMonthlyReport)', () =>
        buildMonthlyReport({ month: LAST_MONTH, monthEnd: end, now: +now, history: history12, incidents: reported, kpi: kpi ?? null, settings }),
      ),
      await time('monthly report, loading alone (loadSlaHistory, 12 months)', () => loadSlaHistory(db, rangeOfMonths([LAST_MONTH], now))),
      await time('120-month table, end to end (loadSlaHistory + availabilityReport)', async () => table(await loadSlaHistory(db, rangeOfMonths(MONTHS, now))), 15),
      await time('120-month table, pure part (availabilityReport)', () => table(history120)),
      await time('120-month table, loading alone (loadSlaHistory, 10 years)', () => loadSlaHistory(db, rangeOfMonths(MONTHS, now)), 15),
    ];
    const rss = process.memoryUsage().rss;

    console.log(`\n${driver}`);
    console.log(`  import ${ms(importMs)} (${result.summary.changed} items), re-import of the same file ${ms(reimportMs)} (0 changed)`);
    console.log(
      `  loaded for one report: ${history12.impacts.length} impact intervals, ${history12.maintenance.length} windows, ${history12.incidents.length} incidents; ` +
        `for the table: ${history120.impacts.length} intervals, ${history120.maintenance.length} windows, ${history120.incidents.length} incidents`,
    );
    console.log('  | measured | median | best | runs |');
    console.log('  |---|---:|---:|---:|');
    for (const t of timings) console.log(`  | ${t.label} | ${ms(t.median)} | ${ms(t.best)} | ${t.runs} |`);
    const where = driver === 'pglite' ? ', the in-memory PGlite database included (it lives outside the JS heap)' : '';
    console.log(
      `  heap used after the import ${mb(heapAfterImport)} (the generated document included); retained by the loaded history: ` +
        `one report ${mb(heap12)}, ten years ${mb(heap120)}; rss ${mb(rss)}${where}`,
    );
  } finally {
    await database.drop();
  }
}
