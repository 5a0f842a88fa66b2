import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { PlanRecord } from './plan.record';

/** Reads of the `plans` table. */
@Injectable()
export class PlanReadModel {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  byId(id: string): Promise<PlanRecord | null> {
    return this.manager.findOne(PlanRecord, { where: { id } });
  }

  /** The issuer alone, for an answer that needs nothing of the plan but its id (plan-resolver). */
  async issuerOf(id: string): Promise<string | null> {
    const row = await this.manager.findOne(PlanRecord, { select: { issuerCode: true }, where: { id } });
    return row?.issuerCode ?? null;
  }

  list(filter: { issuerCode?: string | null; year?: number | null; parentPlanId?: string | null }): Promise<PlanRecord[]> {
    const query = this.manager.createQueryBuilder(PlanRecord, 'p').orderBy('p.year', 'DESC').addOrderBy('p.issuer_code').addOrderBy('p.number');
    if (filter.issuerCode) query.andWhere('p.issuer_code = :issuerCode', { issuerCode: filter.issuerCode });
    if (filter.year) query.andWhere('p.year = :year', { year: filter.year });
    if (filter.parentPlanId) query.andWhere('p.implements_plan_id = :parent', { parent: filter.parentPlanId });
    return query.getMany();
  }
}
