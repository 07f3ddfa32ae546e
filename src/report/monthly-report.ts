// The monthly SLA report ("rapportage per maand", SLA §3 and §4): per product the month's
// availability and the rolling 12 months against the target, incidents per category with
// response and resolution compliance, the incidents with a published report (reason for
// outage), and the §3.2 KPIs against 2 s and 99 %. Pure
// assembly from already-loaded history; percentages stay unrounded here.
import type { ImpactWeights } from '#src/domain/vocabulary.ts';
import { availabilityReport } from '#src/sla/availability.ts';
import { incidentTimers, monthlyResolutionCompliance, type CategoryCompliance } from '#src/sla/incident-timers.ts';
import { judgeKpis, KPI_TARGETS, type KpiReport } from '#src/sla/kpis.ts';
import type { SlaSettings } from '#src/sla/settings.ts';
import type { HistoryIncident, SlaHistory } from '#src/availability/sla-history.ts';
import type { MonthKey } from '#src/time/zone.ts';
import { SLA_TIME_ZONE } from '#src/domain/vocabulary.ts';

export interface ProductMonth {
  slug: string;
  name: { nl: string; en: string };
  target: number | null;
  availability: number | null;
  rolling12: number | null;
  met: boolean | null;
  rolling12Met: boolean | null;
  unplannedMinutes: number;
  plannedMinutes: number;
  periodMinutes: number;
}

export interface CategoryReport extends CategoryCompliance {
  /** Incidents of this category reported in the month, open or resolved. */
  reported: number;
  /** Of those with a decided response: answered within the response time. */
  responded: number;
  respondedInTime: number;
}

/** An incident reported in the month whose report (reason for outage) is published. */
export interface ReportedIncident {
  id: number;
  title: string;
  titleEn: string | null;
  category: 1 | 2;
  reportedAt: string;
  publishedAt: string;
  /** The latest correction after publication; null if never corrected. */
  editedAt: string | null;
  /** The incident page with the report, in Dutch and in English. */
  url: string;
  urlEn: string;
}

export interface MonthlyReport {
  month: MonthKey;
  timezone: string;
  generatedAt: string;
  /** True while the month is in progress: figures count up to generatedAt. */
  partial: boolean;
  impactWeights: ImpactWeights;
  products: ProductMonth[];
  incidents: { categories: CategoryReport[]; reports: ReportedIncident[] };
  kpis: KpiReport | null;
  kpiTargets: typeof KPI_TARGETS;
}

export interface MonthlyReportInput {
  month: MonthKey;
  monthEnd: number;
  now: number;
  history: SlaHistory;
  /** Incidents reported in the month. */
  incidents: readonly HistoryIncident[];
  kpi: { callSetupSeconds: number; callSuccessRatio: number } | null;
  settings: SlaSettings;
  /** The published reports of incidents reported in the month, by incident id. */
  reports?: readonly { incidentId: number; publishedAt: number; editedAt: number | null }[];
  /** SITE_URL, for the links to the reports; without it they are paths. */
  siteUrl?: string;
}

export function buildMonthlyReport(input: MonthlyReportInput): MonthlyReport {
  const { month, history, settings, now } = input;
  const tables = availabilityReport({
    products: history.products,
    impacts: history.impacts,
    maintenance: history.maintenance,
    months: [month],
    now,
    weights: settings.weights,
  });
  const products = history.products.map((product): ProductMonth => {
    const row = tables.get(product.slug)![0]!;
    return {
      slug: product.slug,
      name: product.name,
      target: product.target,
      availability: row.monthly.availability,
      rolling12: row.rolling12.availability,
      met: row.monthly.met,
      rolling12Met: row.rolling12.met,
      unplannedMinutes: row.monthly.unplannedMinutes,
      plannedMinutes: row.monthly.plannedMinutes,
      periodMinutes: row.monthly.periodMinutes,
    };
  });
  // The incidents as they stood at `now`, like the availability figures: an incident
  // reported later, or an update published later, had not happened yet.
  const incidents = input.incidents
    .filter((i) => i.reportedAt <= now)
    .map((i) => ({ ...i, updates: i.updates.filter((u) => u.publishedAt <= now) }));
  const compliance = monthlyResolutionCompliance(incidents, month, settings.officeHours);
  const categories = compliance.map((c): CategoryReport => {
    const ofCategory = incidents.filter((i) => i.category === c.category);
    const responses = ofCategory.map((i) => incidentTimers(i, now, settings.officeHours).responseMet).filter((m) => m !== null);
    return { ...c, reported: ofCategory.length, responded: responses.length, respondedInTime: responses.filter(Boolean).length };
  });
  return {
    month,
    timezone: SLA_TIME_ZONE,
    generatedAt: new Date(now).toISOString(),
    partial: now < input.monthEnd,
    impactWeights: settings.weights,
    products,
    incidents: { categories, reports: reportedIncidents(input, incidents) },
    kpis: input.kpi && judgeKpis(input.kpi),
    kpiTargets: KPI_TARGETS,
  };
}

/** The month's incidents with a report published by now, in the order they were reported. */
function reportedIncidents(input: MonthlyReportInput, incidents: readonly HistoryIncident[]): ReportedIncident[] {
  const published = new Map((input.reports ?? []).filter((r) => r.publishedAt <= input.now).map((r) => [r.incidentId, r]));
  const site = input.siteUrl ?? '';
  return incidents.flatMap((i) => {
    const report = published.get(i.id);
    if (!report) return [];
    const iso = (at: number) => new Date(at).toISOString();
    return [
      {
        id: i.id,
        title: i.title,
        titleEn: i.titleEn,
        category: i.category,
        reportedAt: iso(i.reportedAt),
        publishedAt: iso(report.publishedAt),
        editedAt: report.editedAt === null ? null : iso(report.editedAt),
        url: `${site}/incidents/${i.id}`,
        urlEn: `${site}/en/incidents/${i.id}`,
      },
    ];
  });
}

export type { SlaSettings };
