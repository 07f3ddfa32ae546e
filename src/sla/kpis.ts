// The performance indicators of SLA §3.2 (docs/sla.md#performance-indicators), judged per month: average call set-up time at
// most 2 s, average call success ratio at least 99 %. Pure.

/** SLA §3.2 performance indicator targets. */
export const KPI_TARGETS = { callSetupSeconds: 2, callSuccessRatio: 99 } as const;

export interface KpiReport {
  callSetupSeconds: number;
  callSetupMet: boolean;
  callSuccessRatio: number;
  callSuccessMet: boolean;
}

/** SLA §3.2: set-up time at most 2 s, success ratio at least 99 %. */
export function judgeKpis(kpi: { callSetupSeconds: number; callSuccessRatio: number }): KpiReport {
  return {
    callSetupSeconds: kpi.callSetupSeconds,
    callSetupMet: kpi.callSetupSeconds <= KPI_TARGETS.callSetupSeconds,
    callSuccessRatio: kpi.callSuccessRatio,
    callSuccessMet: kpi.callSuccessRatio >= KPI_TARGETS.callSuccessRatio,
  };
}
