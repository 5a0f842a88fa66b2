import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { PlanAmendedV1, PlanClosedV1, PlanIssuedV1 } from '@reform/contracts';
import { EVENT_STORE, EventMetadata, isConnectionError, PostgresEventStore, SYSTEM_ACTOR } from '@reform/event-store';
import { IntegrationMessage, OnIntegrationEvent } from '@reform/messaging';
import { TASKS_SCHEMA as S } from '../schema';
import { TASKS_PROJECTIONS } from '../write/shared/assignment-commands';
import { BatchOptions } from '../write/shared/assignment-batches';
import { createAssignmentsOfPlan } from './when-plan-issued-then-create-assignments/create-assignments';
import { adjustAssignments } from './when-plan-amended-then-adjust-assignments/adjust-assignments';
import { cancelOpenAssignments } from './when-plan-closed-then-cancel-open-assignments/cancel-open-assignments';
import { fulfilObligation } from './when-implementing-plan-issued-then-fulfil-obligation/fulfil-obligation';

export const FAN_OUT_OPTIONS = Symbol('FAN_OUT_OPTIONS');
export interface FanOutOptions {
  /** Assignments per transaction (default 2,000). */
  readonly chunkSize?: number;
  /** Chunks of one job written at once, each its own transaction (default 2: this process and PostgreSQL busy together). */
  readonly parallelChunks?: number;
  /** How often the worker looks for jobs when not nudged (default 1 s). */
  readonly pollMs?: number;
  /** First delay before a failed job is tried again, doubled each time up to a minute (default 500 ms). */
  readonly retryDelayMs?: number;
}

/** After a job is received: how long, and how often, the worker looks for it (its commit follows). */
const EAGER_MS = 2_000;
const EAGER_POLL_MS = 10;

/** Any fixed key: one worker per database works off the jobs, in order. */
const WORKER_LOCK = 7_365_240_777;

/**
 * The tasks service's reactions to the plans service, in two steps.
 *
 * 1. Receive: one durable consumer takes the plan's three events in the order they were
 *    published and records each as a job, in the inbox's transaction (exactly once, and short).
 * 2. Work: one worker per database (a session advisory lock, so replicas do not race and order
 *    holds) takes the jobs in order and applies them: fan-out, amendment, closing.
 *
 * Why not do the fan-out inside the handler: a plan sent to every commune is ≈500,000
 * assignments, minutes of work. Inside the inbox's transaction it would hold a transaction id
 * open all that time (every relay's readAll of the cluster waits behind pg_snapshot_xmin) and
 * outlive JetStream's ack wait. So the work commits chunk by chunk, in its own transactions, and
 * its exactly-once effect does not come from the inbox but from deterministic assignment ids
 * (a chunk skips the streams that exist) and the decider's state checks (a cancelled assignment
 * is not cancelled again): a crash or a failure mid-way resumes the job, creating nothing twice.
 */
