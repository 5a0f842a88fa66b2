import { Field, Int, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, SignedIn } from '@reform/auth';
import { DateScalar } from '@reform/subgraph';
import { indicatorOf } from '../../domain/frameworks/catalogue';
import { PLANS_GRAPHQL_TYPES } from '../../graphql-types';
import { PlanIndicatorType } from '../plans/plan.types';
import { FrameworkReplica } from './framework-replica';

@ObjectType('PlanFrameworkIndicator', { registerIn: PLANS_GRAPHQL_TYPES })
export class PlanFrameworkIndicatorType {
  @Field() code!: string;
  @Field() name!: string;
}

@ObjectType('PlanFrameworkEdition', { registerIn: PLANS_GRAPHQL_TYPES, description: 'Chỉ số của bộ chỉ số áp dụng từ năm fromYear (đến phiên bản năm sau).' })
export class PlanFrameworkEditionType {
  @Field(() => Int) fromYear!: number;
  @Field(() => [PlanFrameworkIndicatorType]) indicators!: PlanFrameworkIndicatorType[];
}

@ObjectType('PlanFramework', {
  registerIn: PLANS_GRAPHQL_TYPES,
  description: 'Một bộ chỉ số mà mục của kế hoạch có thể dẫn chiếu: bản sao danh mục do dịch vụ chấm điểm công bố (phiên bản mới nhất).',
})
export class PlanFrameworkType {
  @Field() code!: string;
  @Field(() => Int) version!: number;
  @Field({ description: 'PAPI_EDITION, PAR_INDEX_SET hoặc LISTED (không liệt kê chỉ số: nhận mọi mã).' }) kind!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'Đơn vị ban hành (bộ chỉ số CCHC của một tỉnh, huyện).' }) issuerCode!: string | null;
  @Field(() => DateScalar) publishedOn!: string;
  @Field(() => [PlanFrameworkEditionType]) editions!: PlanFrameworkEditionType[];
}

/** The catalogue is the rules plans are written against: any signed-in user reads it. */
@Resolver(() => PlanFrameworkType)
export class PlanFrameworksResolver {
  constructor(private readonly replica: FrameworkReplica) {}

  @SignedIn()
  @Query(() => [PlanFrameworkType], { description: 'Danh mục bộ chỉ số mà kế hoạch dẫn chiếu (bản sao từ dịch vụ chấm điểm; phiên bản mới nhất của mỗi bộ).' })
  async planFrameworks(): Promise<PlanFrameworkType[]> {
    return (await this.replica.catalogue()).map((f) => ({
      ...f,
      editions: f.editions.map((e) => ({ fromYear: e.fromYear, indicators: e.indicators.map((i) => ({ ...i })) })),
    }));
  }
}

/** A section's indicator is named by the catalogue's edition of the plan's year (the code when the catalogue does not itemise it). */
@Resolver(() => PlanIndicatorType)
export class PlanIndicatorResolver {
  constructor(private readonly replica: FrameworkReplica) {}

  // Reference data: whoever may read the plan (a published plan is public) reads its indicators' names.
  @Public()
  @ResolveField(() => String)
  async name(@Parent() indicator: PlanIndicatorType): Promise<string> {
    const found = indicatorOf(indicator.framework, indicator.code, indicator.year, await this.replica.catalogue());
    return found && found !== 'unknown-framework' ? found.name : indicator.code;
  }
}
