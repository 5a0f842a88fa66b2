import { EntityManager } from 'typeorm';
import { fold } from '@reform/decider';
import { Projection, RecordedEvent } from '@reform/event-store';
import { Assignment, ASSIGNMENT_EVENT_TYPES, AssignmentEvent, assignmentDecider, nextDueOn } from '../../domain/assignment/assignment.decider';
import { TASKS_SCHEMA } from '../../schema';
import { replayAssignments } from './assignments.replay';
import { fromStored, StoredAssignment, toStored } from './stored-assignment';

const idOf = (streamId: string) => streamId.replace(/^assignment-/, '');

/**
 * `assignments` from Assignment events, inline in the append's transaction. Each row keeps the
 * state folded with the decider's own evolve and the last version applied: events at or below
 * it are skipped (idempotent), so a rebuild from the store equals the live table. Written in one
 * statement per batch: a fan-out chunk of 2,000 assignments is one INSERT.
 *
 * The same statement keeps `plan_progress`, the roll-ups' counts of task assignments per plan ×
 * assignee unit × the unit it was first assigned to (`origin_code`: the same unless the
 * reorganisation passed it on) × status × overdue: each row it actually inserts or changes adds one to its new
 * count and takes one from its old one, so the counts are the table's, always, replay or not.
 *
 * A stream whose events here start at version 1 needs no earlier state: it is folded from the
 * start, and a row already there (a replay) is left alone by the version guard. So a fan-out's
 * chunk reads nothing before it writes.
 *
 * A rebuild replays it set-based (`replay`, ADR 0033): the streams that hold only their creation
 * are built inside PostgreSQL, the others folded here by `apply`.
 */
