import { EntityManager } from 'typeorm';
import { PlanIssuedV1 } from '@reform/contracts';
import { TASKS_SCHEMA as S } from '../../schema';
import { BatchOptions, createAssignments } from '../../write/common/assignment-batches';
import { assignmentsOfPlan } from './assignments-of-plan';

/**
 * Plan issued → one assignment per (task, implementing unit) and per (task, lead unit), and one
 * IMPLEMENTING_PLAN obligation per cascade unit, in chunks (see createAssignments). The plan's
 * own facts are kept (in the inbox's transaction) for its later amendments.
 */
export async function createAssignmentsOfPlan(plan: PlanIssuedV1, manager: EntityManager, options: BatchOptions): Promise<number> {
  await manager.query(
    `INSERT INTO "${S}".known_plans (plan_id, number, title, issuer_code, year, issued_on, implements_plan_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (plan_id) DO NOTHING`,
    [plan.planId, plan.number, plan.title, plan.issuerCode, plan.year, plan.issuedOn, plan.implementsPlanId],
  );
  return createAssignments(assignmentsOfPlan(plan), options);
}
