import { PlanIssuedV1 } from '@reform/contracts';
import { BatchOptions, commandAssignments } from '../../write/common/assignment-batches';
import { obligationId } from '../when-plan-issued-then-create-assignments/assignments-of-plan';

/**
 * A plan implementing plan X issued by unit U → U's IMPLEMENTING_PLAN obligation for X is
 * completed: the result is the new plan's number, `late` tells whether it came after the due
 * day. No obligation (U was not in X's cascade) or one already closed: nothing to do.
 */
export async function fulfilObligation(plan: PlanIssuedV1, options: BatchOptions): Promise<number> {
  if (!plan.implementsPlanId) return 0;
  const id = obligationId(plan.implementsPlanId, plan.issuerCode);
  return commandAssignments(
    [id],
    (state) =>
      state.kind === 'IMPLEMENTING_PLAN'
        ? { type: 'CompleteAssignment', data: { result: plan.number, on: plan.issuedOn, fulfilledBy: { planId: plan.planId, number: plan.number } } }
        : null,
    options,
  );
}
