import { PlanIssuedV1, PublishedTask } from '@reform/contracts';
import { AssignmentFacts, AssignmentRole } from '../../domain/assignment/assignment.decider';
import { scheduleFor } from '../../domain/assignment/schedule';
import { assignmentId, IMPLEMENTING_PLAN_TASK } from '../assignment-id';

export interface PlanFacts {
  readonly planId: string;
  readonly number: string;
  readonly title: string;
  readonly issuerCode: string;
  readonly year: number;
  /** The years the plan runs (PlanIssued v1's `years`); absent: its one year. */
  readonly years?: { readonly from: number; readonly to: number | null };
}

/** Every assignment of one task: one per implementing unit, one per lead unit (it answers for the task). */
export function* assignmentsOfTask(plan: PlanFacts, task: PublishedTask, assignedOn: string): Generator<AssignmentFacts> {
  const schedule = scheduleFor(task, { years: plan.years ?? { from: plan.year, to: plan.year }, assignedOn });
  const units: Array<[string, AssignmentRole]> = [
    ...task.implementing.map((code): [string, AssignmentRole] => [code, 'IMPLEMENTING']),
    ...task.lead.map((code): [string, AssignmentRole] => [code, 'LEAD']),
  ];
  for (const [unitCode, role] of units) {
    yield {
      id: assignmentId({ planId: plan.planId, taskId: task.taskId, unitCode, role, kind: 'TASK' }),
      planId: plan.planId,
      taskId: task.taskId,
      planNumber: plan.number,
      planTitle: plan.title,
      planYear: plan.year,
      taskText: task.text,
      target: task.target,
      timeframeText: task.timeframe.text,
      unitCode,
      role,
      kind: 'TASK',
      assignerCode: plan.issuerCode,
      monitoringCodes: task.monitoring,
      leadCodes: task.lead,
      schedule,
      assignedOn,
    };
  }
}

/**
 * What issuing a plan assigns, lazily (a national plan is ≈500,000 of them): the tasks' assignments,
 * then one IMPLEMENTING_PLAN obligation per unit of the cascade.
 */
export function* assignmentsOfPlan(plan: PlanIssuedV1): Generator<AssignmentFacts> {
  for (const task of plan.tasks) yield* assignmentsOfTask(plan, task, plan.issuedOn);
  if (!plan.cascade) return;
  for (const unitCode of plan.cascade.unitCodes) {
    yield {
      id: obligationId(plan.planId, unitCode),
      planId: plan.planId,
      taskId: IMPLEMENTING_PLAN_TASK,
      planNumber: plan.number,
      planTitle: plan.title,
      planYear: plan.year,
      taskText: plan.cascade.text,
      target: null,
      timeframeText: plan.cascade.text,
      unitCode,
      role: 'IMPLEMENTING',
      kind: 'IMPLEMENTING_PLAN',
      assignerCode: plan.issuerCode,
      monitoringCodes: [],
      leadCodes: [],
      schedule: { kind: 'once', dueOn: plan.cascade.dueOn },
      assignedOn: plan.issuedOn,
    };
  }
}

export function obligationId(planId: string, unitCode: string): string {
  return assignmentId({ planId, taskId: IMPLEMENTING_PLAN_TASK, unitCode, role: 'IMPLEMENTING', kind: 'IMPLEMENTING_PLAN' });
}
