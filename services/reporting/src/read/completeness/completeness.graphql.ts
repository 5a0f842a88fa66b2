import { Args, Field, Float, ID, Int, ObjectType, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, AccessToUnitArgument, CurrentIdentity, SignedIn } from '@reform/auth';
import { Page, pageOf, pageType, pageWindow, refuseSilentCut } from '@reform/subgraph';
import { REPORTING_GRAPHQL_TYPES as T } from '../../graphql-types';
import { UnitRef } from '../reports/report.types';
import { CompletenessQuery, SubtreeCompleteness } from './completeness.query';

@ObjectType('Completeness', { registerIn: T, description: 'Tình hình báo cáo của một kỳ trong phạm vi một đơn vị (như tỷ lệ báo cáo của DHIS2).' })
export class CompletenessType {
  @Field(() => ID) regimeId!: string;
  @Field() period!: string;
  @Field(() => ID) unitCode!: string;
  @Field(() => UnitRef) unit!: UnitRef;
  @Field(() => Int, { description: 'Số báo cáo phải nộp.' }) expected!: number;
  @Field(() => Int, { description: 'Đã gửi (ít nhất một lần).' }) submitted!: number;
  @Field(() => Int) onTime!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int, { description: 'Chưa gửi và không được miễn.' }) missing!: number;
  @Field(() => Int) accepted!: number;
  @Field(() => Int) returned!: number;
  @Field(() => Int, { description: 'Đánh dấu "không báo cáo".' }) waived!: number;
  @Field(() => Float, { nullable: true }) submittedRate!: number | null;
  @Field(() => Float, { nullable: true }) onTimeRate!: number | null;
  @Field(() => Float, { nullable: true }) acceptedRate!: number | null;
}

/** The most missing units one answer lists (a country-wide period has thousands); `missingUnitPage` pages beyond. */
export const MISSING_UNITS_PAGE_MAX = 1_000;

const MissingUnitPage = pageType('MissingUnitPage', () => UnitRef, { registerIn: T, description: 'Một trang danh sách đơn vị chưa báo cáo, theo mã đơn vị.' });

const view = (c: SubtreeCompleteness): CompletenessType => ({ ...c, unit: { code: c.unitCode } });

@Resolver(() => CompletenessType)
export class CompletenessResolver {
  constructor(private readonly query: CompletenessQuery) {}

  @AccessToUnitArgument('read', 'unitCode')
  @Query(() => CompletenessType, { nullable: true, description: 'Tình hình báo cáo của một kỳ trong phạm vi một đơn vị (null khi kỳ chưa mở).' })
  async reportingCompleteness(
    @Args('regimeId', { type: () => ID }) regimeId: string,
    @Args('period') period: string,
    @Args('unitCode', { type: () => ID }) unitCode: string,
  ): Promise<CompletenessType | null> {
    const c = await this.query.of(regimeId, period, unitCode);
    return c ? view(c) : null;
  }

  // The parent was checked by the query that reached it (read on the subtree covers its children).
  @AccessCheckedInResolver('read')
  @ResolveField(() => [CompletenessType], { description: 'Tình hình của từng đơn vị trực thuộc.' })
  async children(@Parent() parent: CompletenessType): Promise<CompletenessType[]> {
    return (await this.query.children(parent.regimeId, parent.period, parent.unitCode)).map(view);
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => [ID], { description: `Mã đơn vị chưa báo cáo, theo mã (tối đa ${MISSING_UNITS_PAGE_MAX} một lần; offset, limit).` })
  async missingUnitCodes(
    @Parent() parent: CompletenessType,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ): Promise<string[]> {
    const window = pageWindow({ offset, limit }, MISSING_UNITS_PAGE_MAX);
    refuseSilentCut(parent.missing, window, 'đơn vị chưa báo cáo', 'missingUnitPage');
    return this.query.missing(parent.regimeId, parent.period, parent.unitCode, window.offset, window.limit);
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => [UnitRef], { description: `Đơn vị chưa báo cáo, theo mã (tối đa ${MISSING_UNITS_PAGE_MAX} một lần; offset, limit).` })
  async missingUnits(
    @Parent() parent: CompletenessType,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ): Promise<UnitRef[]> {
    return (await this.missingUnitCodes(parent, offset, limit)).map((code) => ({ code }));
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => MissingUnitPage, { description: 'Đơn vị chưa báo cáo, từng trang, với tổng số.' })
  async missingUnitPage(
    @Parent() parent: CompletenessType,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ): Promise<Page<UnitRef>> {
    const window = pageWindow({ offset, limit }, MISSING_UNITS_PAGE_MAX);
    const codes = await this.query.missing(parent.regimeId, parent.period, parent.unitCode, window.offset, window.limit);
    return pageOf(
      codes.map((code) => ({ code })),
      parent.missing,
      window,
    );
  }
}

/** Fields this subgraph adds to the directory's Unit. */
@Resolver(() => UnitRef)
export class UnitReportingResolver {
  constructor(
    private readonly query: CompletenessQuery,
    private readonly access: AccessControl,
  ) {}

  // A reference carries only the key; what it may show is checked on each field.
  @SignedIn()
  @ResolveReference()
  resolveReference(@Parent() reference: { code: string }): UnitRef {
    return { code: reference.code };
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => CompletenessType, {
    nullable: true,
    description: 'Tình hình báo cáo của đơn vị (gồm đơn vị trực thuộc) cho một kỳ của một chế độ báo cáo.',
  })
  async reportingCompleteness(
    @Parent() unit: UnitRef,
    @CurrentIdentity() identity: Identity,
    @Args('regimeId', { type: () => ID }) regimeId: string,
    @Args('period') period: string,
  ): Promise<CompletenessType | null> {
    await this.access.assert(identity, 'read', unit.code);
    const c = await this.query.of(regimeId, period, unit.code);
    return c ? view(c) : null;
  }
}
