import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { AssignmentType, AssignmentView } from '../../read/assignments/assignment.types';
import { AssignmentMutation } from '../common/assignment-mutation';

/** The issuer refuses the extension, with its reason (`manage` on the issuer). */
@Resolver(() => AssignmentType)
export class RefuseExtensionResolver {
  constructor(private readonly mutation: AssignmentMutation) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => AssignmentType, { description: 'Không đồng ý gia hạn, nêu lý do (đơn vị giao).' })
  refuseAssignmentExtension(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<AssignmentView> {
    return this.mutation.run(id, identity, 'manage', (on) => ({ type: 'RefuseExtension', data: { reason, on } }));
  }
}
