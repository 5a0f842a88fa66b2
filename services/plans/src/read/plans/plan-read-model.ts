import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { PlanRecord } from './plan.record';

/** How many plans' issuers one process remembers (about 1 MB); past it, it starts again. */
const ISSUERS_REMEMBERED = 10_000;

/** Reads of the `plans` table. */
@Injectable()
export class PlanReadModel {
  private readonly issuers = new Map<string, string>();

  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  byId(id: string): Promise<PlanRecord | null> {
    return this.manager.findOne(PlanRecord, { where: { id } });
  }

  /**
   * The issuer alone, for an answer that needs nothing of the plan but its id (plan-resolver).
   * Remembered once found: a plan's issuer never changes (the decider refuses PLAN.ISSUER_CHANGED)
   * and no plan is deleted; an unknown id is asked again, since it may be drafted later.
   */
  async issuerOf(id: string): Promise<string | null> {
    const known = this.issuers.get(id);
    if (known) return known;
    const row = await this.manager.findOne(PlanRecord, { select: { issuerCode: true }, where: { id } });
    if (!row) return null;
    if (this.issuers.size >= ISSUERS_REMEMBERED) this.issuers.clear();
    this.issuers.set(id, row.issuerCode);
    return row.issuerCode;
  }

  list(filter: { issuerCode?: string | null; year?: number | null; parentPlanId?: string | null }): Promise<PlanRecord[]> {
    const query = this.manager.createQueryBuilder(PlanRecord, 'p').orderBy('p.year', 'DESC').addOrderBy('p.issuer_code').addOrderBy('p.number');
    if (filter.issuerCode) query.andWhere('p.issuer_code = :issuerCode', { issuerCode: filter.issuerCode });
    if (filter.year) query.andWhere('p.year = :year', { year: filter.year });
    if (filter.parentPlanId) query.andWhere('p.implements_plan_id = :parent', { parent: filter.parentPlanId });
    return query.getMany();
  }
}
