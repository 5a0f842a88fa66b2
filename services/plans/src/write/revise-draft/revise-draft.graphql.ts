import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { PlanType } from '../../read/plans/plan.types';
import { DraftPlanInput } from '../draft-plan/draft-plan.input';
import { plainDraft } from '../draft-plan/draft-plan.graphql';
import { ParentPlanCheck } from '../common/parent-plan';
import { PlanCommands } from '../common/plan-commands';

/** Revising a draft as a whole: `manage` on the issuer of the draft it is decided against. */
@Resolver(() => PlanType)
export class ReviseDraftResolver {
  constructor(
    private readonly commands: PlanCommands,
    private readonly parent: ParentPlanCheck,
  ) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => PlanType, { description: 'Sửa dự thảo (toàn bộ nội dung); chỉ khi chưa ban hành.' })
  async reviseDraftPlan(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: DraftPlanInput,
    @CurrentIdentity() identity: Identity,
  ): Promise<PlanType> {
    return this.commands.change(id, identity, async () => {
      await this.parent.assertImplementable(identity, input.implementsPlanId);
      return { type: 'ReviseDraft', data: { draft: plainDraft(input) } };
    });
  }
}
