import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { DateScalar } from '@reform/subgraph';
import { PlanType } from '../../read/plans/plan.types';
import { PlanCommands } from '../common/plan-commands';
import { issuePlan } from './issue-plan.handler';

/** Issuing: every unit cell resolved against the hierarchy of the issue day and recorded in the event. */
@Resolver(() => PlanType)
export class IssuePlanResolver {
  constructor(private readonly commands: PlanCommands) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => PlanType, {
    description: 'Ban hành kế hoạch (mặc định: hôm nay, giờ Việt Nam). Mỗi nhiệm vụ phải có đơn vị thực hiện và đơn vị chủ trì hoặc theo dõi.',
  })
  async issuePlan(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('issuedOn', { type: () => DateScalar, nullable: true }) issuedOn?: string | null,
  ): Promise<PlanType> {
    return issuePlan(this.commands, id, issuedOn ?? null, identity);
  }
}
