// Loads one month's report: the SLA history for the month and the 11 before it, and the
// month's KPIs. The incidents reported in the month are taken from that history (it
// holds every incident open at some moment of the range, so every one reported in the
// month up to now) instead of being read a second time.
import { eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { monthlyKpis } from '#db/schema.ts';
import { buildMonthlyReport, type MonthlyReport, type SlaSettings } from '#src/report/monthly-report.ts';
import { addMonths, monthStart, type MonthKey } from '#src/time/zone.ts';
import { loadSlaHistory, rangeOfMonths } from '#src/availability/sla-history.ts';

export async function loadMonthlyReport(db: Database, month: MonthKey, now: Date, settings: SlaSettings): Promise<MonthlyReport> {
  const [start, end] = [monthStart(month), monthStart(addMonths(month, 1))];
  const [history, [kpi]] = await Promise.all([
    loadSlaHistory(db, rangeOfMonths([month], now)),
    db.select().from(monthlyKpis).where(eq(monthlyKpis.month, month)),
  ]);
  const incidents = history.incidents.filter((i) => i.reportedAt >= start && i.reportedAt < end);
  return buildMonthlyReport({ month, monthEnd: end, now: +now, history, incidents, kpi: kpi ?? null, settings });
}
