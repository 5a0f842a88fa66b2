import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { PlanDraft } from '../../domain/plan-draft';
import { PlanType } from '../../read/plans/plan.types';
import { PlanCommands } from '../plan-commands';
import { DraftPlanInput } from './draft-plan.input';

/** GraphQL hands over objects without a prototype; events store plain JSON. */
export const plainDraft = (input: DraftPlanInput): PlanDraft => JSON.parse(JSON.stringify(input));

/** Drafting a plan and revising the draft: `manage` on the issuer. */
@Resolver(() => PlanType)
export class DraftPlanResolver {
  constructor(private readonly commands: PlanCommands) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => PlanType, { description: 'Soạn dự thảo kế hoạch của một đơn vị (cần quyền quản lý đơn vị ban hành).' })
  async draftPlan(@Args('input') input: DraftPlanInput, @CurrentIdentity() identity: Identity): Promise<PlanType> {
    await this.commands.assertManage(identity, input.issuerCode);
    const planId = randomUUID();
    return this.commands.execute(planId, { type: 'DraftPlan', data: { planId, draft: plainDraft(input) } }, identity, input.issuerCode);
  }

  @AccessCheckedInResolver('manage')
  @Mutation(() => PlanType, { description: 'Sửa dự thảo (toàn bộ nội dung); chỉ khi chưa ban hành.' })
  async reviseDraftPlan(@Args('id', { type: () => ID }) id: string, @Args('input') input: DraftPlanInput, @CurrentIdentity() identity: Identity): Promise<PlanType> {
    const plan = await this.commands.load(id);
    await this.commands.assertManage(identity, plan.draft.issuerCode);
    return this.commands.execute(id, { type: 'ReviseDraft', data: { draft: plainDraft(input) } }, identity, plan.draft.issuerCode);
  }
}
