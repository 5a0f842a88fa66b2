import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlanAmendedV1, PlanClosedV1, PlanIssuedV1 } from '@reform/contracts';
import { enqueueJob, IntegrationMessage, OnIntegrationEvent } from '@reform/messaging';
import { TASKS_SCHEMA } from '../../schema';
import { PLAN_EVENTS_QUEUE, PlanEventJobMeta, PlanEventJobs } from '../plan-event-jobs';

/**
 * Plan issued, amended or closed → a job of the plan's key, recorded in the inbox's transaction
 * (exactly once, and short). One durable consumer takes the three events in the order they were
 * published; the reactions run later, off the job queue (PlanEventJobs).
 */
@Injectable()
export class PlanEventsConsumer {
  constructor(private readonly jobs: PlanEventJobs) {}

  // The consumer name is fixed: renaming the method must not start a new durable consumer.
  @OnIntegrationEvent([PlanIssuedV1, PlanAmendedV1, PlanClosedV1], { consumer: 'tasks.plan-assignments' })
  async receive(data: PlanIssuedV1 | PlanAmendedV1 | PlanClosedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> {
    const meta: PlanEventJobMeta = { ...message, data: undefined } as PlanEventJobMeta;
    await enqueueJob(manager, TASKS_SCHEMA, { queue: PLAN_EVENTS_QUEUE, key: data.planId, jobId: message.eventId, name: message.name, data, meta });
    // The job is visible only once the inbox's transaction commits, after this returns.
    this.jobs.nudge();
  }
}
