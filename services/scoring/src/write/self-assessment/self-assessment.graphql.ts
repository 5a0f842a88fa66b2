import { Inject, Injectable } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { Assessment, AssessmentCommand, assessmentDecider, assessmentStreamId, EvidenceFile } from '../../domain/assessment/assessment.decider';
import { AssessmentAccess } from '../../read/assessments/assessment-access';
import { AssessmentType, AssessmentView, assessmentView, CriterionScoreInput } from '../../read/assessments/assessment.types';
import { acceptUpload, EVIDENCE_LIMITS, EVIDENCE_STORAGE, EvidenceLimits, EvidenceStorage } from '../evidence/evidence-storage';
import { ScoringCommands } from '../shared/scoring-commands';

/** What every assessment mutation does: load, check who may, decide and append (with files, in one transaction), answer the new state. */
@Injectable()
export class AssessmentMutation {
  constructor(
    private readonly guard: AssessmentAccess,
    private readonly commands: ScoringCommands,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  async run(id: string, identity: Identity, rule: 'act' | 'manage', command: (today: string, current: Assessment) => AssessmentCommand, files: ReadonlyArray<{ file: EvidenceFile; bytes: Buffer }> = []): Promise<AssessmentView> {
    const current = await this.guard.assessment(id);
    if (rule === 'act') await this.guard.assertAct(identity, current);
    else await this.guard.assertManage(identity, current.ownerCode);
    const metadata = await this.commands.metadataFor(identity, current.unitCode);
    const handled = await this.commands.store.transaction(async ({ manager }) => {
      const result = await this.commands.execute(assessmentDecider, assessmentStreamId(id), command(this.commands.today(), current), metadata, this.commands.store.withManager(manager));
      // Only once the score is accepted: a refused one stores no file (same transaction for PostgreSQL).
      for (const { file, bytes } of files) await this.storage.put(file, bytes, manager);
      return result;
    });
    return assessmentView(handled.state as Assessment);
  }
}

@Resolver(() => AssessmentType)
export class SelfAssessmentResolver {
  constructor(
    private readonly mutation: AssessmentMutation,
    @Inject(EVIDENCE_LIMITS) private readonly limits: EvidenceLimits,
  ) {}

  @AccessCheckedInResolver('act')
  @Mutation(() => AssessmentType, { description: 'Đơn vị tự chấm một tiêu chí, kèm tài liệu kiểm chứng (tệp, văn bản dẫn chứng) hoặc giải trình.' })
  scoreCriterion(@Args('assessmentId', { type: () => ID }) assessmentId: string, @Args('input', { type: () => CriterionScoreInput }) input: CriterionScoreInput, @CurrentIdentity() identity: Identity): Promise<AssessmentView> {
    const uploads = (input.uploads ?? []).map((upload, i) => acceptUpload(upload, this.limits, `input.uploads[${i}]`));
    return this.mutation.run(
      assessmentId,
      identity,
      'act',
      (today, current) => {
        const kept = (input.keepFiles ?? []).map((sha256, i) => {
          const file = current.entries[input.criterionCode]?.files.find((f) => f.sha256 === sha256);
          if (!file) throw new DomainError('EVIDENCE.UNKNOWN_FILE', `input.keepFiles[${i}]: tiêu chí chưa có tệp này.`, { kind: 'BAD_USER_INPUT', field: `input.keepFiles[${i}]` });
          return file;
        });
        const files = [...kept, ...uploads.map((u) => u.file)].filter((file, i, all) => all.findIndex((f) => f.sha256 === file.sha256) === i);
        return {
          type: 'ScoreCriterion',
          data: { criterionCode: input.criterionCode, score: input.score ?? null, notApplicable: input.notApplicable ?? false, explanation: input.explanation ?? null, citations: (input.citations ?? []).map((c) => ({ number: c.number, date: c.date, page: c.page ?? null })), files, today },
        };
      },
      uploads,
    );
  }

  @AccessCheckedInResolver('act')
  @Mutation(() => AssessmentType, { description: 'Nộp phiếu tự chấm (khóa phiếu); hoặc nộp lại sau khi bổ sung tiêu chí bị trả lại.' })
  submitSelfAssessment(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() identity: Identity): Promise<AssessmentView> {
    return this.mutation.run(id, identity, 'act', (today) => ({ type: 'SubmitSelfAssessment', data: { today } }));
  }
}
