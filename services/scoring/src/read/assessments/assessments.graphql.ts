import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { DomainError } from '@reform/decider';
import { AccessCheckedInResolver, AccessToUnitArgument, CurrentIdentity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { EVENT_STORE, historyOf, PostgresEventStore, stateAsOf } from '@reform/event-store';
import { DateTimeScalar, HistoryEntryView, historyView, integrityReport, IntegrityReportType } from '@reform/subgraph';
import { Assessment, assessmentDecider, assessmentStreamId } from '../../domain/assessment/assessment.decider';
import { Campaign } from '../../domain/campaign/campaign.decider';
import { EVIDENCE_STORAGE, EvidenceStorage } from '../../write/evidence/evidence-storage';
import { SCORING_SCHEMA as S } from '../../schema';
import { AssessmentAccess } from './assessment-access';
import {
  AssessmentCampaignType,
  AssessmentHistoryEntryType,
  AssessmentType,
  AssessmentView,
  assessmentView,
  campaignView,
  EvidenceFileContentType,
  ImprovementObligationType,
  RankingRowType,
} from './assessment.types';

/** `assessment`, campaigns, `ranking`, evidence files and improvement obligations (API.md), each checked on the record. */
@Resolver(() => AssessmentType)
export class AssessmentsResolver {
  constructor(
    private readonly guard: AssessmentAccess,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(EVIDENCE_STORAGE) private readonly evidence: EvidenceStorage,
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @AccessCheckedInResolver('read')
  @Query(() => AssessmentType, { nullable: true, description: 'Phiếu tự đánh giá của một đơn vị; với asOf: trạng thái tại thời điểm đó.' })
  async assessment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: Date | null,
  ): Promise<AssessmentView | null> {
    const current = await this.guard.assessment(id);
    await this.guard.assertRead(identity, current);
    if (!asOf) return assessmentView(current);
    const state = await stateAsOf(this.store, assessmentDecider, assessmentStreamId(id), asOf);
    return state.status === 'NONE' ? null : assessmentView(state);
  }

  @AccessCheckedInResolver('read')
  @ResolveReference()
  async resolveReference(@Parent() reference: { id: string }, @CurrentIdentity() identity: Identity): Promise<AssessmentView> {
    const current = await this.guard.assessment(reference.id);
    await this.guard.assertRead(identity, current);
    return assessmentView(current);
  }

  @AccessCheckedInResolver('read')
  @Query(() => [AssessmentType], { description: 'Các phiếu của một đợt mà người dùng được xem (trước khi công bố: của đơn vị mình; cấp trên: tất cả).' })
  async assessments(@Args('campaignId', { type: () => ID }) campaignId: string, @CurrentIdentity() identity: Identity): Promise<AssessmentView[]> {
    const campaign = await this.guard.campaign(campaignId);
    await this.guard.assertReadCampaign(identity, campaign);
    const visible: AssessmentView[] = [];
    for (const assessment of await this.guard.campaignAssessments(campaignId))
      if (await this.guard.canRead(identity, assessment)) visible.push(assessmentView(assessment));
    return visible;
  }

  @AccessToUnitArgument('read', 'unitCode')
  @Query(() => [AssessmentType], { description: 'Các phiếu đánh giá của một đơn vị (mọi năm).' })
  async unitAssessments(
    @Args('unitCode', { type: () => ID }) unitCode: string,
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
  ): Promise<AssessmentView[]> {
    const rows: Array<{ state: Assessment }> = await this.dataSource.query(
      `SELECT state FROM "${S}".assessments WHERE unit_code = $1 AND ($2::int IS NULL OR year = $2) ORDER BY year DESC`,
      [unitCode, year ?? null],
    );
    return rows.map((row) => assessmentView(row.state));
  }

  @AccessCheckedInResolver('read')
  @Query(() => AssessmentCampaignType, { nullable: true })
  async assessmentCampaign(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() identity: Identity): Promise<AssessmentCampaignType> {
    const campaign = await this.guard.campaign(id);
    await this.guard.assertReadCampaign(identity, campaign);
    return campaignView(campaign, todayOf(this.clock));
  }

  @AccessToUnitArgument('read', 'unitCode')
  @Query(() => [AssessmentCampaignType], { description: 'Các đợt chấm điểm do một đơn vị mở, hoặc (assessed: true) đánh giá đơn vị đó.' })
  async assessmentCampaigns(
    @Args('unitCode', { type: () => ID }) unitCode: string,
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
    @Args('assessed', { type: () => Boolean, nullable: true }) assessed?: boolean | null,
  ): Promise<AssessmentCampaignType[]> {
    const rows: Array<{ state: Campaign }> = assessed
      ? await this.dataSource.query(
          `SELECT c.state FROM "${S}".campaigns c WHERE c.id IN (SELECT campaign_id FROM "${S}".assessments WHERE unit_code = $1) AND ($2::int IS NULL OR c.year = $2) ORDER BY c.year DESC`,
          [unitCode, year ?? null],
        )
      : await this.dataSource.query(`SELECT state FROM "${S}".campaigns WHERE owner_code = $1 AND ($2::int IS NULL OR year = $2) ORDER BY year DESC`, [
          unitCode,
          year ?? null,
        ]);
    return rows.map((row) => campaignView(row.state, todayOf(this.clock)));
  }

  @AccessCheckedInResolver('read')
  @Query(() => [RankingRowType], { description: 'Bảng xếp hạng đã công bố (cấp trên xem trước khi công bố: rỗng).' })
  async ranking(@Args('campaignId', { type: () => ID }) campaignId: string, @CurrentIdentity() identity: Identity): Promise<RankingRowType[]> {
    const campaign = await this.guard.campaign(campaignId);
    await this.guard.assertRanking(identity, campaign);
    const owed = new Set(campaign.obligations.map((o) => o.unitCode));
    return campaign.ranking.map((row) => ({ ...row, unit: { code: row.unitCode }, improvementPlanOwed: owed.has(row.unitCode) }));
  }

  @AccessToUnitArgument('read', 'unitCode')
  @Query(() => [ImprovementObligationType], { description: 'Kế hoạch nâng cao chỉ số CCHC đơn vị phải ban hành sau khi xếp cuối.' })
  async improvementObligations(@Args('unitCode', { type: () => ID }) unitCode: string): Promise<ImprovementObligationType[]> {
    const rows: Array<{ state: Campaign }> = await this.dataSource.query(
      `SELECT state FROM "${S}".campaigns WHERE status = 'PUBLISHED' AND state->'obligations' @> $1::jsonb`,
      [JSON.stringify([{ unitCode }])],
    );
    return rows.flatMap((row) => campaignView(row.state, todayOf(this.clock)).obligations.filter((o) => o.unitCode === unitCode));
  }

  @AccessCheckedInResolver('read')
  @Query(() => EvidenceFileContentType, { description: 'Tải tài liệu kiểm chứng: chỉ người được xem phiếu; chỉ tệp phiếu đó dẫn.' })
  async evidenceFile(
    @Args('assessmentId', { type: () => ID }) assessmentId: string,
    @Args('sha256') sha256: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<EvidenceFileContentType> {
    const assessment = await this.guard.assessment(assessmentId);
    await this.guard.assertRead(identity, assessment);
    const file = Object.values(assessment.entries)
      .flatMap((entry) => entry.files)
      .find((f) => f.sha256 === sha256);
    const bytes = file ? await this.evidence.get(sha256) : null;
    if (!file || !bytes) throw this.notFound();
    return { sha256, fileName: file.fileName, mediaType: file.mediaType, size: file.size, base64: bytes.toString('base64') };
  }

  private notFound(): Error {
    return new DomainError('EVIDENCE.NOT_FOUND', 'Không tìm thấy tệp trong phiếu đánh giá này.', { kind: 'NOT_FOUND', field: 'sha256' });
  }

  @AccessCheckedInResolver('read-history')
  @ResolveField(() => [AssessmentHistoryEntryType], { description: 'Lịch sử: ai, khi nào, lý do, trạng thái sau mỗi thay đổi.' })
  async history(@Parent() assessment: AssessmentView, @CurrentIdentity() identity: Identity): Promise<HistoryEntryView[]> {
    await this.guard.assertReadHistory(identity, assessment.state);
    return historyView(historyOf(assessmentDecider, await this.store.readStream(assessmentStreamId(assessment.id))));
  }

  @AccessCheckedInResolver('read-history')
  @ResolveField(() => IntegrityReportType, { description: 'Kiểm tra chuỗi băm của lịch sử.' })
  async integrity(@Parent() assessment: AssessmentView, @CurrentIdentity() identity: Identity): Promise<IntegrityReportType> {
    await this.guard.assertReadHistory(identity, assessment.state);
    return integrityReport(await this.store.verifyStream(assessmentStreamId(assessment.id)));
  }
}
