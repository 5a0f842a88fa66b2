import { Inject } from '@nestjs/common';
import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { DateScalar, pageWindow, refuseSilentCut, windowOf } from '@reform/subgraph';
import { PLANS_GRAPHQL_TYPES } from '../../graphql-types';
import { PlanReadModel } from './plan-read-model';

/**
 * What the province promised, for citizens and the press without signing in (the public page,
 * PAPI's transparency dimension): issued plans only, their number, title, issuer and day; no
 * draft, no appendix cell, no account, no person.
 */
@ObjectType('PublicPlan', { registerIn: PLANS_GRAPHQL_TYPES, description: 'Kế hoạch đã ban hành, công khai (không có dữ liệu cá nhân).' })
export class PublicPlanType {
  @Field(() => ID) id!: string;
  @Field() number!: string;
  @Field() title!: string;
  @Field(() => Int) year!: number;
  @Field(() => DateScalar, { nullable: true }) issuedOn!: string | null;
  @Field(() => ID) issuerCode!: string;
  @Field({ description: 'Tên đơn vị ban hành.' }) issuerName!: string;
  @Field({ description: 'ISSUED (đã ban hành) hoặc CLOSED (đã kết thúc).' }) status!: string;
}

/** As many as `publicPlanProgress` answers at once. */
export const PUBLIC_PLAN_PAGE_MAX = 500;

@Resolver(() => PublicPlanType)
export class PublicPlansResolver {
  constructor(
    private readonly readModel: PlanReadModel,
    @Inject(UNIT_HIERARCHY) private readonly hierarchy: UnitHierarchy,
  ) {}

  @Public()
  @Query(() => [PublicPlanType], {
    description: `Các kế hoạch đã ban hành của một tỉnh và các đơn vị trong tỉnh (không cần đăng nhập). Tối đa ${PUBLIC_PLAN_PAGE_MAX} kế hoạch một lần: nhiều hơn thì dùng limit và offset.`,
  })
  async publicPlans(
    @Args('provinceCode', { type: () => ID }) provinceCode: string,
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số kế hoạch bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số kế hoạch tối đa trả về (1–${PUBLIC_PLAN_PAGE_MAX}).` }) limit?: number | null,
  ): Promise<PublicPlanType[]> {
    const window = pageWindow({ offset, limit }, PUBLIC_PLAN_PAGE_MAX);
    const all = await this.plansOf(provinceCode, year);
    refuseSilentCut(all.length, window, 'kế hoạch');
    return windowOf(all, window);
  }

  private async plansOf(provinceCode: string, year?: number | null): Promise<PublicPlanType[]> {
    const province = await this.hierarchy.lastKnown(provinceCode);
    if (!province || province.level !== 'PROVINCE')
      throw new DomainError('PUBLIC.NOT_A_PROVINCE', `Không có tỉnh mã "${provinceCode}".`, { field: 'provinceCode', kind: 'NOT_FOUND' });
    const records = (await this.readModel.list({ year })).filter((record) => record.status !== 'DRAFT' && record.issuedOn);
    const out: PublicPlanType[] = [];
    for (const record of records) {
      // The issuer as it was on the issue day: a merged district's plans stay with its province.
      const ancestry = await this.hierarchy.ancestry(record.issuerCode, record.issuedOn as string);
      if (!ancestry.some((unit) => unit.code === provinceCode)) continue;
      out.push({
        id: record.id,
        number: record.number,
        title: record.title,
        year: record.year,
        issuedOn: record.issuedOn,
        issuerCode: record.issuerCode,
        issuerName: ancestry[0].name,
        status: record.status,
      });
    }
    return out;
  }
}
