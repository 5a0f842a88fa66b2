import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlanAmendedV1, PlanClosedV1, PlanIssuedV1 } from '@reform/contracts';
import { EVENT_STORE, PostgresEventStore } from '@reform/event-store';
import { Job, JobContext, JobQueueTimings, MessageJobMeta, QueueWorker, systemActsOn } from '@reform/messaging';
import { TASKS_SCHEMA } from '../schema';
import { TASKS_PROJECTIONS } from '../write/common/assignment-commands';
import { BatchOptions } from '../write/common/assignment-batches';
import { createAssignmentsOfPlan } from './when-plan-issued-then-create-assignments/create-assignments';
import { fulfilObligation } from './when-implementing-plan-issued-then-fulfil-obligation/fulfil-obligation';
import { adjustAssignments } from './when-plan-amended-then-adjust-assignments/adjust-assignments';
import { cancelOpenAssignments } from './when-plan-closed-then-cancel-open-assignments/cancel-open-assignments';

/** The job queue of the plan events received (one key per plan: its events apply in order). */
export const PLAN_EVENTS_QUEUE = 'tasks.plan-events';

export const FAN_OUT_OPTIONS = Symbol('FAN_OUT_OPTIONS');
export interface FanOutOptions extends JobQueueTimings {
  /** Assignments per transaction (default 2,000). */
  readonly chunkSize?: number;
  /** Chunks of one job written at once, each its own transaction (default 2: this process and PostgreSQL busy together). */
  readonly parallelChunks?: number;
  /**
   * How long a done job is kept before the leader prunes it. Default 0, kept for good: the task
   * timeline reads a plan's received events from this queue (read/task-timeline), and there is
   * one job per plan event, not per assignment, so the queue grows with the plans issued.
   */
  readonly doneRetentionMs?: number;
}

/** What a plan event's job carries besides its data: the message's envelope, for the audit trail. */
export type PlanEventJobMeta = MessageJobMeta;

/**
 * The tasks service's reactions to the plans service, worked off the job queue `tasks.plan-events`
 * by the generic processor of libs/messaging (ADR 0024): one leader per database, one plan's
 * events in order (an amendment after its issue), other plans not held up by a failing one,
 * bounded attempts, then a dead letter (`npm run dead-letters -- tasks list`) that holds its
 * plan's later events until the operator retries or discards it.
 *
 * Why not react inside the inbox handler: a plan sent to every commune is ≈500,000 assignments,
 * minutes of work. Inside the inbox's transaction it would hold a transaction id open all that
 * time (every relay's readAll of the cluster waits behind pg_snapshot_xmin) and outlive
 * JetStream's ack wait. So a reaction commits chunk by chunk, in its own transactions, and its
 * exactly-once effect comes not from the inbox but from deterministic assignment ids (a chunk
 * skips the streams that exist) and the decider's state checks (a cancelled assignment is not
 * cancelled again): a crash or a failure mid-way resumes the job, creating nothing twice.
 */
@Injectable()
export class PlanEventJobs extends QueueWorker {
  private readonly logger = new Logger('PlanEvents');

  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FAN_OUT_OPTIONS) private readonly options: FanOutOptions,
  ) {
    super({
      dataSource,
      schema: TASKS_SCHEMA,
      queue: PLAN_EVENTS_QUEUE,
      pollMs: options.pollMs,
      retryDelayMs: options.retryDelayMs,
      maxAttempts: options.maxAttempts,
      doneRetentionMs: options.doneRetentionMs ?? 0,
      // A plan's amendment or closing builds on its issue: a dead one holds its plan (only).
      deadLetterHoldsKey: true,
    });
  }

  /** The router: each plan event to its reaction (automation/when-<event>-then-<action>/). */
  protected async handle(job: Job<unknown, PlanEventJobMeta>, context: JobContext): Promise<void> {
    const options = this.batchOptions(job.meta, context);
    const manager = this.dataSource.manager;
    switch (job.name) {
      case PlanIssuedV1.name: {
        const plan = job.data as PlanIssuedV1;
        const created = await createAssignmentsOfPlan(plan, manager, options);
        this.logger.log(`Plan ${plan.number} (${plan.planId}): ${created} assignments created`);
        if (plan.implementsPlanId) await fulfilObligation(plan, options);
        return;
      }
      case PlanAmendedV1.name:
        await adjustAssignments(job.data as PlanAmendedV1, manager, options, this.logger);
        return;
      case PlanClosedV1.name:
        await cancelOpenAssignments(job.data as PlanClosedV1, manager, options);
        return;
      default:
        this.logger.warn(`Job of unknown kind ${job.name} skipped`);
    }
  }

  /** The system acts; the audit timeline links each assignment to the plan event that caused it. */
  private batchOptions(message: PlanEventJobMeta, context: JobContext): BatchOptions {
    return {
      store: this.store,
      projections: TASKS_PROJECTIONS,
      metadata: systemActsOn(message),
      chunkSize: this.options.chunkSize,
      parallelChunks: this.options.parallelChunks,
      // Between chunks: a shutdown stops a long fan-out (it resumes at the next start), and a lost
      // lock stops it within one chunk (a chunk racing another leader's fails on the stream's
      // unique version).
      afterChunk: () => context.checkpoint(),
    };
  }
}
