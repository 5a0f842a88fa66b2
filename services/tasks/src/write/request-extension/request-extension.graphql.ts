import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { DateScalar } from '@reform/subgraph';
import { AssignmentType, AssignmentView } from '../../read/assignments/assignment.types';
import { AssignmentMutation } from '../assignment-mutation';
import { TASKS_GRAPHQL_TYPES } from '../../graphql-types';

@InputType({ registerIn: TASKS_GRAPHQL_TYPES })
export class ExtensionRequestInput {
  @Field(() => DateScalar, { description: 'Hạn mới đề nghị.' }) newDueOn!: string;
  @Field() reason!: string;
}

/** The assignee asks for more time (`act` on its unit); the issuer decides (`manage` on the issuer). */
@Resolver(() => AssignmentType)
export class ExtensionResolver {
  constructor(private readonly mutation: AssignmentMutation) {}

  @AccessCheckedInResolver('act')
  @Mutation(() => AssignmentType, { description: 'Đề nghị gia hạn.' })
  requestAssignmentExtension(@Args('id', { type: () => ID }) id: string, @Args('input') input: ExtensionRequestInput, @CurrentIdentity() identity: Identity): Promise<AssignmentView> {
    return this.mutation.run(id, identity, 'act', (on) => ({ type: 'RequestExtension', data: { newDueOn: input.newDueOn, reason: input.reason, on } }));
  }

  @AccessCheckedInResolver('manage')
  @Mutation(() => AssignmentType, { description: 'Đồng ý gia hạn (đơn vị giao).' })
  grantAssignmentExtension(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<AssignmentView> {
    return this.mutation.run(id, identity, 'manage', (on) => ({ type: 'GrantExtension', data: { reason, on } }));
  }

  @AccessCheckedInResolver('manage')
  @Mutation(() => AssignmentType, { description: 'Không đồng ý gia hạn, nêu lý do (đơn vị giao).' })
  refuseAssignmentExtension(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentIdentity() identity: Identity): Promise<AssignmentView> {
    return this.mutation.run(id, identity, 'manage', (on) => ({ type: 'RefuseExtension', data: { reason, on } }));
  }
}
