import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { AssignmentType, AssignmentView } from '../../read/assignments/assignment.types';
import { AssignmentMutation } from '../assignment-mutation';

@Resolver(() => AssignmentType)
export class AcceptAssignmentResolver {
  constructor(private readonly mutation: AssignmentMutation) {}

  @AccessCheckedInResolver('act')
  @Mutation(() => AssignmentType, { description: 'Đơn vị tiếp nhận nhiệm vụ được giao.' })
  acceptAssignment(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() identity: Identity): Promise<AssignmentView> {
    return this.mutation.run(id, identity, 'act', (on) => ({ type: 'AcceptAssignment', data: { on } }));
  }
}
