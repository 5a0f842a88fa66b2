import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventMetadata, SYSTEM_ACTOR } from '@reform/event-store';
import { IntegrationMessage } from '../message';
import { Job } from './job-queue';
import { JobContext, JobProcessor, JobProcessorOptions } from './job-processor';

/** The processor's timings a service lets its caller set (the tests shorten them). */
export interface JobQueueTimings {
  /** How often the processor looks for jobs when not nudged (default 1 s). */
  readonly pollMs?: number;
  /** First delay before a failed job is tried again, doubled each time up to a minute (default 500 ms). */
  readonly retryDelayMs?: number;
  /** Attempts before a job is dead-lettered for the operator (default 8). */
  readonly maxAttempts?: number;
}

/** What a job made from a received message carries besides its data: the message's envelope, for the audit trail. */
export type MessageJobMeta = Omit<IntegrationMessage, 'data'>;

/**
 * A service's worker of one job queue in its Nest application: the processor starts once the
 * application has started (its inbox may enqueue before) and stops with it; the inbox nudges it
 * after enqueueing, tests and the demo's seeding wait until it is idle. The subclass says what a
 * job does (`handle`).
 */
export abstract class QueueWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly processor: JobProcessor;

  protected constructor(options: Omit<JobProcessorOptions, 'handle'>) {
    // Called only once the processor has started, when the subclass is whole.
    this.processor = new JobProcessor({ ...options, handle: (job, context) => this.handle(job, context) });
  }

  protected abstract handle(job: Job, context: JobContext): Promise<void>;

  onApplicationBootstrap(): void {
    this.processor.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.processor.stop();
  }

  /** A job was just enqueued: look now rather than at the next poll. */
  nudge(): void {
    this.processor.nudge();
  }

  /** Whether this replica's processor believes it leads; tests compare it with pg_locks. */
  get leading(): boolean {
    return this.processor.leading;
  }

  /** Whether every job received has been worked off or dead-lettered (tests, demo seeding). */
  idle(): Promise<boolean> {
    return this.processor.idle();
  }
}

/** The metadata of what the system does in reaction to a received message: in its tenant and correlation, caused by it. */
export function systemActsOn(message: Pick<IntegrationMessage, 'eventId' | 'metadata'>): EventMetadata {
  return {
    actor: SYSTEM_ACTOR,
    tenant: message.metadata.tenant,
    correlationId: message.metadata.correlationId,
    causationId: message.eventId,
  };
}
