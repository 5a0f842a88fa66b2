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
  await manager.query(
    `INSERT INTO "${S}".assignments (id, plan_id, task_id, unit_code, role, kind, status, percent, due_on, overdue, overdue_for, reminded_for,
       assigner_code, lead_codes, monitoring_codes, plan_number, plan_title, task_text, last_note, updated_at, version, state)
     SELECT id, plan_id, task_id, unit_code, role, kind, status, percent, due_on, overdue, overdue_for, reminded_for, assigner_code,
       ARRAY(SELECT jsonb_array_elements_text(lead_codes)), ARRAY(SELECT jsonb_array_elements_text(monitoring_codes)),
       plan_number, plan_title, task_text, last_note, updated_at, version, state
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::date[], $10::bool[], $11::date[], $12::date[],
       $13::text[], $14::jsonb[], $15::jsonb[], $16::text[], $17::text[], $18::text[], $19::text[], $20::timestamptz[], $21::int[], $22::jsonb[])
       AS t(id, plan_id, task_id, unit_code, role, kind, status, percent, due_on, overdue, overdue_for, reminded_for, assigner_code, lead_codes, monitoring_codes,
            plan_number, plan_title, task_text, last_note, updated_at, version, state)
     ON CONFLICT (id) DO UPDATE SET unit_code = EXCLUDED.unit_code, status = EXCLUDED.status, percent = EXCLUDED.percent, due_on = EXCLUDED.due_on, overdue = EXCLUDED.overdue,
       overdue_for = EXCLUDED.overdue_for, reminded_for = EXCLUDED.reminded_for, last_note = EXCLUDED.last_note, updated_at = EXCLUDED.updated_at,
       version = EXCLUDED.version, state = EXCLUDED.state
     WHERE "${S}".assignments.version < EXCLUDED.version`,
    [
      rows.map((r) => r.state.id),
      rows.map((r) => r.state.planId),
      rows.map((r) => r.state.taskId),
      rows.map((r) => r.state.unitCode),
      rows.map((r) => r.state.role),
      rows.map((r) => r.state.kind),
      rows.map((r) => r.state.status),
      rows.map((r) => r.state.percent),
      rows.map((r) => nextDueOn(r.state)),
      rows.map((r) => r.state.overdue),
      rows.map((r) => last(r.state.overdueDays)),
      rows.map((r) => last(r.state.remindedDays)),
      rows.map((r) => r.state.assignerCode),
      rows.map((r) => JSON.stringify(r.state.leadCodes)),
      rows.map((r) => JSON.stringify(r.state.monitoringCodes)),
      rows.map((r) => r.state.planNumber),
      rows.map((r) => r.state.planTitle),
      rows.map((r) => r.state.taskText),
      rows.map((r) => r.state.note),
      rows.map((r) => r.updatedAt.toISOString()),
      rows.map((r) => r.version),
      rows.map((r) => JSON.stringify(r.state)),
    ],
  );
}
