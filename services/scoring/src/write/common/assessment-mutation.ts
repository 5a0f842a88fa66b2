import { Inject, Injectable } from '@nestjs/common';
import { Identity } from '@reform/access';
import { Assessment, AssessmentCommand, assessmentDecider, assessmentStreamId, EvidenceFile } from '../../domain/assessment/assessment.decider';
import { AssessmentAccess } from '../../read/assessments/assessment-access';
import { AssessmentView, assessmentView } from '../../read/assessments/assessment.types';
import { EVIDENCE_STORAGE, EvidenceStorage } from '../evidence/evidence-storage';
import { ScoringCommands } from './scoring-commands';

/** What every assessment mutation does: load, check who may, decide and append (with files, in one transaction), answer the new state. */
@Injectable()
export class AssessmentMutation {
  constructor(
    private readonly guard: AssessmentAccess,
    private readonly commands: ScoringCommands,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  async run(
    id: string,
    identity: Identity,
    rule: 'act' | 'manage',
    command: (today: string, current: Assessment) => AssessmentCommand,
    files: ReadonlyArray<{ file: EvidenceFile; bytes: Buffer }> = [],
  ): Promise<AssessmentView> {
    const current = await this.guard.assessment(id);
    if (rule === 'act') await this.guard.assertAct(identity, current);
    else await this.guard.assertManage(identity, current.ownerCode);
    const metadata = await this.commands.metadataFor(identity, current.unitCode);
    const handled = await this.commands.store.transaction(async ({ manager }) => {
      const result = await this.commands.execute(
        assessmentDecider,
        assessmentStreamId(id),
        command(this.commands.today(), current),
        metadata,
        this.commands.store.withManager(manager),
      );
      // Only once the score is accepted: a refused one stores no file (same transaction for PostgreSQL).
      for (const { file, bytes } of files) await this.storage.put(file, bytes, manager);
      return result;
    });
    return assessmentView(handled.state as Assessment);
  }
}
