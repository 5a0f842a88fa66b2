import { EntityManager } from 'typeorm';
import { assertSchemaName, schemaMigration } from '@reform/event-store';
import { ABSENT_UNIT, EstablishedUnit, evolveUnit, UnitFact as PeriodFact, UnitLevel, UnitState, UnitSuccessor } from '@reform/unit-periods';

/**
 * The tables that hold a copy of the unit hierarchy in a service's schema: `units` (one row per
 * unit, its last period) and `unit_periods` (every period of validity). The directory projects
 * them from its own events; other services from the directory's published events. One shape and
 * one fold (evolveUnit) for both, so that every service answers "the unit on that day" alike.
 */
export const unitTablesMigrations = (schema: string) => {
  const S = assertSchemaName(schema);
  return [
    schemaMigration(
      S,
      1763800100000,
      'CreateUnitsReadModel',
      [
        `CREATE TABLE "${S}".units (
          code text PRIMARY KEY, level text NOT NULL, kind text, name text NOT NULL, type text NOT NULL,
          parent_code text, valid_from date, valid_to date, merged_into text, dissolved boolean NOT NULL, version int NOT NULL
        )`,
        `CREATE INDEX units_parent ON "${S}".units (parent_code)`,
        `CREATE TABLE "${S}".unit_periods (
          code text NOT NULL, seq int NOT NULL, level text NOT NULL, kind text, name text NOT NULL, type text NOT NULL,
          parent_code text, valid_from date, valid_to date, PRIMARY KEY (code, seq)
        )`,
        `CREATE INDEX unit_periods_parent ON "${S}".unit_periods (parent_code, level)`,
      ],
      [`DROP TABLE "${S}".unit_periods`, `DROP TABLE "${S}".units`],
    ),
    // Lineage (2025 reorganisation): where a unit went, and the act that ended it. Predecessors
    // are found by containment on `successors` (GIN index).
    schemaMigration(
      S,
      1764662400000,
      'AddUnitLineage',
      [
        `ALTER TABLE "${S}".units ADD COLUMN successors jsonb NOT NULL DEFAULT '[]', ADD COLUMN end_source text`,
        `CREATE INDEX units_successors ON "${S}".units USING gin (successors jsonb_path_ops)`,
      ],
      [`DROP INDEX "${S}".units_successors`, `ALTER TABLE "${S}".units DROP COLUMN successors, DROP COLUMN end_source`],
    ),
    schemaMigration(
      S,
      1765000000000,
      'UnitAliases',
      [`ALTER TABLE "${S}".units ADD COLUMN aliases jsonb NOT NULL DEFAULT '[]'`],
      [`ALTER TABLE "${S}".units DROP COLUMN aliases`],
    ),
  ];
};

/** A unit's fact at a version of its stream (`unit-<code>` in the directory). */
export interface UnitFact {
  readonly code: string;
  readonly version: number;
  readonly event: PeriodFact;
}

/**
 * Folds facts into the stored units and replaces their rows. A fact at or below the stored
 * version is skipped, so replays and redeliveries change nothing (idempotent), and a rebuild
 * from the first event equals the live tables.
 */
export async function applyUnitFacts(manager: EntityManager, schema: string, facts: readonly UnitFact[]): Promise<number> {
  const byCode = new Map<string, UnitFact[]>();
  for (const fact of facts) {
    const list = byCode.get(fact.code);
    if (list) list.push(fact);
    else byCode.set(fact.code, [fact]);
  }
  const known = await loadUnits(manager, schema, [...byCode.keys()]);
  const changed: Array<{ state: EstablishedUnit; version: number }> = [];
  for (const [code, unitFacts] of byCode) {
    const before = known.get(code);
    // Each version once: the first fact seen for it wins (a batch may hold a redelivered one).
    const fresh: UnitFact[] = [];
    let seen = before?.version ?? 0;
    for (const fact of [...unitFacts].sort((a, b) => a.version - b.version)) {
      if (fact.version > seen) {
        fresh.push(fact);
        seen = fact.version;
      }
    }
    if (fresh.length === 0) continue;
    const state = fresh.reduce((unit, fact) => evolveUnit(unit, fact.event), before?.state ?? ABSENT_UNIT);
    if (state.status === 'established') changed.push({ state, version: fresh[fresh.length - 1].version });
  }
  if (changed.length) await saveUnits(manager, schema, changed);
  return changed.length;
}