export const assignmentsProjection: Projection = {
  name: 'assignments.v2',
  eventTypes: ASSIGNMENT_EVENT_TYPES,
  tables: ['assignments', 'plan_progress'],
  async apply(events: readonly RecordedEvent[], manager: EntityManager, schema?: string): Promise<void> {
    const S = schema ?? TASKS_SCHEMA;
    const byId = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const id = idOf(event.streamId);
      const list = byId.get(id);
      if (list) list.push(event);
      else byId.set(id, [event]);
    }
    const continued = [...byId].filter(([, list]) => list[0].streamVersion > 1).map(([id]) => id);
    const known: Array<{ id: string; version: number; state: StoredAssignment }> = continued.length
      ? await manager.query(`SELECT id, version, state FROM "${S}".assignments WHERE id = ANY($1::text[])`, [continued])
      : [];
    const before = new Map(known.map((row) => [row.id, row]));
    const rows: Array<{ state: Assignment; version: number; updatedAt: Date }> = [];
    for (const [id, list] of byId) {
      const row = before.get(id);
      const fresh = list.filter((event) => event.streamVersion > (row?.version ?? 0));
      if (fresh.length === 0) continue;
      const state = fold(assignmentDecider, fresh as unknown as AssignmentEvent[], row ? fromStored(row.state) : assignmentDecider.initialState);
      if (state.status === 'NONE') continue;
      const last = fresh[fresh.length - 1];
      rows.push({ state, version: last.streamVersion, updatedAt: last.recordedAt });
    }
    if (rows.length === 0) return;
    await saveAssignments(manager, S, rows);
    // A count that fell to zero goes: a replay that folds several events at once never writes
    // the intermediate status, so the table stays what a rebuild makes of it. The unit an
    // assignment was passed from (a reorganisation) counts one less too: its zero goes as well.
    if (before.size) {
      const keys = rows.flatMap((r) => {
        const left = before.get(r.state.id)?.state.unitCode;
        return left && left !== r.state.unitCode
          ? [
              [r.state.planId, r.state.unitCode],
              [r.state.planId, left],
            ]
          : [[r.state.planId, r.state.unitCode]];
      });
      await manager.query(`DELETE FROM "${S}".plan_progress WHERE n = 0 AND (plan_id, unit_code) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [
        keys.map((k) => k[0]),
        keys.map((k) => k[1]),
      ]);
    }
  },
  replay(window) {
    return replayAssignments(window, (events, manager, schema) => assignmentsProjection.apply(events, manager, schema));
  },
};

/**
 * One statement: the rows as they were (`old`, the statement's snapshot), the upsert (`saved`:
 * only rows inserted or moved to a later version), and the counts' deltas from both, applied in
 * key order (two chunks of one plan touching the same counts lock them in the same order).
 *
 * The rows travel as one jsonb document (each state with what the columns derive from it in
 * code), not as 22 parallel arrays: JSON.stringify is native, where the driver's array literals
 * escape every quote of every state in JavaScript — a fan-out's largest cost in this process.
 */
async function saveAssignments(manager: EntityManager, S: string, rows: Array<{ state: Assignment; version: number; updatedAt: Date }>): Promise<void> {
  const last = (days: readonly string[]) => (days.length ? days[days.length - 1] : null);
  const document = rows.map((r) => ({
    s: toStored(r.state),
    // The columns of the lifecycle, which the stored state leaves out while they hold their starting values.
    st: r.state.status,
    pc: r.state.percent,
    od: r.state.overdue,
    v: r.version,
    at: r.updatedAt,
    due: nextDueOn(r.state),
    of: last(r.state.overdueDays),
    rf: last(r.state.remindedDays),
  }));
  await manager.query(
    `WITH input AS (
       SELECT r.s->>'id' AS id, r.s->>'planId' AS plan_id, r.s->>'taskId' AS task_id, r.s->>'unitCode' AS unit_code, r.s->>'role' AS role, r.s->>'kind' AS kind,
         r.st AS status, r.pc AS percent, (r.due)::date AS due_on, r.od AS overdue, (r.of)::date AS overdue_for,
         (r.rf)::date AS reminded_for, r.s->>'assignerCode' AS assigner_code, r.s->>'planNumber' AS plan_number, r.at AS updated_at, r.v AS version, r.s AS state, COALESCE(r.s->'formerUnitCodes'->>0, r.s->>'unitCode') AS origin_code
       FROM jsonb_to_recordset($1::jsonb) AS r(s jsonb, st text, pc int, od boolean, v int, at timestamptz, due text, "of" text, rf text)
     ), old AS (
       SELECT a.id, a.unit_code, a.origin_code, a.status, a.overdue FROM "${S}".assignments a JOIN input USING (id) WHERE a.kind = 'TASK'
     ), saved AS (
       INSERT INTO "${S}".assignments (id, plan_id, task_id, unit_code, role, kind, status, percent, due_on, overdue, overdue_for, reminded_for,
         assigner_code, plan_number, updated_at, version, state, origin_code)
       SELECT * FROM input
       ON CONFLICT (id) DO UPDATE SET unit_code = EXCLUDED.unit_code, status = EXCLUDED.status, percent = EXCLUDED.percent, due_on = EXCLUDED.due_on, overdue = EXCLUDED.overdue,
         overdue_for = EXCLUDED.overdue_for, reminded_for = EXCLUDED.reminded_for, updated_at = EXCLUDED.updated_at,
         version = EXCLUDED.version, state = EXCLUDED.state
       WHERE "${S}".assignments.version < EXCLUDED.version
       RETURNING id, plan_id, unit_code, origin_code, kind, status, overdue
     ), delta AS (
       SELECT plan_id, unit_code, origin_code, status, overdue, sum(d)::int AS d FROM (
         SELECT plan_id, unit_code, origin_code, status, overdue, 1 AS d FROM saved WHERE kind = 'TASK'
         UNION ALL
         SELECT saved.plan_id, old.unit_code, old.origin_code, old.status, old.overdue, -1 FROM saved JOIN old USING (id)
       ) changes GROUP BY plan_id, unit_code, origin_code, status, overdue HAVING sum(d) <> 0
     )
     INSERT INTO "${S}".plan_progress (plan_id, unit_code, origin_code, status, overdue, n)
     SELECT plan_id, unit_code, origin_code, status, overdue, d FROM delta ORDER BY plan_id, unit_code, origin_code, status, overdue
     ON CONFLICT (plan_id, unit_code, origin_code, status, overdue) DO UPDATE SET n = "${S}".plan_progress.n + EXCLUDED.n`,
    [JSON.stringify(document)],
  );
}
