import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { PlanDraft } from '../../domain/plan-draft';
import { PlanType } from '../../read/plans/plan.types';
import { ParentPlanCheck } from '../common/parent-plan';
import { PlanCommands } from '../common/plan-commands';
import { DraftPlanInput } from './draft-plan.input';

/** GraphQL hands over objects without a prototype; events store plain JSON. */
export const plainDraft = (input: DraftPlanInput): PlanDraft => JSON.parse(JSON.stringify(input));

/** Drafting a plan: `manage` on the issuer it names (revising: write/revise-draft). */
@Resolver(() => PlanType)
export class DraftPlanResolver {
  constructor(
    private readonly commands: PlanCommands,
    private readonly parent: ParentPlanCheck,
  ) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => PlanType, { description: 'Soạn dự thảo kế hoạch của một đơn vị (cần quyền quản lý đơn vị ban hành).' })
  async draftPlan(@Args('input') input: DraftPlanInput, @CurrentIdentity() identity: Identity): Promise<PlanType> {
    await this.commands.assertManage(identity, input.issuerCode);
    await this.parent.assertImplementable(identity, input.implementsPlanId);
    const planId = randomUUID();
    return this.commands.execute(planId, identity, { type: 'DraftPlan', data: { planId, draft: plainDraft(input) } });
  }
}
