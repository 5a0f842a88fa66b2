import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { DateScalar } from '@reform/subgraph';
import { DraftSection } from '../../domain/plan-draft';
import { PlanType } from '../../read/plans/plan.types';
import { DraftSectionInput } from '../draft-plan/draft-plan.input';
import { PlanCommands } from '../common/plan-commands';
import { PLANS_GRAPHQL_TYPES } from '../../graphql-types';

@InputType({ registerIn: PLANS_GRAPHQL_TYPES, description: 'Đổi thời gian thực hiện của một nhiệm vụ.' })
export class TimeframeChangeInput {
  @Field(() => ID) taskId!: string;
  @Field({ description: 'Thời gian thực hiện mới, như sẽ viết.' }) timeframe!: string;
}

@InputType({
  registerIn: PLANS_GRAPHQL_TYPES,
  description:
    'Điều chỉnh kế hoạch đã ban hành, có lý do. Hoặc gửi toàn bộ phụ lục mới (sections: nhiệm vụ giữ taskId; nhiệm vụ mới không có taskId được cấp mã tiếp theo; nhiệm vụ vắng mặt bị bỏ), hoặc chỉ bỏ nhiệm vụ (removeTaskIds) và/hoặc đổi thời gian (changeTimeframes). Không đổi được đơn vị của nhiệm vụ đã giao: bỏ nhiệm vụ và thêm nhiệm vụ mới.',
})
export class AmendPlanInput {
  @Field({ description: 'Lý do điều chỉnh (bắt buộc).' }) reason!: string;
  @Field(() => [DraftSectionInput], { nullable: true, description: 'Toàn bộ phụ lục sau điều chỉnh.' }) sections?: DraftSectionInput[] | null;
  @Field(() => [ID], { nullable: true, description: 'Bỏ các nhiệm vụ này (mã t1, t2...).' }) removeTaskIds?: string[] | null;
  @Field(() => [TimeframeChangeInput], { nullable: true }) changeTimeframes?: TimeframeChangeInput[] | null;
  @Field(() => DateScalar, { nullable: true, description: 'Ngày điều chỉnh; mặc định hôm nay (giờ Việt Nam).' }) amendedOn?: string | null;
}

/** Amending an issued plan: revision 2, 3...; added tasks resolved on the amendment day. */
@Resolver(() => PlanType)
export class AmendPlanResolver {
  constructor(private readonly commands: PlanCommands) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => PlanType, { description: 'Điều chỉnh kế hoạch đã ban hành (có lý do): thêm, bỏ nhiệm vụ, đổi thời gian thực hiện.' })
  async amendPlan(@Args('id', { type: () => ID }) id: string, @Args('input') input: AmendPlanInput, @CurrentIdentity() identity: Identity): Promise<PlanType> {
    const amendedOn = input.amendedOn ?? this.commands.today();
    const change = JSON.parse(
      JSON.stringify({ sections: input.sections ?? null, removeTaskIds: input.removeTaskIds ?? null, changeTimeframes: input.changeTimeframes ?? null }),
    );
    // The units of the amendment day, for the plan the amendment is decided against.
    return this.commands.change(id, identity, async (plan) => {
      const units = await this.commands.neighbourhood(plan.draft.issuerCode, amendedOn, (change.sections as DraftSection[] | null) ?? plan.draft.sections);
      return { type: 'AmendPlan', data: { amendedOn, reason: input.reason, change, units } };
    });
  }
}
