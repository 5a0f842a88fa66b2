import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlanIssuedV1 } from '@reform/contracts';
import { EVENT_STORE, handleCommand, PostgresEventStore } from '@reform/event-store';
import { IntegrationMessage, OnIntegrationEvent } from '@reform/messaging';
import { campaignDecider, campaignStreamId } from '../../domain/campaign/campaign.decider';
import { SCORING_PROJECTIONS } from '../../read/projections';
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
        metadata: { actor: message.metadata.actor, tenant: message.metadata.tenant, correlationId: message.metadata.correlationId, causationId: message.eventId },
        projections: SCORING_PROJECTIONS,
      });
    }
  }
}
