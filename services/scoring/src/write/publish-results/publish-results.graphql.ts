import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { Campaign, campaignDecider, campaignStreamId } from '../../domain/campaign/campaign.decider';
import { AssessmentAccess } from '../../read/assessments/assessment-access';
import { AssessmentCampaignType, campaignView } from '../../read/assessments/assessment.types';
import { SCORING_SCHEMA as S } from '../../schema';
import { ScoringCommands } from '../common/scoring-commands';

@Resolver(() => AssessmentCampaignType)
export class PublishResultsResolver {
  constructor(
    private readonly guard: AssessmentAccess,
    private readonly commands: ScoringCommands,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Publishes once every assessment is finalised: ranking, grades, change from the owner's campaign of the year before, obligations. */
  @AccessCheckedInResolver('manage')
  @Mutation(() => AssessmentCampaignType, {
    description: 'Công bố kết quả: xếp hạng, xếp loại; các đơn vị cùng đợt được xem kết quả; đơn vị cuối bảng phải ban hành kế hoạch nâng cao chỉ số.',
  })
  async publishCampaignResults(
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<AssessmentCampaignType> {
    const campaign = await this.guard.campaign(campaignId);
    await this.guard.assertManage(identity, campaign.ownerCode);
    const results = (await this.guard.campaignAssessments(campaignId)).map((a) => ({
      assessmentId: a.id,
      unitCode: a.unitCode,
      finalised: a.status === 'FINALISED',
      total: a.result?.total ?? null,
      rescaledTotal: a.result?.rescaledTotal ?? null,
      percent: a.result?.percent ?? null,
      grade: a.result?.grade ?? null,
    }));
    const [before]: Array<{ state: Campaign }> = await this.dataSource.query(
      `SELECT state FROM "${S}".campaigns WHERE owner_code = $1 AND year = $2 AND status = 'PUBLISHED' ORDER BY state->>'publishedOn' DESC LIMIT 1`,
      [campaign.ownerCode, campaign.year - 1],
    );
    const previous = Object.fromEntries((before?.state.ranking ?? []).map((row) => [row.unitCode, { rank: row.rank, rescaledTotal: row.rescaledTotal }]));
    const handled = await this.commands.execute(
      campaignDecider,
      campaignStreamId(campaignId),
      { type: 'PublishResults', data: { results, previous, today: this.commands.today() } },
      await this.commands.metadataFor(identity, campaign.ownerCode),
    );
    return campaignView(handled.state as Campaign, this.commands.today());
  }
}
