// The monthly SLA report as readable text for a terminal or an e-mail, in Dutch or
// English (its words in the catalogues, src/i18n), with the SLA's targets from their
// constants (KPI_TARGETS, RESOLUTION_TARGET_PERCENT). Every rounded figure leans against
// the provider, so a miss never reads as a hit: percentages round down (98.996 % success
// is 98,99 %), downtime minutes and call set-up seconds round up (src/i18n/format.ts).
import { floorPercent, formatCeil, formatDateTime, formatMinutes, formatNumber, formatPercent, formatTarget } from '#src/i18n/format.ts';
import { localized, type Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { RESOLUTION_TARGET_PERCENT } from '#src/sla/incident-timers.ts';
import type { MonthlyReport } from './monthly-report.ts';

export function renderReportText(report: MonthlyReport, locale: Locale): string {
  const w = messages[locale].report;
  const yesNo = (v: boolean | null) => (v === null ? w.none : v ? w.yes : w.no);
  const number = (v: number, digits: number) => formatNumber(floorPercent(v, digits), locale, digits);
  const rows = report.products.map((p) => [
    p.name[locale],
    formatPercent(p.availability, locale, 3),
    formatPercent(p.rolling12, locale, 3),
    p.target === null ? w.bestEffort : `${number(p.target, 2)} %`,
    yesNo(p.met),
    formatMinutes(p.unplannedMinutes, locale),
    formatMinutes(p.plannedMinutes, locale),
  ]);
  const out = [w.title(report.month, report.timezone), ...(report.partial ? [w.partial] : []), '', w.availability, ...table([[...w.columns], ...rows])];
  out.push(`${w.weights(number(report.impactWeights.partial_outage, 2))}`, '', w.incidents);
  for (const c of report.incidents.categories) {
    out.push(`${w.category(c.category)}: ${w.line(c.reported, c.resolved, c.respondedInTime, c.responded)}`);
    const share = (v: number | null) => (v === null ? w.none : formatPercent(v * 100, locale, 0));
    out.push(`  ${w.mark(RESOLUTION_TARGET_PERCENT.mark80, c.within80Mark, c.resolved, share(c.share80), yesNo(c.meets80))}`);
    out.push(`  ${w.mark(RESOLUTION_TARGET_PERCENT.mark95, c.within95Mark, c.resolved, share(c.share95), yesNo(c.meets95))}`);
  }
  out.push('', w.reports);
  if (report.incidents.reports.length === 0) out.push(w.noReports);
  for (const r of report.incidents.reports) {
    const edited = r.editedAt === null ? null : formatDateTime(new Date(r.editedAt), locale);
    out.push(`${w.category(r.category)} · ${w.reportLine(localized(r.title, r.titleEn, locale), formatDateTime(new Date(r.publishedAt), locale), edited)}`);
    out.push(`  ${locale === 'en' ? r.urlEn : r.url}`);
  }
  out.push('', w.kpis);
  if (!report.kpis) out.push(w.noKpis);
  else {
    const { callSetupSeconds, callSuccessRatio } = report.kpiTargets;
    out.push(w.setup(formatCeil(report.kpis.callSetupSeconds, locale, 2), formatTarget(callSetupSeconds, locale), yesNo(report.kpis.callSetupMet)));
    out.push(w.success(number(report.kpis.callSuccessRatio, 2), formatTarget(callSuccessRatio, locale), yesNo(report.kpis.callSuccessMet)));
  }
  return `${out.join('\n')}\n`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((r) => r[column]!.length)));
  return rows.map((r) => r.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
}
