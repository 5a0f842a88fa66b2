import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { DateScalar } from '@reform/subgraph';
import { AssignmentType, AssignmentView } from '../../read/assignments/assignment.types';
import { AssignmentMutation } from '../common/assignment-mutation';
import { TASKS_GRAPHQL_TYPES } from '../../graphql-types';

@InputType({ registerIn: TASKS_GRAPHQL_TYPES })
export class ProgressInput {
  @Field(() => Int, { description: 'Tỷ lệ hoàn thành, số nguyên 0–100.' }) percent!: number;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => [String], { nullable: true, description: 'Tài liệu kiểm chứng (số hiệu văn bản, đường dẫn).' }) evidence?: string[] | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày việc thực sự diễn ra, khi nhập lại kế hoạch đã thực hiện trên giấy (không sau hôm nay); mặc định hôm nay.',
  })
  on?: string | null;
}

@Resolver(() => AssignmentType)
export class ReportProgressResolver {
  constructor(private readonly mutation: AssignmentMutation) {}

  @AccessCheckedInResolver('act')
  @Mutation(() => AssignmentType, { description: 'Báo cáo tiến độ (sau khi đã tiếp nhận).' })
  reportAssignmentProgress(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ProgressInput,
    @CurrentIdentity() identity: Identity,
  ): Promise<AssignmentView> {
    return this.mutation.run(id, identity, 'act', (today) => ({
      type: 'ReportProgress',
      data: { percent: input.percent, note: input.note, evidence: input.evidence ?? [], on: input.on ?? today, today },
    }));
  }
}
