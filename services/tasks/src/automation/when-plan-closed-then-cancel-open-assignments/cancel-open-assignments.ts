import { EntityManager } from 'typeorm';
import { PlanClosedV1 } from '@reform/contracts';
import { TASKS_SCHEMA as S } from '../../schema';
import { BatchOptions, commandAssignments } from '../../write/common/assignment-batches';
import { openAssignmentIds } from '../when-plan-amended-then-adjust-assignments/adjust-assignments';

/**
 * Plan closed → its open assignments (and unfulfilled obligations) are cancelled with the
 * closing as reason: a closed plan asks nothing more of anyone, and leaving them open would keep
 * them overdue in every list for ever. Completed ones keep their result.
 */
export async function cancelOpenAssignments(closing: PlanClosedV1, manager: EntityManager, options: BatchOptions): Promise<number> {
  await manager.query(`UPDATE "${S}".known_plans SET closed_on = $2 WHERE plan_id = $1`, [closing.planId, closing.closedOn]);
  const reason = closing.reason ? `Kế hoạch đã kết thúc: ${closing.reason}` : 'Kế hoạch đã kết thúc.';
  const ids = await openAssignmentIds(manager, closing.planId, null);
  return commandAssignments(ids, () => ({ type: 'CancelAssignment', data: { reason, on: closing.closedOn } }), options);
}
