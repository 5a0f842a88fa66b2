import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { Completeness, completenessOf, ReportRow } from '../../domain/completeness/completeness';
import { REPORTING_SCHEMA as S } from '../../schema';

export interface SubtreeCompleteness extends Completeness {
  readonly regimeId: string;
  readonly period: string;
  readonly unitCode: string;
}

/**
 * Completeness of one period over a subtree: the reporting units' reports (not the owner's own
 * consolidated one) whose unit is the given one or lies below it, as the tree stood on the day the
 * period opened. A commune answers for itself; a district for its communes; a province for all.
 * The period's rows are read once and placed in the tree with one walk up from them
 * (`parentsUpTo`), not one subtree listing per unit: a province's answer with its districts' is
 * two queries whatever the number of districts.
 */
@Injectable()
export class CompletenessQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(UNIT_HIERARCHY) private readonly units: UnitHierarchy,
  ) {}

  async openedOn(regimeId: string, period: string): Promise<string | null> {
    const [row]: Array<{ opened_on: string }> = await this.dataSource.query(`SELECT to_char(opened_on, 'YYYY-MM-DD') AS opened_on FROM "${S}".cycles WHERE regime_id = $1 AND period = $2`, [regimeId, period]);
    return row?.opened_on ?? null;
  }

  /** The period's rows at or below `unitCode`, each with the direct child of `unitCode` it lies under (itself when it is the unit). */
  private async placed(regimeId: string, period: string, unitCode: string): Promise<Array<{ row: ReportRow; under: string }> | null> {
    const day = await this.openedOn(regimeId, period);
    if (!day) return null;
    const rows: Array<{ unit_code: string; status: ReportRow['status']; submitted_on: string | null; late: boolean }> = await this.dataSource.query(
      `SELECT unit_code, status, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on, late FROM "${S}".reports WHERE regime_id = $1 AND period = $2 AND role = 'UNIT'`,
      [regimeId, period],
    );
    const parents = await this.units.parentsUpTo(unitCode, rows.map((row) => row.unit_code).filter((code) => code !== unitCode), day);
    const out: Array<{ row: ReportRow; under: string }> = [];
    for (const r of rows) {
      const row: ReportRow = { unitCode: r.unit_code, status: r.status, submittedOn: r.submitted_on, late: r.late };
      if (r.unit_code === unitCode) {
        out.push({ row, under: unitCode });
        continue;
      }
      // Walk up until the unit asked for (inside) or the end of the chain (outside).
      let current = r.unit_code;
      for (let depth = 0; depth < 10; depth++) {
        const parent = parents.get(current);
        if (!parent) break;
        if (parent === unitCode) {
          out.push({ row, under: current });
          break;
        }
        current = parent;
      }
    }
    return out;
  }

  async of(regimeId: string, period: string, unitCode: string): Promise<SubtreeCompleteness | null> {
    const placed = await this.placed(regimeId, period, unitCode);
    return placed ? { regimeId, period, unitCode, ...completenessOf(placed.map((p) => p.row)) } : null;
  }

  /** The direct children of the unit that have reports at or below them, each with its completeness. */
  async children(regimeId: string, period: string, unitCode: string): Promise<SubtreeCompleteness[]> {
    const placed = await this.placed(regimeId, period, unitCode);
    if (!placed) return [];
    const byChild = new Map<string, ReportRow[]>();
    for (const { row, under } of placed) {
      if (under === unitCode) continue;
      const list = byChild.get(under);
      if (list) list.push(row);
      else byChild.set(under, [row]);
    }
    return [...byChild.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([code, rows]) => ({ regimeId, period, unitCode: code, ...completenessOf(rows) }));
  }
}