interface UnitRow {
  code: string;
  level: string;
  kind: string | null;
  merged_into: string | null;
  dissolved: boolean;
  aliases: string[];
  successors: UnitSuccessor[];
  end_source: string | null;
  version: number;
}
interface PeriodRow {
  code: string;
  name: string;
  type: string;
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

export async function loadUnits(manager: EntityManager, schema: string, codes: string[]): Promise<Map<string, { state: UnitState; version: number }>> {
  const S = assertSchemaName(schema);
  const units: UnitRow[] = await manager.query(
    `SELECT code, level, kind, merged_into, dissolved, aliases, successors, end_source, version FROM "${S}".units WHERE code = ANY($1::text[])`,
    [codes],
  );
  if (units.length === 0) return new Map();
  const periods: PeriodRow[] = await manager.query(
    `SELECT code, name, type, parent_code, valid_from::text, valid_to::text FROM "${S}".unit_periods WHERE code = ANY($1::text[]) ORDER BY code, seq`,
    [units.map((u) => u.code)],
  );
  // Grouped once: filtering the periods per unit is quadratic over a national list.
  const periodsOf = new Map<string, PeriodRow[]>();
  for (const p of periods) {
    const list = periodsOf.get(p.code);
    if (list) list.push(p);
    else periodsOf.set(p.code, [p]);
  }
  return new Map(
    units.map((u) => [
      u.code,
      {
        version: u.version,
        state: {
          status: 'established' as const,
          code: u.code,
          level: u.level as UnitLevel,
          kind: u.kind,
          mergedInto: u.merged_into,
          dissolved: u.dissolved,
          aliases: u.aliases,
          successors: u.successors,
          endSource: u.end_source,
          periods: (periodsOf.get(u.code) ?? []).map((p) => ({
            name: p.name,
            type: p.type,
            parentCode: p.parent_code,
            validFrom: p.valid_from,
            validTo: p.valid_to,
          })),
        },
      },
    ]),
  );
}

async function saveUnits(manager: EntityManager, schema: string, units: Array<{ state: EstablishedUnit; version: number }>): Promise<void> {
  const S = assertSchemaName(schema);
  const codes = units.map((u) => u.state.code);
  const last = (u: EstablishedUnit) => u.periods[u.periods.length - 1];
  await manager.query(`DELETE FROM "${S}".unit_periods WHERE code = ANY($1::text[])`, [codes]);
  await manager.query(
    `INSERT INTO "${S}".units (code, level, kind, name, type, parent_code, valid_from, valid_to, merged_into, dissolved, version, aliases, successors, end_source)
     SELECT code, level, kind, name, type, parent_code, valid_from, valid_to, merged_into, dissolved, version, aliases, successors::jsonb, end_source
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[], $9::text[], $10::bool[], $11::int[], $12::jsonb[], $13::text[], $14::text[])
       AS t(code, level, kind, name, type, parent_code, valid_from, valid_to, merged_into, dissolved, version, aliases, successors, end_source)
     ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, kind = EXCLUDED.kind, name = EXCLUDED.name, type = EXCLUDED.type,
       parent_code = EXCLUDED.parent_code, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
       merged_into = EXCLUDED.merged_into, dissolved = EXCLUDED.dissolved, version = EXCLUDED.version, aliases = EXCLUDED.aliases,
       successors = EXCLUDED.successors, end_source = EXCLUDED.end_source`,
    [
      codes,
      units.map((u) => u.state.level),
      units.map((u) => u.state.kind),
      units.map((u) => last(u.state).name),
      units.map((u) => last(u.state).type),
      units.map((u) => last(u.state).parentCode),
      units.map((u) => u.state.periods[0].validFrom),
      units.map((u) => last(u.state).validTo),
      units.map((u) => u.state.mergedInto),
      units.map((u) => u.state.dissolved),
      units.map((u) => u.version),
      units.map((u) => JSON.stringify(u.state.aliases)),
      units.map((u) => JSON.stringify(u.state.successors)),
      units.map((u) => u.state.endSource),
    ],
  );
  const periods = units.flatMap((u) => u.state.periods.map((p, seq) => ({ code: u.state.code, seq, level: u.state.level, kind: u.state.kind, ...p })));
  await manager.query(
    `INSERT INTO "${S}".unit_periods (code, seq, level, kind, name, type, parent_code, valid_from, valid_to)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::date[])`,
    [
      periods.map((p) => p.code),
      periods.map((p) => p.seq),
      periods.map((p) => p.level),
      periods.map((p) => p.kind),
      periods.map((p) => p.name),
      periods.map((p) => p.type),
      periods.map((p) => p.parentCode),
      periods.map((p) => p.validFrom),
      periods.map((p) => p.validTo),
    ],
  );
}

/**
 * How far a copy has come: units and the sum of their stream versions. Equal to the directory's
 * own figures once the copy has applied every unit event (readiness checks, demo seeding).
 */
export async function unitTablesDigest(manager: EntityManager, schema: string): Promise<{ units: number; versions: number }> {
  const [row]: Array<{ units: number; versions: number }> = await manager.query(
    `SELECT count(*)::int AS units, COALESCE(sum(version), 0)::int AS versions FROM "${assertSchemaName(schema)}".units`,
  );
  return row;
}
