import { DataSource } from 'typeorm';
import { ConsolidatedItem, ConsolidatedSection } from '../../domain/consolidation/consolidate';
import { Report } from '../../domain/report/report.decider';
import { REPORTING_SCHEMA as S } from '../../schema';

export interface ConsolidationView {
  readonly regimeId: string;
  readonly period: string;
  readonly unitCode: string;
  readonly children: number;
  readonly accepted: number;
  readonly items: ConsolidatedItem[];
  readonly sections: ConsolidatedSection[];
  readonly updatedAt: Date;
}

/** The consolidation read model's row for a unit's children in a period (null before any child is expected). */
export async function consolidationOf(dataSource: DataSource, report: Pick<Report, 'regimeId' | 'period' | 'unitCode'>): Promise<ConsolidationView | null> {
  const [row]: Array<{ children: number; accepted: number; items: ConsolidatedItem[]; sections: ConsolidatedSection[]; updated_at: Date }> =
    await dataSource.query(
      `SELECT children, accepted, items, sections, updated_at FROM "${S}".consolidations WHERE regime_id = $1 AND period = $2 AND unit_code = $3`,
      [report.regimeId, report.period, report.unitCode],
    );
  return row
    ? {
        regimeId: report.regimeId,
        period: report.period,
        unitCode: report.unitCode,
        children: row.children,
        accepted: row.accepted,
        items: row.items,
        sections: row.sections,
        updatedAt: row.updated_at,
      }
    : null;
}
