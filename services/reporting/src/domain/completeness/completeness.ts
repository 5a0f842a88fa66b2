/* Pure (type:domain): completeness of a period's reports over a set of units (DHIS2's reporting rate). */
import { ReportStatus } from '../report/report.decider';

export interface ReportRow {
  readonly unitCode: string;
  readonly status: ReportStatus;
  readonly submittedOn: string | null;
  readonly late: boolean;
}

export interface Completeness {
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
  /** Shares of `expected`, in percent with one decimal; null when nothing is expected. */
  readonly submittedRate: number | null;
  readonly onTimeRate: number | null;
  readonly acceptedRate: number | null;
  readonly missingUnitCodes: readonly string[];
}

const rate = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 1000) / 10);

export function completenessOf(rows: readonly ReportRow[]): Completeness {
  const submitted = rows.filter((row) => row.submittedOn !== null);
  const onTime = submitted.filter((row) => !row.late).length;
  const waived = rows.filter((row) => row.status === 'WAIVED').length;
  const missing = rows.filter((row) => row.submittedOn === null && row.status !== 'WAIVED');
  const accepted = rows.filter((row) => row.status === 'ACCEPTED').length;
  return {
    expected: rows.length,
    submitted: submitted.length,
    onTime,
    late: submitted.length - onTime,
    missing: missing.length,
    accepted,
    returned: rows.filter((row) => row.status === 'RETURNED').length,
    waived,
    submittedRate: rate(submitted.length, rows.length),
    onTimeRate: rate(onTime, rows.length),
    acceptedRate: rate(accepted, rows.length),
    missingUnitCodes: missing.map((row) => row.unitCode).sort(),
  };
}
