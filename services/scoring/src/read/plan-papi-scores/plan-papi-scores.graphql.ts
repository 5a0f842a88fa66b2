import { Inject } from '@nestjs/common';
import { Directive, Field, Float, ID, Int, ObjectType, Parent, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessCheckedInResolver, SignedIn } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { QuartileGroup } from '../../domain/ranking';
import { SCORING_GRAPHQL_TYPES } from '../../graphql-types';
import { SCORING_SCHEMA as S } from '../../schema';
import { PapiReadModel } from '../papi-results/papi-read-model';
import { QuartileGroupEnum } from '../papi-results/papi.types';

/** A plan as the plans subgraph resolves it (by id); this subgraph adds the PAPI scores its sections cite. */
@ObjectType('Plan', { registerIn: SCORING_GRAPHQL_TYPES })
@Directive('@key(fields: "id")')
export class ScoringPlanRef {
  @Field(() => ID) id!: string;
}

@ObjectType('PlanPapiScore', { registerIn: SCORING_GRAPHQL_TYPES, description: 'Điểm PAPI mới nhất của tỉnh cho một chỉ số mà mục của kế hoạch nhắm tới.' })
export class PlanPapiScoreType {
  @Field({ description: 'Mã chỉ số của mục ("2" hoặc "2.1").' }) indicatorCode!: string;
  @Field() dimensionCode!: string;
  @Field() dimensionName!: string;
  @Field(() => ID) provinceCode!: string;
  @Field(() => Int) year!: number;
  @Field(() => Float, { nullable: true, description: 'Điểm chỉ số nội dung (null: tỉnh không được xếp hạng năm đó).' }) score!: number | null;
  @Field(() => Int, { nullable: true }) rank!: number | null;
  @Field(() => QuartileGroupEnum, { nullable: true }) group!: QuartileGroup | null;
  @Field(() => Float, { nullable: true, description: 'Điểm nội dung thành phần, khi mục nhắm một nội dung thành phần.' }) subScore!: number | null;
}

@Resolver(() => ScoringPlanRef)
export class PlanPapiScoresResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly papi: PapiReadModel,
    @Inject(UNIT_HIERARCHY) private readonly units: UnitHierarchy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @SignedIn()
  @ResolveReference()
  resolveReference(@Parent() reference: { id: string }): ScoringPlanRef {
    return { id: reference.id };
  }

  /**
   * The latest imported survey year up to the plan's year (else the earliest after it), the
   * issuer's province: for each PAPI indicator a section cites, the dimension's score, rank and
   * group. PAPI results are published data; the plan itself was checked by the query that reached it.
   */
  @AccessCheckedInResolver('read')
  @ResolveField(() => [PlanPapiScoreType], { description: 'Điểm, thứ hạng và nhóm PAPI mới nhất của tỉnh cho các chỉ số mà các mục của kế hoạch nhắm tới.' })
  async papiScores(@Parent() plan: ScoringPlanRef): Promise<PlanPapiScoreType[]> {
    const [row]: Array<{ issuer_code: string; year: number; indicator_codes: string[] }> = await this.dataSource.query(
      `SELECT issuer_code, year, indicator_codes FROM "${S}".plan_papi_sections WHERE plan_id = $1`,
      [plan.id],
    );
    if (!row || row.indicator_codes.length === 0) return [];
    const ancestry = await this.units.ancestry(row.issuer_code, todayOf(this.clock));
    const province = ancestry.find((unit) => unit.level === 'PROVINCE') ?? (await this.units.lastKnown(row.issuer_code));
    if (!province) return [];
    const years = (await this.papi.years()).map((y) => y.year);
    const year = [...years].reverse().find((y) => y <= row.year) ?? years[0];
    if (year === undefined) return [];
    const result = (await this.papi.results(year)).find((r) => r.provinceCode === (province.level === 'PROVINCE' ? province.code : province.code.slice(0, 2)));
    if (!result) return [];
    return row.indicator_codes.flatMap((code) => {
      const dimension = result.dimensions.find((d) => d.code === code.split('.')[0]);
      if (!dimension) return [];
      return [
        {
          indicatorCode: code,
          dimensionCode: dimension.code,
          dimensionName: dimension.name,
          provinceCode: result.provinceCode,
          year,
          score: dimension.score,
          rank: dimension.rank,
          group: dimension.group,
          subScore: code.includes('.') ? (dimension.subDimensions.find((s) => s.code === code)?.score ?? null) : null,
        },
      ];
    });
  }
}
