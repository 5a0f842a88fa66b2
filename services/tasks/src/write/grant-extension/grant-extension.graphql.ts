import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { AssignmentType, AssignmentView } from '../../read/assignments/assignment.types';
import { AssignmentMutation } from '../common/assignment-mutation';

/** The issuer grants the extension the assignee asked for (`manage` on the issuer). */
@Resolver(() => AssignmentType)
export class GrantExtensionResolver {
  constructor(private readonly mutation: AssignmentMutation) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => AssignmentType, { description: 'Đồng ý gia hạn (đơn vị giao).' })
  grantAssignmentExtension(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<AssignmentView> {
    return this.mutation.run(id, identity, 'manage', (on) => ({ type: 'GrantExtension', data: { reason, on } }));
  }
}
