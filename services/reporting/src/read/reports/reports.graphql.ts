import { Inject } from '@nestjs/common';
import { Args, Field, Float, ID, Int, ObjectType, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, AccessToUnitArgument, CurrentIdentity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { EVENT_STORE, historyOf, PostgresEventStore, stateAsOf } from '@reform/event-store';
import { DateTimeScalar, HistoryEntryView, historyView, integrityReport, IntegrityReportType, JSONScalar } from '@reform/subgraph';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { Report, reportDecider, ReportStatus, reportStreamId } from '../../domain/report/report.decider';
import { REPORTING_GRAPHQL_TYPES as T } from '../../graphql-types';
import { REPORTING_SCHEMA as S } from '../../schema';
import { consolidationOf } from '../consolidation/consolidation.query';
import { ReportAccess } from './report-access';
import { HistoryEntryType, reportView, ReportStatusEnum, ReportType, UnitRef } from './report.types';

@ObjectType('ConsolidatedContributor', { registerIn: T })
class ContributorType {
  @Field(() => ID) unitCode!: string;
  @Field(() => JSONScalar, { nullable: true }) value!: unknown;
}

@ObjectType('ConsolidatedItem', {
  registerIn: T,
  description: 'Một chỉ tiêu tổng hợp từ báo cáo đã chấp nhận của các đơn vị cấp dưới, theo cách tổng hợp của chỉ tiêu.',
})
class ConsolidatedItemType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field() rule!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => [ContributorType], { description: 'Giá trị của từng đơn vị cấp dưới đã vào số tổng hợp.' }) contributors!: ContributorType[];
}

@ObjectType('ConsolidatedUnitText', { registerIn: T })
class UnitTextType {
  @Field(() => ID) unitCode!: string;
  @Field() unitName!: string;
  @Field() text!: string;
}

@ObjectType('ConsolidatedSection', { registerIn: T })
class ConsolidatedSectionType {
  @Field() code!: string;
  @Field() title!: string;
  @Field(() => [UnitTextType]) units!: UnitTextType[];
}

@ObjectType('ReportConsolidation', { registerIn: T, description: 'Tổng hợp báo cáo của các đơn vị cấp dưới (cập nhật theo sự kiện).' })
export class ConsolidationType {
  @Field(() => Int) children!: number;
  @Field(() => Int) accepted!: number;
  @Field(() => [ConsolidatedItemType]) items!: ConsolidatedItemType[];
  @Field(() => [ConsolidatedSectionType]) sections!: ConsolidatedSectionType[];
}

const LIMIT = 2_000;

