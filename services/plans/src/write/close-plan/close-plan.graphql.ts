import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { DateScalar } from '@reform/subgraph';
import { PlanType } from '../../read/plans/plan.types';
import { PlanCommands } from '../common/plan-commands';

/** Closing an issued plan: nothing is accepted after it. */
@Resolver(() => PlanType)
export class ClosePlanResolver {
  constructor(private readonly commands: PlanCommands) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => PlanType, { description: 'Kết thúc kế hoạch đã ban hành; sau đó không nhận thay đổi nào.' })
  async closePlan(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
    @Args('closedOn', { type: () => DateScalar, nullable: true }) closedOn?: string | null,
  ): Promise<PlanType> {
    return this.commands.change(id, identity, () => ({ type: 'ClosePlan', data: { closedOn: closedOn ?? this.commands.today(), reason: reason ?? null } }));
  }
}
