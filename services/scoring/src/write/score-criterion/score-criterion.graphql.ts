import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { AssessmentType, AssessmentView, CriterionScoreInput } from '../../read/assessments/assessment.types';
import { acceptUpload, EVIDENCE_LIMITS, EvidenceLimits } from '../evidence/evidence-storage';
import { AssessmentMutation } from '../common/assessment-mutation';

/** The unit scores a criterion of its self-assessment, with uploads, citations or an explanation. */
@Resolver(() => AssessmentType)
export class ScoreCriterionResolver {
  constructor(
    private readonly mutation: AssessmentMutation,
    @Inject(EVIDENCE_LIMITS) private readonly limits: EvidenceLimits,
  ) {}

  @AccessCheckedInResolver('act')
  @Mutation(() => AssessmentType, { description: 'Đơn vị tự chấm một tiêu chí, kèm tài liệu kiểm chứng (tệp, văn bản dẫn chứng) hoặc giải trình.' })
  scoreCriterion(
    @Args('assessmentId', { type: () => ID }) assessmentId: string,
    @Args('input', { type: () => CriterionScoreInput }) input: CriterionScoreInput,
    @CurrentIdentity() identity: Identity,
  ): Promise<AssessmentView> {
    const uploads = (input.uploads ?? []).map((upload, i) => acceptUpload(upload, this.limits, `input.uploads[${i}]`));
    return this.mutation.run(
      assessmentId,
      identity,
      'act',
      (today, current) => {
        const kept = (input.keepFiles ?? []).map((sha256, i) => {
          const file = current.entries[input.criterionCode]?.files.find((f) => f.sha256 === sha256);
          if (!file)
            throw new DomainError('EVIDENCE.UNKNOWN_FILE', `input.keepFiles[${i}]: tiêu chí chưa có tệp này.`, {
              kind: 'BAD_USER_INPUT',
              field: `input.keepFiles[${i}]`,
            });
          return file;
        });
        const files = [...kept, ...uploads.map((u) => u.file)].filter((file, i, all) => all.findIndex((f) => f.sha256 === file.sha256) === i);
        return {
          type: 'ScoreCriterion',
          data: {
            criterionCode: input.criterionCode,
            score: input.score ?? null,
            notApplicable: input.notApplicable ?? false,
            explanation: input.explanation ?? null,
            citations: (input.citations ?? []).map((c) => ({ number: c.number, date: c.date, page: c.page ?? null })),
            files,
            today,
          },
        };
      },
      uploads,
    );
  }
}
