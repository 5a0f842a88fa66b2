import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlanIssuedV1 } from '@reform/contracts';
import { EVENT_STORE, handleCommand, PostgresEventStore } from '@reform/event-store';
import { IntegrationMessage, OnIntegrationEvent } from '@reform/messaging';
import { campaignDecider, campaignStreamId } from '../../domain/campaign/campaign.decider';
import { SCORING_PROJECTIONS } from '../../read/read-models';
import { SCORING_SCHEMA as S } from '../../schema';

/**
 * A unit that owes an improvement plan (it ranked at the bottom of a published campaign) issues
 * a plan on or after the publication → the obligation is fulfilled by that plan (seed 003: Quảng
 * Vinh's 136/KH-UBND after ranking 11/11). Any plan the unit issues counts: the platform cannot
 * tell an improvement plan from its title, and the owner sees which plan closed it.
 */
@Injectable()
export class FulfilImprovementObligation {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  // The consumer name is fixed: renaming the method must not start a new durable consumer.
  @OnIntegrationEvent(PlanIssuedV1, { consumer: 'scoring.improvement-obligations' })
  async receive(plan: PlanIssuedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> {
    await keepPapiSections(plan, manager);
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM "${S}".campaigns WHERE status = 'PUBLISHED' AND state->'obligations' @> $1::jsonb`,
      [JSON.stringify([{ unitCode: plan.issuerCode, fulfilledBy: null }])],
    );
    for (const { id } of rows) {
      await handleCommand({
        store: this.store.withManager(manager),
        decider: campaignDecider,
        streamId: campaignStreamId(id),
        command: { type: 'RecordImprovementPlan', data: { unitCode: plan.issuerCode, planId: plan.planId, number: plan.number, on: plan.issuedOn } },
        metadata: {
          actor: message.metadata.actor,
          tenant: message.metadata.tenant,
          correlationId: message.metadata.correlationId,
          causationId: message.eventId,
        },
        projections: SCORING_PROJECTIONS,
      });
    }
  }
}

/**
 * The PAPI indicators the plan's sections cite ("PAPI 2" or "PAPI 2.1"), kept for `Plan.papiScores`
 * (read/plan-papi-scores): received with the same event, in the same inbox transaction.
 */
async function keepPapiSections(plan: PlanIssuedV1, manager: EntityManager): Promise<void> {
  const codes = [...new Set(plan.tasks.map((task) => /^PAPI\s+(\d+(?:\.\d+)?)$/.exec(task.sectionCode ?? '')?.[1]).filter((code): code is string => !!code))];
  if (codes.length === 0) return;
  await manager.query(
    `INSERT INTO "${S}".plan_papi_sections (plan_id, issuer_code, year, indicator_codes) VALUES ($1, $2, $3, $4) ON CONFLICT (plan_id) DO UPDATE SET indicator_codes = EXCLUDED.indicator_codes`,
    [plan.planId, plan.issuerCode, plan.year, codes],
  );
}
