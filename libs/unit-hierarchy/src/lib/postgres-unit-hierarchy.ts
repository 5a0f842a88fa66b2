import { EntityManager } from 'typeorm';
import { assertSchemaName } from '@reform/event-store';
import { UnitLevel } from '@reform/unit-periods';
import { Clock, todayOf } from '@reform/clock';
import { ancestryOneByOne, UnitFilter, UnitHierarchy, UnitView } from './unit-hierarchy.port';
import { accessAncestry } from './tenancy';

/**
 * How a unit is read from `units u JOIN unit_periods p` (unit-tables.ts), here and in the
 * directory's own read model of the same tables (which adds what only it keeps).
 */
export const UNIT_VIEW_COLUMNS = `u.code, u.level, u.kind, p.name, p.type, p.parent_code, u.valid_from::text AS valid_from, u.valid_to::text AS valid_to, u.merged_into, u.dissolved, u.aliases, u.successors`;
/** The period of `p` in force on the day in parameter `param` (e.g. '$2'). */
export const onDay = (param: string) => `(p.valid_from IS NULL OR p.valid_from <= ${param}::date) AND (p.valid_to IS NULL OR ${param}::date < p.valid_to)`;
const VIEW = UNIT_VIEW_COLUMNS;

export interface UnitViewRow {
  code: string;
  level: UnitLevel;
  kind: string | null;
  name: string;
  type: string;
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  merged_into: string | null;
  dissolved: boolean;
  aliases: string[];
  successors: UnitView['successors'];
}

export const toUnitView =
  (day: string) =>
  (row: UnitViewRow): UnitView => ({
    code: row.code,
    level: row.level,
    kind: row.kind,
    name: row.name,
    type: row.type,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    mergedInto: row.merged_into,
    dissolved: row.dissolved,
    aliases: row.aliases,
    successors: row.successors,
    day,
  });

/** The UnitHierarchy port over `units` / `unit_periods` in one schema (see unit-tables.ts). */
export class PostgresUnitHierarchy implements UnitHierarchy {
  private readonly S: string;

  constructor(
    private readonly manager: EntityManager,
    schema: string,
  ) {
    this.S = assertSchemaName(schema);
  }

  async unit(code: string, day: string): Promise<UnitView | null> {
    const rows: UnitViewRow[] = await this.manager.query(
      `SELECT ${VIEW} FROM "${this.S}".units u JOIN "${this.S}".unit_periods p USING (code) WHERE u.code = $1 AND ${onDay('$2')}`,
      [code, day],
    );
    return rows.length ? toUnitView(day)(rows[0]) : null;
  }

  async lastKnown(code: string): Promise<UnitView | null> {
    const rows: Array<UnitViewRow & { day: string }> = await this.manager.query(
      `SELECT ${VIEW}, COALESCE((p.valid_to - 1)::text, to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')) AS day
       FROM "${this.S}".units u JOIN "${this.S}".unit_periods p USING (code) WHERE u.code = $1 ORDER BY p.seq DESC LIMIT 1`,
      [code],
    );
    return rows.length ? toUnitView(rows[0].day)(rows[0]) : null;
  }

  async lastKnownMany(codes: readonly string[]): Promise<Map<string, UnitView>> {
    const rows: Array<UnitViewRow & { day: string }> = await this.manager.query(
      `SELECT DISTINCT ON (u.code) ${VIEW}, COALESCE((p.valid_to - 1)::text, to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')) AS day
       FROM "${this.S}".units u JOIN "${this.S}".unit_periods p USING (code) WHERE u.code = ANY($1::text[]) ORDER BY u.code, p.seq DESC`,
      [codes],
    );
    return new Map(rows.map((row) => [row.code, toUnitView(row.day)(row)]));
  }

  async inForce(codes: readonly string[], day: string): Promise<Set<string>> {
    const rows: Array<{ code: string }> = await this.manager.query(
      `SELECT p.code FROM "${this.S}".unit_periods p WHERE p.code = ANY($1::text[]) AND ${onDay('$2')}`,
      [codes, day],
    );
    return new Set(rows.map((row) => row.code));
  }

