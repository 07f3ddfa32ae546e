// The shape of the monthly SLA report's words (src/report/text.ts), a part of the one
// Messages type (types.ts); the Dutch and English are in nl.ts and en.ts. Only types here.

/** The monthly report as text: headings, the availability table's columns, the lines per incident category and KPI. */
export interface ReportWords {
  title: (month: string, zone: string) => string;
  partial: string;
  availability: string;
  /** Product, month, 12 months, target, met, unplanned, planned. */
  columns: readonly string[];
  bestEffort: string;
  yes: string;
  no: string;
  none: string;
  incidents: string;
  category: (category: number) => string;
  line: (reported: number, resolved: number, inTime: number, responded: number) => string;
  mark: (percent: number, within: number, resolved: number, share: string, met: string) => string;
  kpis: string;
  noKpis: string;
  setup: (value: string, target: string, met: string) => string;
  success: (value: string, target: string, met: string) => string;
  weights: (weight: string) => string;
  /** The month's incidents with a published report (reason for outage). */
  reports: string;
  noReports: string;
  reportLine: (title: string, published: string, edited: string | null) => string;
}
