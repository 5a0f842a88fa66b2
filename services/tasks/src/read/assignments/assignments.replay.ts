import { EntityManager } from 'typeorm';
import { RecordedEvent, ReplayWindow } from '@reform/event-store';
import { ASSIGNMENT_EVENT_TYPES } from '../../domain/assignment/assignment.decider';

/** Streams per transaction of the part folded in this process. */
const FOLDED_STREAMS = 1_000;

/**
 * The set-based rebuild of `assignments` and `plan_progress` (ADR 0033). A national fan-out makes
 * hundreds of thousands of streams that hold one event, their `AssignmentCreated`, when a
 * rebuild runs: their rows are built inside PostgreSQL, `INSERT ... SELECT` from the events
 * table, two chunks at a time, into the copies stripped of their indexes (built again after, one
 * sort each), and counted into `plan_progress` by each chunk, the partial counts added up at the end — without sending 0.6 KB of event
 * and 1 KB of state per row through this process. Every other stream (accepted, reported,
 * overdue ...) is then folded here with the decider's `evolve`, through the projection's `apply`,
 * a thousand streams a transaction.
 *
 * The row of a fresh assignment is the decider's `evolve` of `AssignmentCreated` written in SQL:
 * its columns from the facts and the lifecycle's starting values, its stored state the event's
 * data as it is (`toStored` leaves out the starting values, stored-assignment.ts), so no jsonb
 * document is built per row. `assignments-replay.int.spec.ts`
 * holds the two to each other for every kind of schedule, role and kind, and the rebuild tests
 * compare the rebuilt tables with the live ones row for row.
 */
export async function replayAssignments(
  window: ReplayWindow,
  apply: (events: readonly RecordedEvent[], manager: EntityManager, schema: string) => Promise<void>,
): Promise<void> {
  const { events: E, schema: S, positions } = window;
  if (!positions) return;
  // Streams with more than their creation in the window: folded in this process (one scan).
  const [{ folded }]: Array<{ folded: string[] }> = await window.transaction((manager) =>
    manager.query(
      `SELECT coalesce(array_agg(DISTINCT e.stream_id), '{}') AS folded FROM ${E} e
       WHERE e.stream_version > 1 AND e.event_type = ANY($1::text[]) AND ${window.within('e')}`,
      [ASSIGNMENT_EVENT_TYPES],
    ),
  );
  const chunks: Array<() => Promise<void>> = [];
  for (let from = BigInt(positions.first); from <= BigInt(positions.last); from += BigInt(window.chunkPositions)) {
    const to = from + BigInt(window.chunkPositions) - 1n;
    chunks.push(async () => {
      const rows = await window.transaction(async (manager) => {
        // The facts are read from each event once (jsonb_to_record); the stored state is the event's data.
        const [{ rows }]: Array<{ rows: number }> = await manager.query(
          `WITH saved AS (
           INSERT INTO "${S}".assignments (id, plan_id, task_id, unit_code, role, kind, status, percent, due_on, overdue, overdue_for, reminded_for,
             assigner_code, plan_number, updated_at, version, state, origin_code)
           SELECT f.id, f."planId", f."taskId", f."unitCode", f.role, f.kind, 'ASSIGNED', 0,
             -- nextDueOn of a fresh assignment: a once schedule's day, a periodic one's first period's end.
             (CASE f.schedule->>'kind' WHEN 'once' THEN f.schedule->>'dueOn' WHEN 'periodic' THEN f.schedule->'periods'->0->>'to' END)::date,
             false, null, null, f."assignerCode", f."planNumber", e.recorded_at, 1,
             -- The stored state of an assignment that holds only its creation: its facts as stored (stored-assignment.ts).
             e.data,
             -- Only its creation: never passed on, so the unit it was first given to is its unit (ADR 0029).
             f."unitCode"
           FROM ${E} e CROSS JOIN LATERAL jsonb_to_record(e.data) AS f(id text, "planId" text, "taskId" text, "unitCode" text, role text, kind text,
             "assignerCode" text, "planNumber" text, schedule jsonb)
           WHERE e.global_position BETWEEN $1 AND $2 AND e.stream_version = 1 AND e.event_type = 'AssignmentCreated' AND ${window.within('e')}
             AND e.stream_id <> ALL($3::text[])
           RETURNING plan_id, unit_code, kind
           ),
           -- This chunk's counts, added up with the other chunks' once all are in: every row here is
           -- fresh (ASSIGNED, not overdue, at the unit it was given to), so only plan and unit vary.
           counted AS (
             INSERT INTO "${S}".plan_progress (plan_id, unit_code, origin_code, status, overdue, n)
             SELECT plan_id, unit_code, unit_code, 'ASSIGNED', false, count(*) FROM saved WHERE kind = 'TASK' GROUP BY plan_id, unit_code
           ) SELECT count(*)::int AS rows FROM saved`,
          [from.toString(), to.toString(), folded],
        );
        return rows;
      });
      if (rows) await window.progress(rows);
    });
  }
  await window.withoutIndexes(['assignments', 'plan_progress'], async () => {
    await window.concurrently(chunks);
    // One row a key from the chunks' partial counts: a few thousand rows, where counting the
    // loaded assignments again read the whole table (a second on a national fan-out) on one core.
    // Beside it, on the other core, the loaded assignments' statistics.
    await window.concurrently([
      () =>
        window.transaction((manager) =>
          manager.query(
            `WITH partial AS (DELETE FROM "${S}".plan_progress RETURNING plan_id, unit_code, origin_code, status, overdue, n)
             INSERT INTO "${S}".plan_progress (plan_id, unit_code, origin_code, status, overdue, n)
             SELECT plan_id, unit_code, origin_code, status, overdue, sum(n)::int FROM partial GROUP BY plan_id, unit_code, origin_code, status, overdue`,
          ),
        ),
      () => window.analyze('assignments'),
    ]);
  });
  for (let i = 0; i < folded.length; i += FOLDED_STREAMS) {
    const streams = folded.slice(i, i + FOLDED_STREAMS);
    const events = await window.transaction(async (manager) => {
      // Whole streams from their first event: `apply` folds each from the start and reads nothing before.
      const events = await window.read(manager, `e.stream_id = ANY($1::text[]) AND e.event_type = ANY($2::text[])`, [streams, ASSIGNMENT_EVENT_TYPES]);
      if (events.length) await apply(events, manager, S);
      return events.length;
    });
    await window.progress(events);
  }
}
