import { EntityManager } from 'typeorm';
import { RecordedEvent, ReplayWindow } from '@reform/event-store';
import { ASSIGNMENT_EVENT_TYPES } from '../../domain/assignment/assignment.decider';

/** Events' positions per transaction of the set-based part: about a second of work each, so no transaction id is held long (ADR 0003). */
const CHUNK_POSITIONS = 50_000;
/** Streams per transaction of the part folded in this process. */
const FOLDED_STREAMS = 1_000;

/**
 * The set-based rebuild of `assignments` and `plan_progress` (ADR 0033). A national fan-out makes
 * hundreds of thousands of streams that hold one event, their `AssignmentCreated`, when a
 * rebuild runs: their rows are built inside PostgreSQL, `INSERT ... SELECT` from the events
 * table, without sending 1.3 KB of event and 1.2 KB of state per row through this process. Every
 * other stream (accepted, reported, overdue ...) is folded here with the decider's `evolve`,
 * through the projection's own `apply`, a thousand streams a transaction.
 *
 * The state of a fresh assignment is the decider's `evolve` of `AssignmentCreated` written in SQL:
 * the facts, and the lifecycle's starting values over them. `assignments.replay.int.spec.ts` holds
 * the two to each other for every kind of schedule, and the rebuild tests compare the rebuilt
 * tables with the live ones row for row.
 */
export async function replayAssignments(window: ReplayWindow, apply: (events: readonly RecordedEvent[], manager: EntityManager, schema: string) => Promise<void>): Promise<void> {
  const { events: E, schema: S, positions } = window;
  if (!positions) return;
  // Streams with more than their creation in the window: folded in this process.
  const folded: string[] = [];
  for (let from = BigInt(positions.first); from <= BigInt(positions.last); from += BigInt(CHUNK_POSITIONS)) {
    const to = from + BigInt(CHUNK_POSITIONS) - 1n;
    const [{ streams, rows }] = await window.transaction((manager) =>
      manager.query(
        `WITH continued AS (
           SELECT DISTINCT e.stream_id FROM ${E} e
           WHERE e.global_position BETWEEN $1 AND $2 AND e.stream_version > 1 AND e.event_type = ANY($3::text[]) AND ${window.within('e')}
         ), created AS (
           SELECT e.data || jsonb_build_object(
               'status', 'ASSIGNED', 'percent', 0, 'note', null, 'evidence', '[]'::jsonb, 'result', null, 'completedOn', null, 'late', false,
               'fulfilledBy', null, 'cancelledReason', null,
               'dueOn', CASE WHEN e.data->'schedule'->>'kind' = 'once' THEN e.data->'schedule'->'dueOn' END,
               'extension', null, 'overdue', false, 'overdueDays', '[]'::jsonb, 'remindedDays', '[]'::jsonb, 'progressDays', '[]'::jsonb, 'acceptedOn', null
             ) AS s, e.recorded_at
           FROM ${E} e
           WHERE e.global_position BETWEEN $1 AND $2 AND e.stream_version = 1 AND e.event_type = 'AssignmentCreated' AND ${window.within('e')}
             AND NOT EXISTS (SELECT 1 FROM ${E} x WHERE x.stream_id = e.stream_id AND x.stream_version = 2 AND ${window.within('x')})
         ), saved AS (
           INSERT INTO "${S}".assignments (id, plan_id, task_id, unit_code, role, kind, status, percent, due_on, overdue, overdue_for, reminded_for,
             assigner_code, lead_codes, monitoring_codes, plan_number, plan_title, task_text, last_note, updated_at, version, state)
           SELECT s->>'id', s->>'planId', s->>'taskId', s->>'unitCode', s->>'role', s->>'kind', 'ASSIGNED', 0,
             -- nextDueOn of a fresh assignment: a once schedule's day, a periodic one's first period's end.
             (CASE s->'schedule'->>'kind' WHEN 'once' THEN s->'schedule'->>'dueOn' WHEN 'periodic' THEN s->'schedule'->'periods'->0->>'to' END)::date,
             false, null, null, s->>'assignerCode',
             ARRAY(SELECT jsonb_array_elements_text(s->'leadCodes')), ARRAY(SELECT jsonb_array_elements_text(s->'monitoringCodes')),
             s->>'planNumber', s->>'planTitle', s->>'taskText', null, recorded_at, 1, s
           FROM created
           RETURNING plan_id, unit_code, kind, status, overdue
         ), counted AS (
           INSERT INTO "${S}".plan_progress AS p (plan_id, unit_code, status, overdue, n)
           SELECT plan_id, unit_code, status, overdue, count(*) FROM saved WHERE kind = 'TASK'
           GROUP BY plan_id, unit_code, status, overdue ORDER BY plan_id, unit_code, status, overdue
           ON CONFLICT (plan_id, unit_code, status, overdue) DO UPDATE SET n = p.n + EXCLUDED.n
         )
         SELECT (SELECT coalesce(array_agg(stream_id), '{}') FROM continued) AS streams, (SELECT count(*)::int FROM saved) AS rows`,
        [from.toString(), to.toString(), ASSIGNMENT_EVENT_TYPES],
      ),
    );
    folded.push(...(streams as string[]));
    if (rows) await window.progress(rows);
  }
  const unique = [...new Set(folded)];
  for (let i = 0; i < unique.length; i += FOLDED_STREAMS) {
    const streams = unique.slice(i, i + FOLDED_STREAMS);
    const events = await window.transaction(async (manager) => {
      // Whole streams from their first event: `apply` folds each from the start and reads nothing before.
      const events = await window.read(manager, `e.stream_id = ANY($1::text[]) AND e.event_type = ANY($2::text[])`, [streams, ASSIGNMENT_EVENT_TYPES]);
      if (events.length) await apply(events, manager, S);
      return events.length;
    });
    await window.progress(events);
  }
}
