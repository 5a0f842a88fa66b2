import { EntityManager } from 'typeorm';
import { fold } from '@reform/decider';
import { Projection, RecordedEvent } from '@reform/event-store';
import { PostgresUnitHierarchy } from '@reform/unit-hierarchy';
import { CYCLE_EVENT_TYPES, cycleDecider, CycleState } from '../../domain/cycle/cycle.decider';
import { REGIME_EVENT_TYPES, regimeDecider, RegimeState } from '../../domain/regime/regime.decider';
import { Report, REPORT_EVENT_TYPES, reportDecider } from '../../domain/report/report.decider';
import { REPORTING_SCHEMA } from '../../schema';

function byStream(events: readonly RecordedEvent[], prefix: string): Map<string, RecordedEvent[]> {
  const map = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    if (!event.streamId.startsWith(prefix)) continue;
    const id = event.streamId.slice(prefix.length);
    const list = map.get(id);
    if (list) list.push(event);
    else map.set(id, [event]);
  }
  return map;
}

/** Each stream's state folded onto the row's (idempotent: events at or below the row's version are skipped). */
async function folded<S>(
  manager: EntityManager,
  table: string,
  streams: Map<string, RecordedEvent[]>,
  decider: { evolve(s: S, e: never): S; initialState: S },
): Promise<Array<{ id: string; state: S; version: number; at: Date; fresh: boolean }>> {
  const continued = [...streams].filter(([, list]) => list[0].streamVersion > 1).map(([id]) => id);
  const known: Array<{ id: string; version: number; state: S }> = continued.length
    ? await manager.query(`SELECT id, version, state FROM ${table} WHERE id = ANY($1::text[])`, [continued])
    : [];
  const before = new Map(known.map((row) => [row.id, row]));
  const out: Array<{ id: string; state: S; version: number; at: Date; fresh: boolean }> = [];
  for (const [id, list] of streams) {
    const row = before.get(id);
    const fresh = list.filter((event) => event.streamVersion > (row?.version ?? 0));
    if (!fresh.length) continue;
    const state = fold(decider as never, fresh as never, row?.state ?? decider.initialState) as S;
    out.push({ id, state, version: fresh[fresh.length - 1].streamVersion, at: fresh[fresh.length - 1].recordedAt, fresh: !row });
  }
  return out;
}

/**
 * `regimes`, `cycles` and `reports` from their streams, inline in the append's transaction; each
 * row keeps the state folded with the decider's own evolve, so a rebuild equals the live tables.
 * Reports are written in one statement per batch (opening a period appends thousands at once).
 * A new report's row gets its `path`: the unit and its ancestors up to the top, as the tree stood
 * on the day the period opened (from the service's unit copy, which a rebuild leaves in place), so
 * the completeness counts and the missing list place it in every subtree without walking the tree
 * again at query time.
 */
export const reportsProjection: Projection = {
  name: 'reports.v2',
  eventTypes: [...REGIME_EVENT_TYPES, ...CYCLE_EVENT_TYPES, ...REPORT_EVENT_TYPES],
  tables: ['regimes', 'cycles', 'reports'],
  async apply(events, manager, schema) {
    const S = schema ?? REPORTING_SCHEMA;
    for (const row of await folded<RegimeState>(manager, `"${S}".regimes`, byStream(events, 'regime-'), regimeDecider as never)) {
      if (row.state.status === 'NONE') continue;
      await manager.query(
        `INSERT INTO "${S}".regimes (id, owner_code, name, version, state) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version, state = EXCLUDED.state WHERE "${S}".regimes.version < EXCLUDED.version`,
        [row.id, row.state.ownerCode, row.state.name, row.version, JSON.stringify(row.state)],
      );
    }
    for (const row of await folded<CycleState>(manager, `"${S}".cycles`, byStream(events, 'cycle-'), cycleDecider as never)) {
      if (row.state.status === 'NONE') continue;
      await manager.query(
        `INSERT INTO "${S}".cycles (id, regime_id, period, owner_code, opened_on, version, state) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state WHERE "${S}".cycles.version < EXCLUDED.version`,
        [row.id, row.state.regimeId, row.state.period, row.state.ownerCode, row.state.openedOn, row.version, JSON.stringify(row.state)],
      );
    }
    const reports = (await folded<Report | { status: 'NONE' }>(manager, `"${S}".reports`, byStream(events, 'report-'), reportDecider as never)).filter(
      (row): row is { id: string; state: Report; version: number; at: Date; fresh: boolean } => row.state.status !== 'NONE',
    );
    if (reports.length) {
      const paths = await pathsOf(
        manager,
        S,
        reports.filter((r) => r.fresh).map((r) => r.state),
      );
      const document = reports.map((r) => ({ s: r.state, v: r.version, at: r.at, ru: r.state.reopened?.until ?? null, p: paths.get(r.id) ?? null }));
      await manager.query(
        `INSERT INTO "${S}".reports (id, regime_id, period, unit_code, reviewer_code, level, role, status, due_on, closes_on, submitted_on, late, reopened_until, updated_at, version, state, path)
         SELECT r.s->>'id', r.s->>'regimeId', r.s->>'period', r.s->>'unitCode', r.s->>'reviewerCode', r.s->>'level', r.s->>'role', r.s->>'status',
           (r.s->>'dueOn')::date, (r.s->>'closesOn')::date, (r.s->>'submittedOn')::date, (r.s->>'late')::bool, (r.ru)::date, r.at, r.v, r.s, COALESCE(r.p, ARRAY[r.s->>'unitCode'])
         FROM jsonb_to_recordset($1::jsonb) AS r(s jsonb, v int, at timestamptz, ru text, p text[])
         ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, submitted_on = EXCLUDED.submitted_on, late = EXCLUDED.late, reopened_until = EXCLUDED.reopened_until,
           updated_at = EXCLUDED.updated_at, version = EXCLUDED.version, state = EXCLUDED.state
         WHERE "${S}".reports.version < EXCLUDED.version`,
        [JSON.stringify(document)],
      );
    }
  },
};

/**
 * Each new report's path (its unit, then the unit's parents up to the top) on the day its period
 * opened: one walk up per period, level by level (`parentsUpTo`), over the service's unit copy,
 * which lives in the service's own schema even when a rebuild writes to its shadow schema.
 */
async function pathsOf(manager: EntityManager, schema: string, reports: readonly Report[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const byCycle = new Map<string, Report[]>();
  for (const report of reports) {
    const key = `${report.regimeId}|${report.period}`;
    const list = byCycle.get(key);
    if (list) list.push(report);
    else byCycle.set(key, [report]);
  }
  const hierarchy = new PostgresUnitHierarchy(manager, REPORTING_SCHEMA);
  for (const list of byCycle.values()) {
    const [cycle]: Array<{ opened_on: string }> = await manager.query(
      `SELECT to_char(opened_on, 'YYYY-MM-DD') AS opened_on FROM "${schema}".cycles WHERE regime_id = $1 AND period = $2`,
      [list[0].regimeId, list[0].period],
    );
    if (!cycle) continue;
    // No root: the walk goes to the top of the tree (a province, or the country's units above it).
    const parents = await hierarchy.parentsUpTo(
      '',
      list.map((report) => report.unitCode),
      cycle.opened_on,
    );
    for (const report of list) {
      const path = [report.unitCode];
      for (let parent = parents.get(report.unitCode); parent && path.length < 12 && !path.includes(parent); parent = parents.get(parent)) path.push(parent);
      out.set(report.id, path);
    }
  }
  return out;
}