/** `report`, `reports` and the review queue of API.md, and the fields that need more than the state. */
@Resolver(() => ReportType)
export class ReportsResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(UNIT_HIERARCHY) private readonly units: UnitHierarchy,
    private readonly guard: ReportAccess,
    private readonly access: AccessControl,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessCheckedInResolver('read')
  @Query(() => ReportType, { nullable: true, description: 'Một báo cáo; với asOf: trạng thái tại thời điểm đó.' })
  async report(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: Date | null,
  ): Promise<ReportType | null> {
    const current = await this.guard.load(id);
    await this.guard.assertRead(identity, current);
    if (!asOf) return reportView(current, todayOf(this.clock));
    const state = await stateAsOf(this.store, reportDecider, reportStreamId(id), asOf);
    return state.status === 'NONE' ? null : reportView(state, todayOf(this.clock));
  }

  @AccessToUnitArgument('read', 'unitCode')
  @Query(() => [ReportType], { description: 'Báo cáo của một đơn vị (với includeSubtree: cả của các đơn vị trực thuộc).' })
  async reports(
    @Args('unitCode', { type: () => ID }) unitCode: string,
    @Args('regimeId', { type: () => ID, nullable: true }) regimeId?: string | null,
    @Args('period', { type: () => String, nullable: true }) period?: string | null,
    @Args('status', { type: () => [ReportStatusEnum], nullable: true }) status?: ReportStatus[] | null,
    @Args('includeSubtree', { type: () => Boolean, nullable: true }) includeSubtree?: boolean | null,
  ): Promise<ReportType[]> {
    const today = todayOf(this.clock);
    const codes = [unitCode, ...(includeSubtree ? (await this.units.descendants(unitCode, today)).map((unit) => unit.code) : [])];
    const rows: Array<{ state: Report }> = await this.dataSource.query(
      `SELECT state FROM "${S}".reports WHERE unit_code = ANY($1::text[]) AND ($2::text IS NULL OR regime_id = $2) AND ($3::text IS NULL OR period = $3) AND ($4::text[] IS NULL OR status = ANY($4::text[]))
       ORDER BY due_on DESC, unit_code LIMIT ${LIMIT}`,
      [codes, regimeId ?? null, period ?? null, status?.length ? status : null],
    );
    return rows.map((row) => reportView(row.state, today));
  }

  @AccessToUnitArgument('manage', 'reviewerCode')
  @Query(() => [ReportType], { description: 'Báo cáo các đơn vị cấp dưới gửi lên một đơn vị để xem xét (mặc định: đã gửi, chờ xem xét).' })
  async reportsToReview(
    @Args('reviewerCode', { type: () => ID }) reviewerCode: string,
    @Args('status', { type: () => [ReportStatusEnum], nullable: true }) status?: ReportStatus[] | null,
    @Args('regimeId', { type: () => ID, nullable: true }) regimeId?: string | null,
    @Args('period', { type: () => String, nullable: true }) period?: string | null,
  ): Promise<ReportType[]> {
    const rows: Array<{ state: Report }> = await this.dataSource.query(
      `SELECT state FROM "${S}".reports WHERE reviewer_code = $1 AND role = 'UNIT' AND unit_code <> $1 AND status = ANY($2::text[]) AND ($3::text IS NULL OR regime_id = $3) AND ($4::text IS NULL OR period = $4)
       ORDER BY due_on, unit_code LIMIT ${LIMIT}`,
      [reviewerCode, status?.length ? status : ['SUBMITTED'], regimeId ?? null, period ?? null],
    );
    const today = todayOf(this.clock);
    return rows.map((row) => reportView(row.state, today));
  }

  @AccessCheckedInResolver('read')
  @ResolveReference()
  async resolveReference(@Parent() reference: { id: string }, @CurrentIdentity() identity: Identity): Promise<ReportType> {
    const state = await this.guard.load(reference.id);
    await this.guard.assertRead(identity, state);
    return reportView(state, todayOf(this.clock));
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => UnitRef, { description: 'Đơn vị báo cáo (do dịch vụ danh mục trả lời).' })
  unit(@Parent() report: ReportType): UnitRef {
    return { code: report.unitCode };
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => ConsolidationType, { nullable: true, description: 'Tổng hợp báo cáo đã chấp nhận của các đơn vị cấp dưới đơn vị này trong kỳ.' })
  async consolidation(@Parent() report: ReportType): Promise<ConsolidationType | null> {
    const view = await consolidationOf(this.dataSource, report);
    return view
      ? {
          children: view.children,
          accepted: view.accepted,
          items: view.items.map((i) => ({ ...i, contributors: [...i.contributors] })),
          sections: view.sections.map((s) => ({ ...s, units: [...s.units] })),
        }
      : null;
  }

  @AccessCheckedInResolver('read-history')
  @ResolveField(() => [HistoryEntryType], { description: 'Lịch sử: ai, khi nào, trạng thái sau mỗi thay đổi.' })
  async history(@Parent() report: ReportType, @CurrentIdentity() identity: Identity): Promise<HistoryEntryView[]> {
    await this.access.assert(identity, 'read-history', report.unitCode);
    return historyView(historyOf(reportDecider, await this.store.readStream(reportStreamId(report.id))));
  }

  @AccessCheckedInResolver('read-history')
  @ResolveField(() => IntegrityReportType, { description: 'Kiểm tra chuỗi băm của lịch sử.' })
  async integrity(@Parent() report: ReportType, @CurrentIdentity() identity: Identity): Promise<IntegrityReportType> {
    await this.access.assert(identity, 'read-history', report.unitCode);
    return integrityReport(await this.store.verifyStream(reportStreamId(report.id)));
  }
}
