import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { AssignmentType, AssignmentView } from '../../read/assignments/assignment.types';
import { AssignmentMutation } from '../common/assignment-mutation';

/**
 * The issuer gives a split unit's open assignment to one of the successors it was offered to
 * (`offeredTo`; 2025 reorganisation, ADR 0019): `manage` on the issuer. The assignment then
 * counts at that unit, its former unit kept in `formerUnitCodes`.
 */
@Resolver(() => AssignmentType)
export class AllocateAssignmentResolver {
  constructor(private readonly mutation: AssignmentMutation) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => AssignmentType, {
    description: 'Phân giao nhiệm vụ của đơn vị đã chia tách cho một trong các đơn vị kế thừa được đề xuất (đơn vị giao).',
  })
  allocateAssignment(
    @Args('id', { type: () => ID }) id: string,
    @Args('toUnitCode', { type: () => ID, description: 'Mã đơn vị kế thừa, một trong offeredTo.' }) toUnitCode: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<AssignmentView> {
    return this.mutation.run(id, identity, 'manage', (on) => ({ type: 'AllocateToSuccessor', data: { toUnitCode, on } }));
  }
}
