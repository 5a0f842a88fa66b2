import { EntityManager } from 'typeorm';
import { fold } from '@reform/decider';
import { Projection, RecordedEvent } from '@reform/event-store';
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
async function folded<S>(manager: EntityManager, table: string, streams: Map<string, RecordedEvent[]>, decider: { evolve(s: S, e: never): S; initialState: S }): Promise<Array<{ id: string; state: S; version: number; at: Date }>> {
  const continued = [...streams].filter(([, list]) => list[0].streamVersion > 1).map(([id]) => id);
  const known: Array<{ id: string; version: number; state: S }> = continued.length ? await manager.query(`SELECT id, version, state FROM ${table} WHERE id = ANY($1::text[])`, [continued]) : [];
  const before = new Map(known.map((row) => [row.id, row]));
  const out: Array<{ id: string; state: S; version: number; at: Date }> = [];
  for (const [id, list] of streams) {
    const row = before.get(id);
    const fresh = list.filter((event) => event.streamVersion > (row?.version ?? 0));
    if (!fresh.length) continue;
    const state = fold(decider as never, fresh as never, row?.state ?? decider.initialState) as S;
    out.push({ id, state, version: fresh[fresh.length - 1].streamVersion, at: fresh[fresh.length - 1].recordedAt });
  }
  return out;
}

/**
 * `regimes`, `cycles` and `reports` from their streams, inline in the append's transaction; each
 * row keeps the state folded with the decider's own evolve, so a rebuild equals the live tables.
 * Reports are written in one statement per batch (opening a period appends thousands at once).
 */
export const reportsProjection: Projection = {
  name: 'reports.v1',
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
      (row): row is { id: string; state: Report; version: number; at: Date } => row.state.status !== 'NONE',
    );
    if (reports.length) {
      const document = reports.map((r) => ({ s: r.state, v: r.version, at: r.at, ru: r.state.reopened?.until ?? null }));
      await manager.query(
        `INSERT INTO "${S}".reports (id, regime_id, period, unit_code, reviewer_code, level, role, status, due_on, closes_on, submitted_on, late, reopened_until, updated_at, version, state)
         SELECT r.s->>'id', r.s->>'regimeId', r.s->>'period', r.s->>'unitCode', r.s->>'reviewerCode', r.s->>'level', r.s->>'role', r.s->>'status',
           (r.s->>'dueOn')::date, (r.s->>'closesOn')::date, (r.s->>'submittedOn')::date, (r.s->>'late')::bool, (r.ru)::date, r.at, r.v, r.s
         FROM jsonb_to_recordset($1::jsonb) AS r(s jsonb, v int, at timestamptz, ru text)
         ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, submitted_on = EXCLUDED.submitted_on, late = EXCLUDED.late, reopened_until = EXCLUDED.reopened_until,
           updated_at = EXCLUDED.updated_at, version = EXCLUDED.version, state = EXCLUDED.state
         WHERE "${S}".reports.version < EXCLUDED.version`,
        [JSON.stringify(document)],
      );
    }
  },
};
