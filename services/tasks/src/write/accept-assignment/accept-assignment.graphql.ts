import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { DateScalar } from '@reform/subgraph';
import { AssignmentType, AssignmentView } from '../../read/assignments/assignment.types';
import { AssignmentMutation } from '../common/assignment-mutation';

@Resolver(() => AssignmentType)
export class AcceptAssignmentResolver {
  constructor(private readonly mutation: AssignmentMutation) {}

  @AccessCheckedInResolver('act')
  @Mutation(() => AssignmentType, { description: 'Đơn vị tiếp nhận nhiệm vụ được giao.' })
  acceptAssignment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('on', {
      type: () => DateScalar,
      nullable: true,
      description: 'Ngày việc thực sự diễn ra, khi nhập lại kế hoạch đã thực hiện trên giấy (không sau hôm nay); mặc định hôm nay.',
    })
    on?: string | null,
  ): Promise<AssignmentView> {
    return this.mutation.run(id, identity, 'act', (today) => ({ type: 'AcceptAssignment', data: { on: on ?? today, today } }));
  }
}
