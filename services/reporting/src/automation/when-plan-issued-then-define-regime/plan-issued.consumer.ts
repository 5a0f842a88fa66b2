import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlanIssuedV1 } from '@reform/contracts';
import { enqueueJob, IntegrationMessage, OnIntegrationEvent } from '@reform/messaging';
import { REPORTING_SCHEMA } from '../../schema';
import { PLAN_REGIMES_QUEUE, PlanRegimeJobs } from './plan-regime-jobs';

/**
 * A plan issued with reporting requirements → a job of the plan's key, recorded in the inbox's
 * transaction (exactly once, short); the regimes are made off the job queue (PlanRegimeJobs).
 * A plan without requirements leaves nothing.
 */
@Injectable()
export class PlanIssuedConsumer {
  constructor(private readonly jobs: PlanRegimeJobs) {}

  // The consumer name is fixed: renaming the method must not start a new durable consumer.
  @OnIntegrationEvent([PlanIssuedV1], { consumer: 'reporting.plan-regimes' })
  async receive(data: PlanIssuedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> {
    if (!data.reportingRequirements?.length) return;
    await enqueueJob(manager, REPORTING_SCHEMA, {
      queue: PLAN_REGIMES_QUEUE,
      key: data.planId,
      jobId: message.eventId,
      name: message.name,
      data,
      meta: { ...message, data: undefined },
    });
    // The job is visible once the inbox's transaction commits, after this returns.
    this.jobs.nudge();
  }
}
