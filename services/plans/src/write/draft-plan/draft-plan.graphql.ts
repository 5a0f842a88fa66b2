import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { PlanDraft } from '../../domain/plan-draft';
import { PlanAccess } from '../../read/plans/plan-access';
import { PlanReadModel } from '../../read/plans/plan-read-model';
import { PlanType } from '../../read/plans/plan.types';
import { PlanCommands } from '../shared/plan-commands';
import { DraftPlanInput } from './draft-plan.input';

/** GraphQL hands over objects without a prototype; events store plain JSON. */
export const plainDraft = (input: DraftPlanInput): PlanDraft => JSON.parse(JSON.stringify(input));

/** Drafting a plan and revising the draft: `manage` on the issuer. */
@Resolver(() => PlanType)
export class DraftPlanResolver {
  constructor(
    private readonly commands: PlanCommands,
    private readonly plans: PlanReadModel,
    private readonly access: PlanAccess,
  ) {}

  /**
   * The plan a draft implements must be one its drafter may read; an unknown one and another
   * tenant's get the same answer (issue 12, finding 7).
   */
  private async assertImplementable(identity: Identity, implementsPlanId: string | null | undefined): Promise<void> {
    if (!implementsPlanId) return;
    const record = await this.plans.byId(implementsPlanId);
    if (record && (await this.access.reader(identity)(record.issuerCode))) return;
    throw new DomainError('PLAN.UNKNOWN_PARENT_PLAN', 'Không tìm thấy kế hoạch cấp trên mà kế hoạch này thực hiện.', { field: 'implementsPlanId' });
  }

  @AccessCheckedInResolver('manage')
  @Mutation(() => PlanType, { description: 'Soạn dự thảo kế hoạch của một đơn vị (cần quyền quản lý đơn vị ban hành).' })
  async draftPlan(@Args('input') input: DraftPlanInput, @CurrentIdentity() identity: Identity): Promise<PlanType> {
    await this.commands.assertManage(identity, input.issuerCode);
    await this.assertImplementable(identity, input.implementsPlanId);
    const planId = randomUUID();
    return this.commands.execute(planId, { type: 'DraftPlan', data: { planId, draft: plainDraft(input) } }, identity, input.issuerCode);
  }

  @AccessCheckedInResolver('manage')
  @Mutation(() => PlanType, { description: 'Sửa dự thảo (toàn bộ nội dung); chỉ khi chưa ban hành.' })
  async reviseDraftPlan(@Args('id', { type: () => ID }) id: string, @Args('input') input: DraftPlanInput, @CurrentIdentity() identity: Identity): Promise<PlanType> {
    const plan = await this.commands.load(id);
    await this.commands.assertManage(identity, plan.draft.issuerCode);
    await this.assertImplementable(identity, input.implementsPlanId);
    return this.commands.execute(id, { type: 'ReviseDraft', data: { draft: plainDraft(input) } }, identity, plan.draft.issuerCode);
  }
}
