import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { AssessmentType, AssessmentView } from '../../read/assessments/assessment.types';
import { AssessmentMutation } from '../common/assessment-mutation';

/** The unit submits its self-assessment (which locks it), or submits again a returned criterion. */
@Resolver(() => AssessmentType)
export class SubmitSelfAssessmentResolver {
  constructor(private readonly mutation: AssessmentMutation) {}

  @AccessCheckedInResolver('act')
  @Mutation(() => AssessmentType, { description: 'Nộp phiếu tự chấm (khóa phiếu); hoặc nộp lại sau khi bổ sung tiêu chí bị trả lại.' })
  submitSelfAssessment(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() identity: Identity): Promise<AssessmentView> {
    return this.mutation.run(id, identity, 'act', (today) => ({ type: 'SubmitSelfAssessment', data: { today } }));
  }
}
