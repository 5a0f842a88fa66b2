import { EntityManager } from 'typeorm';
import { fold } from '@reform/decider';
import { Projection, RecordedEvent } from '@reform/event-store';
import { DIRECTORY_SCHEMA as S } from '../../schema';
import { EstablishedUnit, UnitEvent, UnitLevel, UnitState, unitDecider } from '../../domain/unit/unit.decider';

export const UNIT_EVENT_TYPES: readonly UnitEvent['type'][] = ['UnitEstablished', 'UnitRenamed', 'UnitTransferred', 'UnitMerged', 'UnitDissolved', 'EarlierParentRecorded'];

/**
 * `units` and `unit_periods` from Unit events. It folds each unit's state with the decider's own
 * evolve and replaces the unit's rows, so a rebuild from the event store equals the live tables,
 * and an event at or below the stored version is skipped (idempotent).
 */
export const unitsProjection: Projection = {
  name: 'units.v1',
  eventTypes: UNIT_EVENT_TYPES,
  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    const byCode = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const code = event.streamId.replace(/^unit-/, '');
      const list = byCode.get(code);
      if (list) list.push(event);
      else byCode.set(code, [event]);
    }
    const known = await loadUnits(manager, [...byCode.keys()]);
    const changed: Array<{ state: EstablishedUnit; version: number }> = [];
    for (const [code, unitEvents] of byCode) {
      const before = known.get(code);
      const fresh = unitEvents.filter((event) => event.streamVersion > (before?.version ?? 0));
      if (fresh.length === 0) continue;
      const state = fold(unitDecider, fresh as unknown as UnitEvent[], before?.state ?? unitDecider.initialState);
      if (state.status === 'established') changed.push({ state, version: fresh[fresh.length - 1].streamVersion });
    }
    if (changed.length) await saveUnits(manager, changed);
  },
};

interface UnitRow {
  code: string;
  level: string;
  kind: string | null;
  merged_into: string | null;
  dissolved: boolean;
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

export async function loadUnits(manager: EntityManager, codes: string[]): Promise<Map<string, { state: UnitState; version: number }>> {
  const units: UnitRow[] = await manager.query(`SELECT code, level, kind, merged_into, dissolved, version FROM "${S}".units WHERE code = ANY($1::text[])`, [codes]);
  if (units.length === 0) return new Map();
  const periods: PeriodRow[] = await manager.query(
    `SELECT code, name, type, parent_code, valid_from::text, valid_to::text FROM "${S}".unit_periods WHERE code = ANY($1::text[]) ORDER BY code, seq`,
    [units.map((u) => u.code)],
  );
  // Grouped once: filtering the periods per unit is quadratic over a national list.
  const periodsOf = new Map<string, PeriodRow[]>();
  for (const p of periods) periodsOf.set(p.code, [...(periodsOf.get(p.code) ?? []), p]);
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
          periods: (periodsOf.get(u.code) ?? []).map((p) => ({ name: p.name, type: p.type, parentCode: p.parent_code, validFrom: p.valid_from, validTo: p.valid_to })),
        },
      },
    ]),
  );
}

async function saveUnits(manager: EntityManager, units: Array<{ state: EstablishedUnit; version: number }>): Promise<void> {
  const codes = units.map((u) => u.state.code);
  const last = (u: EstablishedUnit) => u.periods[u.periods.length - 1];
  await manager.query(`DELETE FROM "${S}".unit_periods WHERE code = ANY($1::text[])`, [codes]);
  await manager.query(
    `INSERT INTO "${S}".units (code, level, kind, name, type, parent_code, valid_from, valid_to, merged_into, dissolved, version)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[], $9::text[], $10::bool[], $11::int[])
     ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, kind = EXCLUDED.kind, name = EXCLUDED.name, type = EXCLUDED.type,
       parent_code = EXCLUDED.parent_code, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
       merged_into = EXCLUDED.merged_into, dissolved = EXCLUDED.dissolved, version = EXCLUDED.version`,
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
