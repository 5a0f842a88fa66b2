import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlanAmendedV1 } from '@reform/contracts';
import { OPEN_STATUSES } from '../../domain/assignment/assignment.decider';
import { scheduleFor } from '../../domain/assignment/schedule';
import { TASKS_SCHEMA as S } from '../../schema';
import { BatchOptions, commandAssignments, createAssignments } from '../../write/common/assignment-batches';
import { assignmentsOfTask, PlanFacts } from '../when-plan-issued-then-create-assignments/assignments-of-plan';

/**
 * Plan amended → assignments for the added tasks; the removed tasks' open assignments cancelled
 * with the amendment's reason; the rescheduled tasks' open assignments moved to the new
 * schedule. Completed ones stay as they are: what was done was done.
 */
export async function adjustAssignments(amendment: PlanAmendedV1, manager: EntityManager, options: BatchOptions, logger: Logger): Promise<void> {
  const [plan]: Array<{ plan_id: string; number: string; title: string; issuer_code: string; year: number }> = await manager.query(
    `SELECT plan_id, number, title, issuer_code, year FROM "${S}".known_plans WHERE plan_id = $1`,
    [amendment.planId],
  );
  if (!plan) {
    // Issued before this service listened: there is nothing of it here to adjust.
    logger.warn(`Amendment ${amendment.revision} of unknown plan ${amendment.planId} ignored`);
    return;
  }
  const facts: PlanFacts = {
    planId: plan.plan_id,
    number: plan.number,
    title: plan.title,
    issuerCode: plan.issuer_code,
    year: plan.year,
    years: amendment.years,
  };
  const reason = `Điều chỉnh kế hoạch (lần ${amendment.revision - 1}): ${amendment.reason}`;

  if (amendment.addedTasks.length)
    await createAssignments(
      (function* () {
        for (const task of amendment.addedTasks) yield* assignmentsOfTask(facts, task, amendment.amendedOn);
      })(),
      options,
    );

  if (amendment.removedTaskIds.length) {
    const ids = await openAssignmentIds(manager, amendment.planId, amendment.removedTaskIds);
    await commandAssignments(ids, () => ({ type: 'CancelAssignment', data: { reason, on: amendment.amendedOn } }), options);
  }
  for (const task of amendment.rescheduledTasks) {
    // From the amendment on: periods already gone were settled (or marked overdue) under the old schedule.
    const schedule = scheduleFor(task, { years: facts.years ?? { from: facts.year, to: facts.year }, assignedOn: amendment.amendedOn });
    const ids = await openAssignmentIds(manager, amendment.planId, [task.taskId]);
    await commandAssignments(
      ids,
      () => ({ type: 'RescheduleAssignment', data: { schedule, timeframeText: task.timeframe.text, reason, on: amendment.amendedOn } }),
      options,
    );
  }
}

export async function openAssignmentIds(manager: EntityManager, planId: string, taskIds: readonly string[] | null): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM "${S}".assignments WHERE plan_id = $1 AND ($2::text[] IS NULL OR task_id = ANY($2::text[])) AND status = ANY($3::text[]) ORDER BY id`,
    [planId, taskIds, OPEN_STATUSES],
  );
  return rows.map((row) => row.id);
}
