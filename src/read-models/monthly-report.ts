// Loads one month's report: the SLA history for the month and the 11 before it, the
// incidents reported in the month and its KPIs.
import { eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { monthlyKpis } from '#db/schema.ts';
import { buildMonthlyReport, type MonthlyReport, type SlaSettings } from '#src/report/monthly-report.ts';
import { addMonths, monthStart, type MonthKey } from '#src/time/zone.ts';
import { loadIncidentsReported, loadSlaHistory, rangeOfMonths } from './sla-history.ts';

export async function loadMonthlyReport(db: Database, month: MonthKey, now: Date, settings: SlaSettings): Promise<MonthlyReport> {
  const monthRange = { start: new Date(monthStart(month)), end: new Date(monthStart(addMonths(month, 1))) };
  const [history, incidents, [kpi]] = await Promise.all([
    loadSlaHistory(db, rangeOfMonths([month], now)),
    loadIncidentsReported(db, monthRange),
    db.select().from(monthlyKpis).where(eq(monthlyKpis.month, month)),
  ]);
  return buildMonthlyReport({ month, monthEnd: +monthRange.end, now: +now, history, incidents, kpi: kpi ?? null, settings });
}
