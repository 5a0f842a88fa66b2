/* Pure (type:domain): completeness of a period's reports over a set of units (DHIS2's reporting rate). */
import { ReportStatus } from '../report/report.decider';

export interface ReportRow {
  readonly unitCode: string;
  readonly status: ReportStatus;
  readonly submittedOn: string | null;
  readonly late: boolean;
}

/** The counts of a period over a subtree: what the `completeness_counts` read model keeps per unit. */
export interface CompletenessCounts {
  readonly expected: number;
  /** Submitted at least once (returned ones included). */
  readonly submitted: number;
  readonly onTime: number;
  readonly late: number;
  /** Neither submitted nor marked "không báo cáo". */
  readonly missing: number;
  readonly accepted: number;
  readonly returned: number;
  readonly waived: number;
}

export interface Completeness extends CompletenessCounts, CompletenessRates {
  readonly missingUnitCodes: readonly string[];
}

export interface CompletenessRates {
  /** Shares of `expected`, in percent with one decimal; null when nothing is expected. */
  readonly submittedRate: number | null;
  readonly onTimeRate: number | null;
  readonly acceptedRate: number | null;
}

const rate = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 1000) / 10);

/** Neither submitted nor marked "không báo cáo" (the read model's SQL says the same). */
export const isMissing = (row: ReportRow) => row.submittedOn === null && row.status !== 'WAIVED';

export function countsOf(rows: readonly ReportRow[]): CompletenessCounts {
  const submitted = rows.filter((row) => row.submittedOn !== null);
  const onTime = submitted.filter((row) => !row.late).length;
  return {
    expected: rows.length,
    submitted: submitted.length,
    onTime,
    late: submitted.length - onTime,
    missing: rows.filter(isMissing).length,
    accepted: rows.filter((row) => row.status === 'ACCEPTED').length,
    returned: rows.filter((row) => row.status === 'RETURNED').length,
    waived: rows.filter((row) => row.status === 'WAIVED').length,
  };
}

export function ratesOf(counts: CompletenessCounts): CompletenessRates {
  return {
    submittedRate: rate(counts.submitted, counts.expected),
    onTimeRate: rate(counts.onTime, counts.expected),
    acceptedRate: rate(counts.accepted, counts.expected),
  };
}

export function completenessOf(rows: readonly ReportRow[]): Completeness {
  const counts = countsOf(rows);
  return {
    ...counts,
    ...ratesOf(counts),
    missingUnitCodes: rows
      .filter(isMissing)
      .map((row) => row.unitCode)
      .sort(),
  };
}
