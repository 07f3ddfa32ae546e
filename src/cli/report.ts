// `npm run report -- --month 2026-03 [--json] [--lang en]`: the monthly SLA report of the
// configured database, as text or as one JSON document (percentages unrounded).
import { parseArgs } from 'node:util';
import { loadMonthlyReport } from '#src/report/load.ts';
import { renderReportText } from '#src/report/text.ts';
import { openConfiguredDatabase } from '#src/server/boot.ts';
import { loadConfig, slaSettingsOf } from '#src/config/environment.ts';
import { isMonthKey, monthKeyOf } from '#src/time/zone.ts';
import { failOnStartupError } from './fail.ts';

const usage = 'Usage: npm run report -- --month YYYY-MM [--json] [--lang nl|en]';
let options: { month?: string; json?: boolean; lang?: string };
try {
  options = parseArgs({
    options: { month: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } },
    strict: true,
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const month = options.month ?? monthKeyOf(Date.now());
if (!isMonthKey(month) || month < '1970-01') {
  console.error(`--month must be a month written YYYY-MM, 1970 or later (got "${month}")\n${usage}`);
  process.exit(2);
}
if (month > monthKeyOf(Date.now())) {
  console.error(`--month ${month} has not begun yet; the latest month to report is ${monthKeyOf(Date.now())}`);
  process.exit(2);
}
const lang = options.lang ?? 'nl';
if (lang !== 'nl' && lang !== 'en') {
  console.error(`--lang must be nl or en (got "${lang}")\n${usage}`);
  process.exit(2);
}

try {
  const config = loadConfig();
  const handle = await openConfiguredDatabase(config);
  try {
    const report = await loadMonthlyReport(handle.db, month, new Date(), slaSettingsOf(config), config.siteUrl);
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderReportText(report, lang));
  } finally {
    await handle.close();
  }
} catch (error) {
  failOnStartupError(error);
}
