import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { DateScalar } from '@reform/subgraph';
import { AssignmentType, AssignmentView } from '../../read/assignments/assignment.types';
import { AssignmentMutation } from '../common/assignment-mutation';
import { TASKS_GRAPHQL_TYPES } from '../../graphql-types';

@InputType({ registerIn: TASKS_GRAPHQL_TYPES })
export class CompletionInput {
  @Field({ description: 'Kết quả đạt được.' }) result!: string;
  @Field(() => [String], { nullable: true }) evidence?: string[] | null;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày việc thực sự diễn ra, khi nhập lại kế hoạch đã thực hiện trên giấy (không sau hôm nay); mặc định hôm nay. Trễ hạn hay đúng hạn tính theo ngày này.',
  })
  on?: string | null;
}

@Resolver(() => AssignmentType)
export class CompleteAssignmentResolver {
  constructor(private readonly mutation: AssignmentMutation) {}

  @AccessCheckedInResolver('act')
  @Mutation(() => AssignmentType, { description: 'Báo cáo hoàn thành nhiệm vụ, kèm kết quả và tài liệu kiểm chứng.' })
  completeAssignment(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: CompletionInput,
    @CurrentIdentity() identity: Identity,
  ): Promise<AssignmentView> {
    return this.mutation.run(id, identity, 'act', (today) => ({
      type: 'CompleteAssignment',
      data: { result: input.result, evidence: input.evidence ?? [], on: input.on ?? today, today },
    }));
  }
}
