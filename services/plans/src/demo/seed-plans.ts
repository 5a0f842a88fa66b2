import { INestApplication } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Identity } from '@reform/access';
import { PlanCommands } from '../write/common/plan-commands';
import { DEMO_PLANS, TWO_TIER_DEMO_PLANS } from './plans';

export interface DemoPlansSummary {
  /** Plans drafted and issued by this run. */
  readonly issued: number;
  /** Plans a previous run had issued (the demo data is kept in the embedded data folder). */
  readonly alreadyThere: number;
  /** Every demo plan's id, by its key ('thang-binh-par-2021', ...). */
  readonly planIds: Readonly<Record<string, string>>;
}

/** A demo plan's id: fixed by its key, so that a restart finds the plans it issued before. */
export function demoPlanId(key: string): string {
  const hex = createHash('sha256').update(`reform.demo.plan.v1\u0000${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The embedded mode's demo plans: each drafted as its issuer wrote it and issued on its own day,
 * the provincial plans before the district plans that implement them. The events name the actor
 * `demo` (the demo loader, not a person) acting for the issuer.
 */
export async function seedDemoPlans(app: INestApplication, options: { twoTier?: boolean } = {}): Promise<DemoPlansSummary> {
  const commands = app.get(PlanCommands);
  const planIds: Record<string, string> = {};
  let issued = 0;
  let alreadyThere = 0;
  for (const plan of [...DEMO_PLANS, ...(options.twoTier ? TWO_TIER_DEMO_PLANS : [])]) {
    const planId = demoPlanId(plan.key);
    planIds[plan.key] = planId;
    const issuerCode = plan.draft.issuerCode;
    const identity: Identity = { accountId: 'demo', username: 'demo', unitCode: issuerCode, roles: [] };
    const existing = await commands.find(planId);
    if (existing && existing.status !== 'draft') {
      alreadyThere += 1;
      continue;
    }
    if (!existing) {
      const implementsPlanId = plan.implementsKey ? demoPlanId(plan.implementsKey) : (plan.draft.implementsPlanId ?? null);
      await commands.execute(planId, identity, { type: 'DraftPlan', data: { planId, draft: { ...plan.draft, implementsPlanId } } });
    }
    const draft = (await commands.load(planId)).draft;
    const units = await commands.neighbourhood(issuerCode, plan.issuedOn, draft.sections);
    await commands.execute(planId, identity, { type: 'IssuePlan', data: { issuedOn: plan.issuedOn, units } });
    issued += 1;
  }
  return { issued, alreadyThere, planIds };
}
