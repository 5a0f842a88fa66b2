import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { AppraisalInput, AssessmentType, AssessmentView } from '../../read/assessments/assessment.types';
import { AssessmentMutation } from '../common/assessment-mutation';

/** The level above appraises a criterion: accept, adjust with a reason, or return it for more evidence. */
@Resolver(() => AssessmentType)
export class AppraiseCriterionResolver {
  constructor(private readonly mutation: AssessmentMutation) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => AssessmentType, { description: 'Thẩm định một tiêu chí: đồng ý, điều chỉnh điểm (nêu lý do) hoặc trả lại để đơn vị bổ sung.' })
  appraiseCriterion(
    @Args('assessmentId', { type: () => ID }) assessmentId: string,
    @Args('input', { type: () => AppraisalInput }) input: AppraisalInput,
    @CurrentIdentity() identity: Identity,
  ): Promise<AssessmentView> {
    return this.mutation.run(assessmentId, identity, 'manage', (today) => ({
      type: 'AppraiseCriterion',
      data: { criterionCode: input.criterionCode, decision: input.decision, score: input.score ?? null, reason: input.reason ?? null, today },
    }));
  }
}
