import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlanAmendedV1, PlanClosedV1, PlanIssuedV1 } from '@reform/contracts';
import { EVENT_STORE, EventMetadata, PostgresEventStore, SYSTEM_ACTOR } from '@reform/event-store';
import { IntegrationMessage, OnIntegrationEvent } from '@reform/messaging';
import { TASKS_PROJECTIONS } from '../write/assignment-commands';
import { BatchOptions } from '../write/assignment-batches';
import { createAssignmentsOfPlan } from './when-plan-issued-then-create-assignments/create-assignments';
import { adjustAssignments } from './when-plan-amended-then-adjust-assignments/adjust-assignments';
import { cancelOpenAssignments } from './when-plan-closed-then-cancel-open-assignments/cancel-open-assignments';
import { fulfilObligation } from './when-implementing-plan-issued-then-fulfil-obligation/fulfil-obligation';

export const FAN_OUT_OPTIONS = Symbol('FAN_OUT_OPTIONS');
export interface FanOutOptions {
  /** Assignments per transaction (default 2,000). */
  readonly chunkSize?: number;
}

/**
 * The tasks service's reactions to the plans service. One durable consumer takes the plan's
 * three events in the order they were published: an amendment must never be handled before the
 * fan-out of the issue it amends.
 *
 * Exactly once: the inbox makes a handler's effect exactly-once only when the effect commits in
 * the inbox's transaction. The fan-out does not (it commits chunk by chunk, in its own
 * transactions, so ≈500,000 assignments never sit in one), so its idempotency comes from the
 * deterministic assignment ids and the state checks of the decider: a redelivery after a crash
 * skips what exists and resumes. The inbox row then commits once the whole handler succeeded.
 */
@Injectable()
export class PlanEventsConsumer {
  private readonly logger = new Logger('PlanEventsConsumer');

  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(FAN_OUT_OPTIONS) private readonly fanOut: FanOutOptions,
  ) {}

  // The consumer name is fixed: renaming the method must not start a new durable consumer.
  @OnIntegrationEvent([PlanIssuedV1, PlanAmendedV1, PlanClosedV1], { consumer: 'tasks.plan-assignments' })
  async onPlanEvent(data: PlanIssuedV1 | PlanAmendedV1 | PlanClosedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> {
    const options = this.batchOptions(message);
    switch (message.name) {
      case PlanIssuedV1.name: {
        const plan = data as PlanIssuedV1;
        const created = await createAssignmentsOfPlan(plan, manager, options);
        this.logger.log(`Plan ${plan.number} (${plan.planId}): ${created} assignments created`);
        if (plan.implementsPlanId) await fulfilObligation(plan, options);
        return;
      }
      case PlanAmendedV1.name:
        await adjustAssignments(data as PlanAmendedV1, manager, options, this.logger);
        return;
      case PlanClosedV1.name:
        await cancelOpenAssignments(data as PlanClosedV1, manager, options);
        return;
    }
  }

  /** The system acts; the audit timeline links each assignment to the plan event that caused it. */
  private batchOptions(message: IntegrationMessage): BatchOptions {
    const metadata: EventMetadata = { actor: SYSTEM_ACTOR, tenant: message.metadata.tenant, correlationId: message.metadata.correlationId, causationId: message.eventId };
    return { store: this.store, projections: TASKS_PROJECTIONS, metadata, chunkSize: this.fanOut.chunkSize };
  }
}