@Injectable()
export class PlanEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PlanEvents');
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private runner: QueryRunner | null = null;
  private eagerUntil = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FAN_OUT_OPTIONS) private readonly options: FanOutOptions,
  ) {}

  // The consumer name is fixed: renaming the method must not start a new durable consumer.
  @OnIntegrationEvent([PlanIssuedV1, PlanAmendedV1, PlanClosedV1], { consumer: 'tasks.plan-assignments' })
  async receive(data: PlanIssuedV1 | PlanAmendedV1 | PlanClosedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO "${S}".plan_event_jobs (event_id, name, data, message) VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`, [
      message.eventId,
      message.name,
      JSON.stringify(data),
      JSON.stringify({ ...message, data: null }),
    ]);
    // The job is visible only once the inbox's transaction commits, after this returns: wake the
    // worker and have it look again every few milliseconds for a while, rather than sleep its
    // full poll interval after a look that came too early.
    this.eagerUntil = Date.now() + EAGER_MS;
    setImmediate(() => this.wake?.());
  }

  onApplicationBootstrap(): void {
    this.stopping = false;
    // work() catches its own failures; this catch is the belt to its braces (never an unhandled rejection).
    this.loop = this.work().catch((error: Error) => this.logger.error(`Worker stopped unexpectedly: ${error.stack ?? error}`));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  /** Whether this worker believes it leads (holds a lock session); tests compare it with pg_locks. */
  get leading(): boolean {
    return this.runner !== null;
  }

  /** Whether every received plan event has been applied (tests, health). */
  async idle(): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM "${S}".plan_event_jobs WHERE done_at IS NULL`);
    return row.n === 0;
  }

  /**
   * Leads (or waits to), works off the due jobs, sleeps; forever until shutdown. A database
   * outage anywhere in it is logged and waited out with a growing delay (up to 5 s), then the
   * worker takes the lock again and resumes the job where its last committed chunk left it.
   */
  private async work(): Promise<void> {
    const pollMs = this.options.pollMs ?? 1_000;
    let failures = 0;
    try {
      while (!this.stopping) {
        if (!this.dataSource.isInitialized) {
          this.logger.warn('Worker stops: its data source was closed');
          break;
        }
        try {
          if (await this.leads()) {
            while (!this.stopping && (await this.next())) {
              // keep going while there is work that is due
            }
          }
          if (failures > 0) this.logger.log(`Worker resumed after ${failures} failed attempt(s)`);
          failures = 0;
        } catch (error) {
          failures++;
          const delay = Math.min(5_000, (this.options.retryDelayMs ?? 500) * 2 ** Math.min(failures - 1, 4));
          this.logger.error(`Worker: ${(error as Error).message} (failure ${failures} in a row), again in ${delay} ms`);
          // The lock's session may be gone with the database: take it anew before the next job.
          await this.releaseLock();
          if (!this.stopping) await this.sleep(delay);
          continue;
        }
        if (!this.stopping) await this.sleep(Date.now() < this.eagerUntil ? EAGER_POLL_MS : pollMs);
      }
    } finally {
      await this.releaseLock();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  /**
   * Whether this worker leads: it holds the session advisory lock, checked on the lock's own
   * connection every time (pg_locks of its backend), not remembered. A database restart ends the
   * session and with it the lock, while the pool's client object lives on: remembering "I took
   * it" would let this worker go on after another took the lock, two workers on one job. A lost
   * lock throws (the caller backs off, then takes it anew).
   */
  private async leads(): Promise<boolean> {
    if (this.runner) {
      await this.assertLeads();
      return true;
    }
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [row] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [WORKER_LOCK]);
      if (row.locked) {
        this.runner = runner;
        this.logger.log('Worker leads (advisory lock taken)');
        return true;
      }
    } catch (error) {
      await runner.release().catch(() => undefined);
      throw new Error(`worker lock: ${(error as Error).message}`);
    }
    await runner.release();
    return false;
  }

  /** Throws unless this worker's session still holds the worker lock (the fence before each job and chunk). */
  private async assertLeads(): Promise<void> {
    const runner = this.runner;
    if (!runner) throw new Error('leadership lost: no lock session');
    let held: boolean;
    try {
      const [row] = await runner.query(
        `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
                          AND classid = ($1::bigint >> 32)::oid AND objid = ($1::bigint & 4294967295)::oid AND objsubid = 1) AS held`,
        [WORKER_LOCK],
      );
      held = row.held;
    } catch (error) {
      throw new Error(`leadership lost: ${(error as Error).message}`);
    }
    if (!held) throw new Error('leadership lost: the worker lock is no longer held by this session');
  }

  private async releaseLock(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    if (!runner) return;
    await runner.query('SELECT pg_advisory_unlock($1)', [WORKER_LOCK]).catch(() => undefined);
    await runner.release().catch(() => undefined);
  }

  /** Applies the oldest pending job if it is due; false when there is none (or it must wait). */
  private async next(): Promise<boolean> {
    await this.assertLeads();
    const [job]: Array<{ seq: string; name: string; data: unknown; message: IntegrationMessage; attempts: number; due: boolean }> = await this.dataSource.query(
      `SELECT seq, name, data, message, attempts, next_attempt_at <= now() AS due FROM "${S}".plan_event_jobs WHERE done_at IS NULL ORDER BY seq LIMIT 1`,
    );
    // Strict order: a failing job holds back the ones behind it (an amendment must follow its issue).
    if (!job || !job.due) return false;
    try {
      await this.apply(job.name, job.data, job.message);
      await this.dataSource.query(`UPDATE "${S}".plan_event_jobs SET done_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = $1`, [job.seq]);
    } catch (error) {
      // An outage or a lost lock is not the job's fault: it does not count as an attempt, and the
      // worker backs off and takes the lock again before it resumes the job.
      if (isConnectionError(error) || /^leadership lost/.test((error as Error).message)) throw error;
      const delay = Math.min(60_000, (this.options.retryDelayMs ?? 500) * 2 ** job.attempts);
      this.logger.error(`${job.name} ${job.message.eventId} failed (attempt ${job.attempts + 1}), again in ${delay} ms: ${(error as Error).message}`);
      await this.dataSource
        .query(`UPDATE "${S}".plan_event_jobs SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + make_interval(secs => $3::float / 1000) WHERE seq = $1`, [
          job.seq,
          (error as Error).message,
          delay,
        ])
        .catch((updateError: Error) => this.logger.error(`Could not record the failure: ${updateError.message}`)); // the job stays pending either way
      return false;
    }
    return true;
  }

  private async apply(name: string, data: unknown, message: IntegrationMessage): Promise<void> {
    const options = this.batchOptions(message);
    const manager = this.dataSource.manager;
    switch (name) {
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
      default:
        this.logger.warn(`Job of unknown kind ${name} skipped`);
    }
  }

  /** The system acts; the audit timeline links each assignment to the plan event that caused it. */
  private batchOptions(message: IntegrationMessage): BatchOptions {
    const metadata: EventMetadata = { actor: SYSTEM_ACTOR, tenant: message.metadata.tenant, correlationId: message.metadata.correlationId, causationId: message.eventId };
    return {
      store: this.store,
      projections: TASKS_PROJECTIONS,
      metadata,
      chunkSize: this.options.chunkSize,
      parallelChunks: this.options.parallelChunks,
      // Shutting down stops a long fan-out between chunks; the job resumes at the next start.
      // Between chunks the worker also checks it still leads, so that it stops within one chunk of
      // losing the lock (a chunk racing another leader's fails on the stream's unique version).
      afterChunk: async () => {
        if (this.stopping) throw new Error('interrupted by shutdown');
        await this.assertLeads();
      },
    };
  }
}
