import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { DIRECTORY_SCHEMA as S } from '../../schema';
import { onDay, toUnitView, UNIT_VIEW_COLUMNS, UnitView as HierarchyUnitView, UnitReader, UnitViewRow } from '@reform/unit-hierarchy';
import { UnitLevel, UnitSuccessor } from '../../domain/unit/unit.decider';

/** A unit as it was on `day` (or as last recorded when `day` is null): the services' view, with what only the directory keeps. */
export interface UnitView extends HierarchyUnitView {
  /** Where it or parts of it went (lineage: merges and splits), and the act that ended it. */
  readonly successors: readonly UnitSuccessor[];
  readonly endSource: string | null;
  /**
   * Set when the view was folded from the unit's stream as recorded at this instant (record
   * time, ADR 0012) rather than read from the read model; `parent`, `ancestors` and `mergedInto`
   * then follow the same instant.
   */
  readonly recordedAsOf?: Date;
}

const VIEW = `${UNIT_VIEW_COLUMNS}, u.end_source`;
const ON_DAY = onDay('$DAY');

interface ViewRow extends UnitViewRow {
  successors: UnitSuccessor[];
  end_source: string | null;
}

const toView =
  (day: string) =>
  (row: ViewRow): UnitView => ({ ...toUnitView(day)(row), successors: row.successors, endSource: row.end_source });

/** Read side of the unit hierarchy, from `units` and `unit_periods`. */
@Injectable()
export class UnitDirectory {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /**
   * On `day`, the period holding then; without a day, the period in force today, else (a unit
   * that has ended, or not begun yet by the clock: a 2025 commune seen on a 2021 clock) the last
   * recorded one. Today's first: the last recorded period may lie after today (the two-tier
   * structure, recorded in advance, on a clock set before 2025-07-01).
   */
  async unit(code: string, day: string | null, today: string): Promise<UnitView | null> {
    const onDay = (d: string): Promise<ViewRow[]> =>
      this.manager.query(`SELECT ${VIEW} FROM "${S}".units u JOIN "${S}".unit_periods p USING (code) WHERE u.code = $1 AND ${ON_DAY.replace(/\$DAY/g, '$2')}`, [
        code,
        d,
      ]);
    if (day) {
      const rows = await onDay(day);
      return rows.length ? toView(day)(rows[0]) : null;
    }
    const current = await onDay(today);
    if (current.length) return toView(today)(current[0]);
    const rows: ViewRow[] = await this.manager.query(
      `SELECT ${VIEW} FROM "${S}".units u JOIN "${S}".unit_periods p USING (code) WHERE u.code = $1 ORDER BY p.seq DESC LIMIT 1`,
      [code],
    );
    return rows.length ? toView(today)(rows[0]) : null;
  }

  async units(filter: { parentCode?: string | null; level?: UnitLevel | null; agencies?: boolean }, day: string): Promise<UnitView[]> {
    const rows: ViewRow[] = await this.manager.query(
      `SELECT ${VIEW} FROM "${S}".units u JOIN "${S}".unit_periods p USING (code)
       WHERE ${ON_DAY.replace(/\$DAY/g, '$1')}
         AND ($2::text IS NULL OR p.parent_code = $2)
         AND ($3::text IS NULL OR u.level = $3)
         AND ($4::boolean IS NULL OR (u.level = 'AGENCY') = $4)
       ORDER BY u.code`,
      [day, filter.parentCode ?? null, filter.level ?? null, filter.agencies ?? null],
    );
    return rows.map(toView(day));
  }

  /** The unit, then its parents up to the root, on `day`. */
  async ancestry(code: string, day: string): Promise<UnitView[]> {
    const chain: UnitView[] = [];
    for (let next: string | null = code; next && chain.length < 10;) {
      const unit: UnitView | null = await this.unit(next, day, day);
      if (!unit) break;
      chain.push(unit);
      next = unit.parentCode;
    }
    return chain;
  }

  /** This read model as the shared tenancy rules read units (libs/unit-hierarchy tenancy.ts). */
  reader(today: string): UnitReader {
    return { unit: (code, day) => this.unit(code, day, day), lastKnown: (code) => this.unit(code, null, today) };
  }

  /** The units that went into `code`, wholly or in part (lineage read from the successor's side). */
  async predecessors(code: string): Promise<Array<{ code: string; successor: UnitSuccessor }>> {
    const rows: Array<{ code: string; successors: UnitSuccessor[] }> = await this.manager.query(
      `SELECT code, successors FROM "${S}".units WHERE successors @> jsonb_build_array(jsonb_build_object('code', $1::text)) ORDER BY code`,
      [code],
    );
    return rows.flatMap((row) => row.successors.filter((s) => s.code === code).map((successor) => ({ code: row.code, successor })));
  }

  async existing(codes: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ code: string }> = await this.manager.query(`SELECT code FROM "${S}".units WHERE code = ANY($1::text[])`, [codes]);
    return new Set(rows.map((row) => row.code));
  }

  /** The aliases of each of `codes` that is known. */
  async aliasesOf(codes: readonly string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ code: string; aliases: string[] }> = await this.manager.query(`SELECT code, aliases FROM "${S}".units WHERE code = ANY($1::text[])`, [
      codes,
    ]);
    return new Map(rows.map((row) => [row.code, row.aliases]));
  }
}
