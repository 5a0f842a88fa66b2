import { EntityManager } from 'typeorm';
import { fold } from '@reform/decider';
import { Projection, RecordedEvent } from '@reform/event-store';
import { Assignment, ASSIGNMENT_EVENT_TYPES, AssignmentEvent, assignmentDecider, nextDueOn } from '../../domain/assignment/assignment.decider';
import { TASKS_SCHEMA } from '../../schema';

const idOf = (streamId: string) => streamId.replace(/^assignment-/, '');

/**
 * `assignments` from Assignment events, inline in the append's transaction. Each row keeps the
 * state folded with the decider's own evolve and the last version applied: events at or below
 * it are skipped (idempotent), so a rebuild from the store equals the live table. Written in one
 * statement per batch: a fan-out chunk of 2,000 assignments is one INSERT.
 */
export const assignmentsProjection: Projection = {
  name: 'assignments.v1',
  eventTypes: ASSIGNMENT_EVENT_TYPES,
  tables: ['assignments'],
  async apply(events: readonly RecordedEvent[], manager: EntityManager, schema?: string): Promise<void> {
    const S = schema ?? TASKS_SCHEMA;
    const byId = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const id = idOf(event.streamId);
      const list = byId.get(id);
      if (list) list.push(event);
      else byId.set(id, [event]);
    }
    const known: Array<{ id: string; version: number; state: Assignment }> = await manager.query(`SELECT id, version, state FROM "${S}".assignments WHERE id = ANY($1::text[])`, [[...byId.keys()]]);
    const before = new Map(known.map((row) => [row.id, row]));
    const rows: Array<{ state: Assignment; version: number; updatedAt: Date }> = [];
    for (const [id, list] of byId) {
      const row = before.get(id);
      const fresh = list.filter((event) => event.streamVersion > (row?.version ?? 0));
      if (fresh.length === 0) continue;
      const state = fold(assignmentDecider, fresh as unknown as AssignmentEvent[], row?.state ?? assignmentDecider.initialState);
      if (state.status === 'NONE') continue;
      const last = fresh[fresh.length - 1];
      rows.push({ state, version: last.streamVersion, updatedAt: last.recordedAt });
    }
    if (rows.length) await saveAssignments(manager, S, rows);
  },
};

async function saveAssignments(manager: EntityManager, S: string, rows: Array<{ state: Assignment; version: number; updatedAt: Date }>): Promise<void> {
  const last = (days: readonly string[]) => (days.length ? days[days.length - 1] : null);
  // The whole batch as one jsonb parameter (one JSON.stringify, parsed once by the server):
  // about twice as fast as 22 array parameters, whose every element node-postgres escapes.
  await manager.query(
    `INSERT INTO "${S}".assignments (id, plan_id, task_id, unit_code, role, kind, status, percent, due_on, overdue, overdue_for, reminded_for,
       assigner_code, lead_codes, monitoring_codes, plan_number, plan_title, task_text, last_note, updated_at, version, state)
     SELECT id, plan_id, task_id, unit_code, role, kind, status, percent, due_on, overdue, overdue_for, reminded_for, assigner_code,
       lead_codes, monitoring_codes, plan_number, plan_title, task_text, last_note, updated_at, version, state
     FROM jsonb_to_recordset($1::jsonb) AS t(id text, plan_id text, task_id text, unit_code text, role text, kind text, status text, percent int, due_on date,
       overdue bool, overdue_for date, reminded_for date, assigner_code text, lead_codes text[], monitoring_codes text[], plan_number text, plan_title text,
       task_text text, last_note text, updated_at timestamptz, version int, state jsonb)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, percent = EXCLUDED.percent, due_on = EXCLUDED.due_on, overdue = EXCLUDED.overdue,
       overdue_for = EXCLUDED.overdue_for, reminded_for = EXCLUDED.reminded_for, last_note = EXCLUDED.last_note, updated_at = EXCLUDED.updated_at,
       version = EXCLUDED.version, state = EXCLUDED.state
     WHERE "${S}".assignments.version < EXCLUDED.version`,
    [
      JSON.stringify(
        rows.map((r) => ({
          id: r.state.id,
          plan_id: r.state.planId,
          task_id: r.state.taskId,
          unit_code: r.state.unitCode,
          role: r.state.role,
          kind: r.state.kind,
          status: r.state.status,
          percent: r.state.percent,
          due_on: nextDueOn(r.state),
          overdue: r.state.overdue,
          overdue_for: last(r.state.overdueDays),
          reminded_for: last(r.state.remindedDays),
          assigner_code: r.state.assignerCode,
          lead_codes: r.state.leadCodes,
          monitoring_codes: r.state.monitoringCodes,
          plan_number: r.state.planNumber,
          plan_title: r.state.planTitle,
          task_text: r.state.taskText,
          last_note: r.state.note,
          updated_at: r.updatedAt.toISOString(),
          version: r.version,
          state: r.state,
        })),
      ),
    ],
  );
}
