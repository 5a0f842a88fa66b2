import { Inject } from '@nestjs/common';
import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { SCORING_GRAPHQL_TYPES } from '../../graphql-types';
import { AssessmentAccess } from '../assessments/assessment-access';
import { assessmentView } from '../assessments/assessment.types';
import { scorecardDocx } from './scorecard-docx';

@ObjectType('ScorecardFile', { registerIn: SCORING_GRAPHQL_TYPES, description: 'Tệp xuất: tên, kiểu, nội dung base64.' })
export class ScorecardFileType {
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field() base64!: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The scorecard as Word (the Excel one is built in the browser from `assessment`): for those who may read the assessment. */
@Resolver()
export class ScorecardResolver {
  constructor(
    private readonly guard: AssessmentAccess,
    @Inject(UNIT_HIERARCHY) private readonly units: UnitHierarchy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessCheckedInResolver('read')
  @Query(() => ScorecardFileType, { description: 'Phiếu chấm điểm của một đơn vị dạng Word (thể thức Nghị định 30/2020).' })
  async assessmentScorecardDocx(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() identity: Identity): Promise<ScorecardFileType> {
    const assessment = await this.guard.assessment(id);
    await this.guard.assertRead(identity, assessment);
    // Named as on the assessment's day (a 2019 scorecard names the units of 2019, before any reorganisation).
    const day = assessment.finalisedOn ?? assessment.submittedOn ?? assessment.entryWindow.from;
    const named = async (code: string) => {
      const unit = (await this.units.unit(code, day)) ?? (await this.units.lastKnown(code));
      return { name: unit?.name ?? code, type: unit?.type ?? '' };
    };
    const file = await scorecardDocx({
      assessment: assessmentView(assessment),
      unit: await named(assessment.unitCode),
      owner: await named(assessment.ownerCode),
      day: todayOf(this.clock),
    });
    return { fileName: `phieu-cham-diem-${assessment.unitCode}-${assessment.year}.docx`, mediaType: DOCX, base64: file.toString('base64') };
  }
}
