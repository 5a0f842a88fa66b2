import { Injectable } from '@nestjs/common';
import { Identity } from '@reform/access';
import { DomainError } from '@reform/decider';
import { PlanAccess } from '../../read/plans/plan-access';
import { PlanReadModel } from '../../read/plans/plan-read-model';

/** Drafting and revising both name the plan a draft implements. */
@Injectable()
export class ParentPlanCheck {
  constructor(
    private readonly plans: PlanReadModel,
    private readonly access: PlanAccess,
  ) {}

  /**
   * The plan a draft implements must be one its drafter may read; an unknown one and another
   * tenant's get the same answer (issue 12, finding 7).
   */
  async assertImplementable(identity: Identity, implementsPlanId: string | null | undefined): Promise<void> {
    if (!implementsPlanId) return;
    const record = await this.plans.byId(implementsPlanId);
    if (record && (await this.access.reader(identity)(record.issuerCode))) return;
    throw new DomainError('PLAN.UNKNOWN_PARENT_PLAN', 'Không tìm thấy kế hoạch cấp trên mà kế hoạch này thực hiện.', { field: 'implementsPlanId' });
  }
}
