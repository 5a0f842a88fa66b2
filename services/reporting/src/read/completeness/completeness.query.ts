import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CompletenessCounts, CompletenessRates, ratesOf } from '../../domain/completeness/completeness';
import { REPORTING_SCHEMA as S } from '../../schema';

export interface SubtreeCompleteness extends CompletenessCounts, CompletenessRates {
  readonly regimeId: string;
  readonly period: string;
  readonly unitCode: string;
}

interface CountsRow {
  unit_code: string;
  expected: number;
  submitted: number;
  on_time: number;
  late: number;
  missing: number;
  accepted: number;
  returned: number;
  waived: number;
}

const COUNTS = `k.unit_code, k.expected, k.submitted, k.on_time, k.late, k.missing, k.accepted, k.returned, k.waived`;

function completeness(regimeId: string, period: string, unitCode: string, row: CountsRow | null): SubtreeCompleteness {
  const counts: CompletenessCounts = {
    expected: row?.expected ?? 0,
    submitted: row?.submitted ?? 0,
    onTime: row?.on_time ?? 0,
    late: row?.late ?? 0,
    missing: row?.missing ?? 0,
    accepted: row?.accepted ?? 0,
    returned: row?.returned ?? 0,
    waived: row?.waived ?? 0,
  };
  return { regimeId, period, unitCode, ...counts, ...ratesOf(counts) };
}

/**
 * Completeness of one period over a subtree, read from `completeness_counts` (kept by its
 * projection in the transaction of every report change): the reporting units' reports (not the
 * owner's own consolidated one) at or below the unit, as the tree stood on the day the period
 * opened. A unit's answer is one row, its children's one indexed range; the missing units are a
 * bounded page over the reports' paths.
 */
@Injectable()
export class CompletenessQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Null when the period has not been opened; zeros for a unit with no report in its subtree. */
  async of(regimeId: string, period: string, unitCode: string): Promise<SubtreeCompleteness | null> {
    const rows: Array<CountsRow & { unit_code: string | null }> = await this.dataSource.query(
      `SELECT ${COUNTS} FROM "${S}".cycles c LEFT JOIN "${S}".completeness_counts k ON k.regime_id = c.regime_id AND k.period = c.period AND k.unit_code = $3
       WHERE c.regime_id = $1 AND c.period = $2`,
      [regimeId, period, unitCode],
    );
    if (!rows.length) return null;
    return completeness(regimeId, period, unitCode, rows[0].unit_code === null ? null : rows[0]);
  }

  /** The direct children of the unit (on the period's opening day) that have reports at or below them, in code order. */
  async children(regimeId: string, period: string, unitCode: string): Promise<SubtreeCompleteness[]> {
    const rows: CountsRow[] = await this.dataSource.query(
      `SELECT ${COUNTS} FROM "${S}".completeness_counts k WHERE k.regime_id = $1 AND k.period = $2 AND k.parent_code = $3`,
      [regimeId, period, unitCode],
    );
    return rows
      .sort((a, b) => a.unit_code.localeCompare(b.unit_code, 'en', { numeric: true }))
      .map((row) => completeness(regimeId, period, row.unit_code, row));
  }

  /** A window of the units at or below `unitCode` whose report is missing (neither submitted nor waived), in code order. */
  async missing(regimeId: string, period: string, unitCode: string, offset: number, limit: number): Promise<string[]> {
    const rows: Array<{ unit_code: string }> = await this.dataSource.query(
      `SELECT unit_code FROM "${S}".reports
       WHERE regime_id = $1 AND period = $2 AND role = 'UNIT' AND $3 = ANY(path) AND submitted_on IS NULL AND status <> 'WAIVED'
       ORDER BY unit_code COLLATE "C" OFFSET $4 LIMIT $5`,
      [regimeId, period, unitCode, offset, limit],
    );
    return rows.map((row) => row.unit_code);
  }
}
