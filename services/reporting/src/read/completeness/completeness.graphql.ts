import { Args, Field, Float, ID, Int, ObjectType, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, AccessToUnitArgument, CurrentIdentity, SignedIn } from '@reform/auth';
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
  @Field(() => [ID]) missingUnitCodes!: string[];
  @Field(() => [UnitRef], { description: 'Đơn vị chưa báo cáo.' }) missingUnits!: UnitRef[];
}

const view = (c: SubtreeCompleteness): CompletenessType => ({ ...c, unit: { code: c.unitCode }, missingUnitCodes: [...c.missingUnitCodes], missingUnits: c.missingUnitCodes.map((code) => ({ code })) });

@Resolver(() => CompletenessType)
export class CompletenessResolver {
  constructor(private readonly query: CompletenessQuery) {}

  @AccessToUnitArgument('read', 'unitCode')
  @Query(() => CompletenessType, { nullable: true, description: 'Tình hình báo cáo của một kỳ trong phạm vi một đơn vị (null khi kỳ chưa mở).' })
  async reportingCompleteness(@Args('regimeId', { type: () => ID }) regimeId: string, @Args('period') period: string, @Args('unitCode', { type: () => ID }) unitCode: string): Promise<CompletenessType | null> {
    const c = await this.query.of(regimeId, period, unitCode);
    return c ? view(c) : null;
  }

  // The parent was checked by the query that reached it (read on the subtree covers its children).
  @AccessCheckedInResolver('read')
  @ResolveField(() => [CompletenessType], { description: 'Tình hình của từng đơn vị trực thuộc.' })
  async children(@Parent() parent: CompletenessType): Promise<CompletenessType[]> {
    return (await this.query.children(parent.regimeId, parent.period, parent.unitCode)).map(view);
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
  @ResolveField(() => CompletenessType, { nullable: true, description: 'Tình hình báo cáo của đơn vị (gồm đơn vị trực thuộc) cho một kỳ của một chế độ báo cáo.' })
  async reportingCompleteness(@Parent() unit: UnitRef, @CurrentIdentity() identity: Identity, @Args('regimeId', { type: () => ID }) regimeId: string, @Args('period') period: string): Promise<CompletenessType | null> {
    await this.access.assert(identity, 'read', unit.code);
    const c = await this.query.of(regimeId, period, unit.code);
    return c ? view(c) : null;
  }
}
