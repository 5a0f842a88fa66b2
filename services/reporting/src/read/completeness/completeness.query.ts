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

  async of(regimeId: string, period: string, unitCode: string): Promise<SubtreeCompleteness | null> {
    const day = await this.openedOn(regimeId, period);
    if (!day) return null;
    const below = (await this.units.descendants(unitCode, day)).map((unit) => unit.code);
    const rows: Array<{ unit_code: string; status: ReportRow['status']; submitted_on: string | null; late: boolean }> = await this.dataSource.query(
      `SELECT unit_code, status, submitted_on, late FROM "${S}".reports WHERE regime_id = $1 AND period = $2 AND role = 'UNIT' AND unit_code = ANY($3::text[])`,
      [regimeId, period, [unitCode, ...below]],
    );
    return { regimeId, period, unitCode, ...completenessOf(rows.map((row) => ({ unitCode: row.unit_code, status: row.status, submittedOn: row.submitted_on, late: row.late }))) };
  }

  /** The direct children of the unit (that day) that have reports below or at them. */
  async children(regimeId: string, period: string, unitCode: string): Promise<SubtreeCompleteness[]> {
    const day = await this.openedOn(regimeId, period);
    if (!day) return [];
    const out: SubtreeCompleteness[] = [];
    for (const child of await this.units.children(unitCode, day)) {
      if (child.level === 'AGENCY') continue;
      const completeness = await this.of(regimeId, period, child.code);
      if (completeness && completeness.expected > 0) out.push(completeness);
    }
    return out;
  }
}