  async children(code: string, day: string, filter: UnitFilter = {}): Promise<UnitView[]> {
    const rows: UnitViewRow[] = await this.manager.query(
      `SELECT ${VIEW} FROM "${this.S}".units u JOIN "${this.S}".unit_periods p USING (code)
       WHERE p.parent_code = $1 AND ${onDay('$2')} AND ($3::text IS NULL OR u.level = $3) AND ($4::text IS NULL OR u.kind = $4)
       ORDER BY u.code`,
      [code, day, filter.level ?? null, filter.kind ?? null],
    );
    return rows.map(toUnitView(day));
  }

  async descendants(code: string, day: string, filter: UnitFilter = {}): Promise<UnitView[]> {
    // The tree on `day` walked in SQL: a province with its communes and their sections is a few
    // thousand rows, one round trip.
    const rows: UnitViewRow[] = await this.manager.query(
      `WITH RECURSIVE on_day AS (
         SELECT ${VIEW} FROM "${this.S}".units u JOIN "${this.S}".unit_periods p USING (code) WHERE ${onDay('$2')}
       ), tree AS (
         SELECT * FROM on_day WHERE parent_code = $1
         UNION ALL
         SELECT d.* FROM on_day d JOIN tree t ON d.parent_code = t.code
       )
       SELECT * FROM tree WHERE ($3::text IS NULL OR level = $3) AND ($4::text IS NULL OR kind = $4) ORDER BY code`,
      [code, day, filter.level ?? null, filter.kind ?? null],
    );
    return rows.map(toUnitView(day));
  }

  async parentsUpTo(root: string, codes: readonly string[], day: string): Promise<Map<string, string | null>> {
    // Level by level, one index lookup of a few hundred codes per level (a province's tree is
    // three or four deep). Not a recursive CTE: its row estimates are so far off that PostgreSQL
    // JIT-compiles it, a second of CPU for two milliseconds of work.
    const parents = new Map<string, string | null>();
    let level = [...new Set(codes)];
    for (let depth = 0; level.length && depth < 10; depth++) {
      const next = new Set<string>();
      for (const [code, parent] of await this.parentsOn(level, day)) {
        parents.set(code, parent);
        if (code !== root && parent && !parents.has(parent)) next.add(parent);
      }
      level = [...next];
    }
    return parents;
  }

  /** The parent on `day` of each of `codes` in force that day (one index lookup). */
  async parentsOn(codes: readonly string[], day: string): Promise<Map<string, string | null>> {
    const rows: Array<{ code: string; parent_code: string | null }> = await this.manager.query(
      `SELECT p.code, p.parent_code FROM "${this.S}".unit_periods p WHERE p.code = ANY($1::text[]) AND ${onDay('$2')}`,
      [codes, day],
    );
    return new Map(rows.map((row) => [row.code, row.parent_code]));
  }

  ancestry(code: string, day: string): Promise<UnitView[]> {
    return ancestryOneByOne(this, code, day);
  }

  async predecessors(code: string): Promise<string[]> {
    const rows: Array<{ code: string }> = await this.manager.query(
      `WITH RECURSIVE earlier AS (
         SELECT u.code, 1 AS depth FROM "${this.S}".units u WHERE u.successors @> jsonb_build_array(jsonb_build_object('code', $1::text))
         UNION
         SELECT u.code, e.depth + 1 FROM "${this.S}".units u JOIN earlier e ON u.successors @> jsonb_build_array(jsonb_build_object('code', e.code)) WHERE e.depth < 5
       )
       SELECT DISTINCT code FROM earlier WHERE code <> $1 ORDER BY code`,
      [code],
    );
    return rows.map((row) => row.code);
  }

  async existing(codes: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ code: string }> = await this.manager.query(`SELECT code FROM "${this.S}".units WHERE code = ANY($1::text[])`, [codes]);
    return new Set(rows.map((row) => row.code));
  }
}

/**
 * What the access guard needs (libs/auth UNIT_ANCESTRY), by today's clock: the unit's chain in
 * the structure in force (an ended unit keeps its last place), followed through lineage to its
 * successors, so that a role at a successor covers its predecessors' records (tenancy.ts); and
 * whether a unit is in force today (an account of an ended unit cannot act).
 */
export function unitAncestryFrom(hierarchy: UnitHierarchy, clock: Clock) {
  return {
    ancestry: (code: string): Promise<string[] | null> => accessAncestry(hierarchy, code, todayOf(clock)),
    inForce: async (code: string): Promise<boolean> => (await hierarchy.unit(code, todayOf(clock))) !== null,
  };
}
