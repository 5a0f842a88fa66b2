import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { AssessmentType, AssessmentView } from '../../read/assessments/assessment.types';
import { AssessmentMutation } from '../common/assessment-mutation';

/** The level above finalises its appraisal: self-scores it left untouched are accepted as they are. */
@Resolver(() => AssessmentType)
export class FinaliseAppraisalResolver {
  constructor(private readonly mutation: AssessmentMutation) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => AssessmentType, { description: 'Chốt kết quả thẩm định (điểm tự chấm chưa xét được giữ nguyên).' })
  finaliseAppraisal(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() identity: Identity): Promise<AssessmentView> {
    return this.mutation.run(id, identity, 'manage', (today) => ({ type: 'FinaliseAppraisal', data: { today } }));
  }
}
