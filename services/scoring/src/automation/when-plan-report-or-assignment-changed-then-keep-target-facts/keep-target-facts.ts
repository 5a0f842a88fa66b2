import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ASSIGNMENT_CONTRACTS,
  AssignmentCancelledV1,
  AssignmentCompletedV1,
  AssignmentCreatedV1,
  AssignmentPassedToSuccessorV1,
  PlanAmendedV1,
  PlanIssuedV1,
  PublishedTask,
  RegimeDefinedV1,
  REPORT_CONTRACTS,
  ReportAcceptedV1,
  ReportApprovedV1,
  ReportSubmittedV1,
} from '@reform/contracts';
import { IntegrationItem, IntegrationMessage, OnIntegrationEvent } from '@reform/messaging';
import { SCORING_SCHEMA as S } from '../../schema';

const setColumn = <T>(column: string, value: (data: T) => unknown) => ({ column, value: value as (data: unknown) => unknown });

/** What a later assignment event changes of the assignment's row: a column and its new value. */
const ASSIGNMENT_CHANGES: Record<string, ReturnType<typeof setColumn>> = {
  [AssignmentCompletedV1.name]: setColumn('completed_on', (d: AssignmentCompletedV1) => d.on),
  [AssignmentCancelledV1.name]: setColumn('cancelled', () => true),
  [AssignmentPassedToSuccessorV1.name]: setColumn('unit_code', (d: AssignmentPassedToSuccessorV1) => d.toUnitCode),
};

/**
 * Keeps what target achievement compares (read/target-achievement): each plan task's target as
 * the plans service read it, the task's assignments and their completion (tasks), the data items
 * that measure a task and the reports' figures with their acceptance (reporting). Each source has
 * its own durable consumer (one per aggregate, in publication order); the comparison itself is
 * made when asked, so the order between sources does not matter. Consumer names are fixed.
 */
@Injectable()
export class KeepTargetFacts {
  @OnIntegrationEvent([PlanIssuedV1, PlanAmendedV1], { consumer: 'scoring.target-tasks' })
  async plan(data: PlanIssuedV1 | PlanAmendedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> {
    if (message.name === PlanIssuedV1.name) {
      const plan = data as PlanIssuedV1;
      await keepTasks(manager, plan.planId, plan.tasks, 0, lastDay(plan.years ?? { from: plan.year, to: plan.year }));
    } else if (message.name === PlanAmendedV1.name) {
      const amended = data as PlanAmendedV1;
      const planLastDay = amended.years ? lastDay(amended.years) : undefined;
      if (amended.removedTaskIds.length)
        await manager.query(`DELETE FROM "${S}".target_tasks WHERE plan_id = $1 AND task_id = ANY($2::text[])`, [amended.planId, amended.removedTaskIds]);
      const [{ next }] = await manager.query(`SELECT coalesce(max(position) + 1, 0)::int AS next FROM "${S}".target_tasks WHERE plan_id = $1`, [
        amended.planId,
      ]);
      await keepTasks(manager, amended.planId, amended.addedTasks, next, planLastDay);
      for (const task of amended.rescheduledTasks) {
        const due = task.dueOn ?? planLastDay;
        if (due !== undefined)
          await manager.query(`UPDATE "${S}".target_tasks SET due_on = $3, due_known = true WHERE plan_id = $1 AND task_id = $2`, [
            amended.planId,
            task.taskId,
            due,
          ]);
      }
    }
  }

  @OnIntegrationEvent(ASSIGNMENT_CONTRACTS, { consumer: 'scoring.target-assignments', batch: 500 })
  async assignments(items: readonly IntegrationItem[], manager: EntityManager): Promise<void> {
    for (const { data, message } of items) {
      if (message.name === AssignmentCreatedV1.name) {
        const d = data as AssignmentCreatedV1;
        await manager.query(
          `INSERT INTO "${S}".target_assignments (assignment_id, plan_id, task_id, unit_code) VALUES ($1, $2, $3, $4) ON CONFLICT (assignment_id) DO NOTHING`,
          [d.assignmentId, d.planId, d.taskId, d.unitCode],
        );
        continue;
      }
      const change = ASSIGNMENT_CHANGES[message.name];
      if (change)
        await manager.query(`UPDATE "${S}".target_assignments SET ${change.column} = $2 WHERE assignment_id = $1`, [
          (data as { assignmentId: string }).assignmentId,
          change.value(data),
        ]);
    }
  }

  @OnIntegrationEvent(RegimeDefinedV1, { consumer: 'scoring.target-regimes' })
  async regime(regime: RegimeDefinedV1, _message: IntegrationMessage, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM "${S}".target_items WHERE regime_id = $1`, [regime.regimeId]);
    for (const item of regime.items) {
      await manager.query(`INSERT INTO "${S}".target_items (regime_id, code, name, unit, type, plan_id, task_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        regime.regimeId,
        item.code,
        item.name,
        item.unit,
        item.type,
        item.measures?.planId ?? null,
        item.measures?.taskId ?? null,
      ]);
    }
  }

  @OnIntegrationEvent(REPORT_CONTRACTS, { consumer: 'scoring.target-reports' })
  async report(data: ReportSubmittedV1 | ReportAcceptedV1 | ReportApprovedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> {
    switch (message.name) {
      case ReportSubmittedV1.name:
      case ReportApprovedV1.name: {
        // A submission replaces the figures and waits for acceptance; an approval's figures count at once.
        const d = data as ReportSubmittedV1 | ReportApprovedV1;
        const accepted = message.name === ReportApprovedV1.name ? d.on : null;
        await manager.query(
          `INSERT INTO "${S}".target_reports (report_id, regime_id, period, unit_code, figures, submitted_on, accepted_on) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (report_id) DO UPDATE SET figures = EXCLUDED.figures, submitted_on = EXCLUDED.submitted_on, accepted_on = EXCLUDED.accepted_on`,
          [d.reportId, d.regimeId, d.period, d.unitCode, JSON.stringify(d.figures), d.on, accepted],
        );
        break;
      }
      case ReportAcceptedV1.name: {
        const d = data as ReportAcceptedV1;
        await manager.query(`UPDATE "${S}".target_reports SET accepted_on = $2 WHERE report_id = $1`, [d.reportId, d.on]);
        break;
      }
      default:
        break;
    }
  }
}

/** The plan's last day (31/12 of its last year); null when it runs on with no last year. */
const lastDay = (years: { to: number | null }): string | null => (years.to === null ? null : `${years.to}-12-31`);

/** `planLastDay` undefined: not known (an amendment published without its years); the due day is then unknown too unless the task has its own. */
async function keepTasks(
  manager: EntityManager,
  planId: string,
  tasks: readonly PublishedTask[],
  from: number,
  planLastDay: string | null | undefined,
): Promise<void> {
  let position = from;
  for (const task of tasks) {
    if (!task.target) continue;
    const due = task.dueOn ?? planLastDay;
    await manager.query(
      `INSERT INTO "${S}".target_tasks (plan_id, task_id, position, section_code, text, target, parsed, due_on, due_known) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (plan_id, task_id) DO UPDATE SET section_code = EXCLUDED.section_code, text = EXCLUDED.text, target = EXCLUDED.target, parsed = EXCLUDED.parsed, due_on = EXCLUDED.due_on, due_known = EXCLUDED.due_known`,
      [
        planId,
        task.taskId,
        position++,
        task.sectionCode,
        task.text,
        task.target,
        task.parsedTarget ? JSON.stringify(task.parsedTarget) : null,
        due ?? null,
        due !== undefined,
      ],
    );
  }
}
