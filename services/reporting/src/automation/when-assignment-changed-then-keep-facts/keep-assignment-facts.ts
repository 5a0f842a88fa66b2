import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ASSIGNMENT_CONTRACTS,
  AssignmentCancelledV1,
  AssignmentCompletedV1,
  AssignmentCreatedV1,
  AssignmentExtensionGrantedV1,
  AssignmentOverdueV1,
  AssignmentPassedToSuccessorV1,
  AssignmentProgressReportedV1,
} from '@reform/contracts';
import { IntegrationItem, OnIntegrationEvent } from '@reform/messaging';
import { REPORTING_SCHEMA as S } from '../../schema';

type Happening = Record<string, unknown>;
const happening = <T>(of: (data: T) => Happening) => of as (data: unknown) => Happening;

/** Each dated happening kept of an assignment, by the event that tells it. */
const HAPPENINGS: Record<string, (data: unknown) => Happening> = {
  [AssignmentProgressReportedV1.name]: happening((d: AssignmentProgressReportedV1) => ({ type: 'progress', on: d.on, percent: d.percent, note: d.note })),
  [AssignmentCompletedV1.name]: happening((d: AssignmentCompletedV1) => ({ type: 'completed', on: d.on, late: d.late })),
  [AssignmentExtensionGrantedV1.name]: happening((d: AssignmentExtensionGrantedV1) => ({ type: 'extended', on: d.on, dueOn: d.dueOn })),
  [AssignmentOverdueV1.name]: happening((d: AssignmentOverdueV1) => ({ type: 'overdue', on: d.on, dueDay: d.dueDay })),
  [AssignmentCancelledV1.name]: happening((d: AssignmentCancelledV1) => ({ type: 'cancelled', on: d.on })),
};

/**
 * Keeps what the tasks service publishes of each task assignment (`assignment_facts`): the plan,
 * the unit, and each dated happening (progress, completion, extension, overdue, cancellation).
 * A period's opening pre-fills reports from it, filtered by the period's cut-off. One durable
 * consumer over the aggregate's subjects, in publication order; batches of up to 500 in one
 * transaction with their inbox rows.
 */
@Injectable()
export class KeepAssignmentFacts {
  @OnIntegrationEvent(ASSIGNMENT_CONTRACTS, { consumer: 'reporting.assignment-facts', batch: 500 })
  async keep(items: readonly IntegrationItem[], manager: EntityManager): Promise<void> {
    const created: AssignmentCreatedV1[] = [];
    const happenings: Array<{ id: string; h: Happening }> = [];
    const passed: AssignmentPassedToSuccessorV1[] = [];
    for (const { data, message } of items) {
      switch (message.name) {
        case AssignmentCreatedV1.name:
          created.push(data as AssignmentCreatedV1);
          break;
        case AssignmentPassedToSuccessorV1.name:
          passed.push(data as AssignmentPassedToSuccessorV1);
          break;
        default: {
          const happening = HAPPENINGS[message.name];
          if (happening) happenings.push({ id: (data as { assignmentId: string }).assignmentId, h: happening(data) });
        }
      }
    }
    if (created.length) {
      await manager.query(
        `INSERT INTO "${S}".assignment_facts (assignment_id, plan_id, unit_code, plan_number, task_text, assigned_on)
         SELECT r."assignmentId", r."planId", r."unitCode", r."planNumber", r."taskText", r."assignedOn"::date
         FROM jsonb_to_recordset($1::jsonb) AS r("assignmentId" text, "planId" text, "unitCode" text, "planNumber" text, "taskText" text, "assignedOn" text)
         ON CONFLICT (assignment_id) DO NOTHING`,
        [JSON.stringify(created)],
      );
    }
    // In order: a happening follows its creation (one consumer, publication order, the inbox dedupes).
    for (const { id, h } of happenings) {
      await manager.query(`UPDATE "${S}".assignment_facts SET happenings = happenings || $2::jsonb WHERE assignment_id = $1`, [id, JSON.stringify([h])]);
    }
    // Passed to a successor: the new unit owes it (and reports it) from then on; the passing is kept as a happening.
    for (const p of passed) {
      await manager.query(`UPDATE "${S}".assignment_facts SET unit_code = $2, happenings = happenings || $3::jsonb WHERE assignment_id = $1`, [
        p.assignmentId,
        p.toUnitCode,
        JSON.stringify([{ type: 'passed', on: p.on, from: p.fromUnitCode, to: p.toUnitCode }]),
      ]);
    }
  }
}
