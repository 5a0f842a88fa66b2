import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { DateScalar } from '@reform/subgraph';
import { AssignmentType, AssignmentView } from '../../read/assignments/assignment.types';
import { AssignmentMutation } from '../common/assignment-mutation';
import { TASKS_GRAPHQL_TYPES } from '../../graphql-types';

@InputType({ registerIn: TASKS_GRAPHQL_TYPES })
export class ExtensionRequestInput {
  @Field(() => DateScalar, { description: 'Hạn mới đề nghị.' }) newDueOn!: string;
  @Field() reason!: string;
}

/** The assignee asks for more time (`act` on its unit); the issuer grants or refuses it (grant-extension, refuse-extension). */
@Resolver(() => AssignmentType)
export class RequestExtensionResolver {
  constructor(private readonly mutation: AssignmentMutation) {}

  @AccessCheckedInResolver('act')
  @Mutation(() => AssignmentType, { description: 'Đề nghị gia hạn.' })
  requestAssignmentExtension(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ExtensionRequestInput,
    @CurrentIdentity() identity: Identity,
  ): Promise<AssignmentView> {
    return this.mutation.run(id, identity, 'act', (on) => ({ type: 'RequestExtension', data: { newDueOn: input.newDueOn, reason: input.reason, on } }));
  }
}
