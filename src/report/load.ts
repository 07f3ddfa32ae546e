// Loads one month's report: the SLA history for the month and the 11 before it, and the
// month's KPIs. The incidents reported in the month are taken from that history (it
// holds every incident open at some moment of the range, so every one reported in the
// month up to now) instead of being read a second time; their published reports are read
// alongside.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { incidentReports, monthlyKpis } from '#db/schema.ts';
import { buildMonthlyReport, type MonthlyReport, type SlaSettings } from '#src/report/monthly-report.ts';
import { addMonths, monthStart, type MonthKey } from '#src/time/zone.ts';
import { loadSlaHistory, rangeOfMonths } from '#src/availability/sla-history.ts';

export async function loadMonthlyReport(db: Database, month: MonthKey, now: Date, settings: SlaSettings, siteUrl?: string): Promise<MonthlyReport> {
  const [start, end] = [monthStart(month), monthStart(addMonths(month, 1))];
  const [history, [kpi]] = await Promise.all([
    loadSlaHistory(db, rangeOfMonths([month], now)),
    db.select().from(monthlyKpis).where(eq(monthlyKpis.month, month)),
  ]);
  const incidents = history.incidents.filter((i) => i.reportedAt >= start && i.reportedAt < end);
  const ids = incidents.map((i) => i.id);
  const reports = ids.length
    ? await db
        .select({ incidentId: incidentReports.incidentId, publishedAt: incidentReports.publishedAt, editedAt: incidentReports.editedAt })
        .from(incidentReports)
        .where(and(inArray(incidentReports.incidentId, ids), isNotNull(incidentReports.publishedAt)))
    : [];
  return buildMonthlyReport({
    month,
    monthEnd: end,
    now: +now,
    history,
    incidents,
    kpi: kpi ?? null,
    settings,
    reports: reports.map((r) => ({ incidentId: r.incidentId, publishedAt: +r.publishedAt!, editedAt: r.editedAt && +r.editedAt })),
    siteUrl,
  });
}
