import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';
import { assertSchemaName, isConnectionError } from '@reform/event-store';
import { contextOfTraceparent, inSpan, SpanKind } from '@reform/observability';
import { Job } from './job-queue';

/** What a handler gets besides its job: the fence to call between long steps. */
export interface JobContext {
  /**
   * Throws (without counting an attempt) when the processor is stopping or no longer leads: a
   * long job calls it between its steps, so that it stops within one step of losing the lock.
   */
  checkpoint(): Promise<void>;
}

export type JobHandler = (job: Job, context: JobContext) => Promise<void>;

export interface JobProcessorOptions {
  readonly dataSource: DataSource;
  readonly schema: string;
  readonly queue: string;
  readonly handle: JobHandler;
  /** Attempts before a job is dead-lettered (default 8). */
  readonly maxAttempts?: number;
  /** Delay after a first failure, doubled each time up to `maxRetryDelayMs` (default 500 ms, 60 s). */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /** How often the processor looks for due jobs when not nudged (default 1 s). */
  readonly pollMs?: number;
  /**
   * Whether a dead-lettered job holds back the later jobs of its key until the operator retries
   * or discards it (default false: they go on). For keys whose jobs build on each other (a plan's
   * amendment on its issue), holding is what keeps the key's order meaningful.
   */
  readonly deadLetterHoldsKey?: boolean;
  /**
   * How long a done job is kept before the leader deletes it (default 7 days; 0 keeps every job).
   * Done jobs are history nobody reads (dead and discarded ones stay for the operator); without
   * pruning the table, and the order check over it, grow with every message ever received. Keep it
   * longer than a message can be redelivered with the same job id (the inbox dedups before that).
   */
  readonly doneRetentionMs?: number;
  /** Done jobs deleted per statement, one short transaction each (default 1,000). */
  readonly pruneBatch?: number;
  /** How often the leader prunes (default 60 s). */
  readonly pruneEveryMs?: number;
}

const DAY_MS = 86_400_000;

/** Thrown by `checkpoint()`: the job stops, is not failed, and resumes under the next leader. */
export class JobInterrupted extends Error {}

/** After a nudge: how long, and how often, the processor looks (the enqueuing commit follows). */
const EAGER_MS = 2_000;
const EAGER_POLL_MS = 10;

/**
 * Works off one job queue of a service (ADR 0024).
 *
 * - One processor per queue and database leads at a time: a session advisory lock, keyed by
 *   schema and queue, checked against pg_locks on the lock's own connection before every job and
 *   at every checkpoint, so a leader whose session died (a database restart, a cut) stops within
 *   one step, and replicas never work one job twice.
 * - Order per key: a key's next job runs only once the one before it is done or dead-lettered
 *   (or, with `deadLetterHoldsKey`, done or discarded); the other keys are not held up by a
 *   failing one (it waits out its backoff, they run).
 * - Bounded attempts with exponential backoff, then a dead letter for the operator
 *   (`npm run dead-letters`). A database outage, a lost lock or a shutdown is not the job's
 *   fault: it counts no attempt; the processor backs off (up to 5 s), takes the lock again and
 *   resumes the job.
 *
 * Jobs run one at a time: a job may be long (a fan-out to every commune commits chunk by chunk)
 * and does its own parallelism inside.
 */
export class JobProcessor {
  private readonly logger: Logger;
  private readonly s: string;
  private readonly lockKey: string;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private runner: QueryRunner | null = null;
  private eagerUntil = 0;
  private deadLettered = 0;
  private prunedAt = 0;
  private prunedTotal = 0;

  constructor(private readonly options: JobProcessorOptions) {
    this.s = assertSchemaName(options.schema);
    this.logger = new Logger(`Jobs:${options.queue}`);
    this.lockKey = advisoryLockKey(`jobs:${this.s}:${options.queue}`);
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    // work() catches its own failures; this catch is the belt to its braces (never an unhandled rejection).
    this.loop = this.work().catch((error: Error) => this.logger.error(`Processor stopped unexpectedly: ${error.stack ?? error}`));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Look now, and every few milliseconds for a while: a job was just enqueued (its commit follows). */
  nudge(): void {
    this.eagerUntil = Date.now() + EAGER_MS;
    setImmediate(() => this.wake?.());
  }

  /** Whether this processor believes it leads (holds a lock session); tests compare it with pg_locks. */
  get leading(): boolean {
    return this.runner !== null;
  }

  /** Jobs this processor dead-lettered since it started (the table holds them all). */
  get deadLetteredCount(): number {
    return this.deadLettered;
  }

  /** Done jobs this processor deleted since it started (retention). */
  get prunedCount(): number {
    return this.prunedTotal;
  }

  /** Whether every job of the queue is done, dead or discarded. */
  async idle(): Promise<boolean> {
    const [row] = await this.options.dataSource.query(`SELECT count(*)::int AS n FROM "${this.s}".jobs WHERE queue = $1 AND status = 'pending'`, [
      this.options.queue,
    ]);
    return row.n === 0;
  }

  /**
   * Leads (or waits to), works off the due jobs, sleeps; until stopped. A database outage
   * anywhere in it is logged and waited out with a growing delay (up to 5 s), then the processor
   * takes the lock again and resumes.
   */
  private async work(): Promise<void> {
    const pollMs = this.options.pollMs ?? 1_000;
    let failures = 0;
    try {
      while (!this.stopping) {
        if (!this.options.dataSource.isInitialized) {
          this.logger.warn('Processor stops: its data source was closed');
          break;
        }
        try {
          if (await this.leads()) {
            while (!this.stopping && (await this.next())) {
              // keep going while there is work that is due
            }
            if (!this.stopping && Date.now() - this.prunedAt >= (this.options.pruneEveryMs ?? 60_000)) await this.prune();
          }
          if (failures > 0) this.logger.log(`Processor resumed after ${failures} failed attempt(s)`);
          failures = 0;
        } catch (error) {
          failures++;
          const delay = Math.min(5_000, (this.options.retryDelayMs ?? 500) * 2 ** Math.min(failures - 1, 4));
          this.logger.error(`Processor: ${(error as Error).message} (failure ${failures} in a row), again in ${delay} ms`);
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
   * Whether this processor leads: it holds the session advisory lock, checked on the lock's own
   * connection every time (pg_locks of its backend), not remembered. A database restart ends the
   * session and with it the lock, while the pool's client object lives on: remembering "I took
   * it" would let this processor go on after another took the lock, two on one job. A lost lock
   * throws (the caller backs off, then takes it anew).
   */
  private async leads(): Promise<boolean> {
    if (this.runner) {
      await this.assertLeads();
      return true;
    }
    const runner = this.options.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [row] = await runner.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [this.lockKey]);
      if (row.locked) {
        this.runner = runner;
        this.logger.log('Processor leads (advisory lock taken)');
        return true;
      }
    } catch (error) {
      await runner.release().catch(() => undefined);
      throw new Error(`processor lock: ${(error as Error).message}`);
    }
    await runner.release();
    return false;
  }

  /** Throws unless this processor's session still holds its lock (the fence before each job and step). */
  private async assertLeads(): Promise<void> {
    const runner = this.runner;
    if (!runner) throw new LeadershipLost('leadership lost: no lock session');
    let held: boolean;
    try {
      const [row] = await runner.query(
        `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
                          AND classid = ($1::bigint >> 32)::oid AND objid = ($1::bigint & 4294967295)::oid AND objsubid = 1) AS held`,
        [this.lockKey],
      );
      held = row.held;
    } catch (error) {
      throw new LeadershipLost(`leadership lost: ${(error as Error).message}`);
    }
    if (!held) throw new LeadershipLost('leadership lost: the processor lock is no longer held by this session');
  }

  private async releaseLock(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    if (!runner) return;
    await runner.query('SELECT pg_advisory_unlock($1::bigint)', [this.lockKey]).catch(() => undefined);
    await runner.release().catch(() => undefined);
  }

  /**
   * Runs the oldest due job that heads its key (no earlier job of its key still pending); false
   * when there is none. A failure is recorded and answers true: the other keys go on at once.
   */
  private async next(): Promise<boolean> {
    await this.assertLeads();
    const { dataSource, queue } = this.options;
    const blocking = this.options.deadLetterHoldsKey ? `('pending', 'dead')` : `('pending')`;
    const [row]: Array<{ seq: string; key: string; job_id: string; name: string; data: unknown; meta: unknown; attempts: number; traceparent: string | null }> =
      await dataSource.query(
        `SELECT j.seq::text, j.key, j.job_id, j.name, j.data, j.meta, j.attempts, j.traceparent FROM "${this.s}".jobs j
        WHERE j.queue = $1 AND j.status = 'pending' AND j.next_attempt_at <= now()
          AND NOT EXISTS (SELECT 1 FROM "${this.s}".jobs e WHERE e.queue = j.queue AND e.key = j.key AND e.status IN ${blocking} AND e.seq < j.seq)
        ORDER BY j.seq LIMIT 1`,
        [queue],
      );
    if (!row) return false;
    const job: Job = {
      seq: row.seq,
      queue,
      key: row.key,
      jobId: row.job_id,
      name: row.name,
      data: row.data,
      meta: row.meta,
      attempts: row.attempts,
      traceparent: row.traceparent,
    };
    const context: JobContext = {
      checkpoint: async () => {
        if (this.stopping) throw new JobInterrupted('interrupted by shutdown');
        await this.assertLeads();
      },
    };
    try {
      await this.run(job, context);
      await dataSource.query(
        `UPDATE "${this.s}".jobs SET status = 'done', done_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = $1::bigint`,
        [job.seq],
      );
      return true;
    } catch (error) {
      if (isConnectionError(error) || error instanceof LeadershipLost || error instanceof JobInterrupted) throw error;
      await this.failed(job, error as Error).catch((updateError: Error) => {
        // The job stays pending either way; the processor backs off as after an outage.
        throw new Error(`could not record the failure of job ${job.seq}: ${updateError.message}`);
      });
      return true;
    }
  }

  /**
   * The job's run, in a span that continues the trace it was enqueued in (ADR 0028): what it
   * appends belongs to the trace of the event that caused it. A job enqueued untraced runs bare.
   */
  private run(job: Job, context: JobContext): Promise<void> {
    if (!job.traceparent) return this.options.handle(job, context);
    return inSpan(
      `job ${job.name}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextOfTraceparent(job.traceparent),
        attributes: { 'reform.queue': job.queue, 'reform.job.key': job.key, 'reform.job.id': job.jobId, 'reform.job.attempt': job.attempts + 1 },
      },
      () => this.options.handle(job, context),
    );
  }

  /**
   * Deletes the queue's done jobs older than the retention, in batches (each its own short
   * statement, the lock checked before each, so a lost lead stops it and jobs go on between).
   */
  private async prune(): Promise<void> {
    const retentionMs = this.options.doneRetentionMs ?? 7 * DAY_MS;
    this.prunedAt = Date.now();
    if (retentionMs <= 0) return;
    const batch = this.options.pruneBatch ?? 1_000;
    for (;;) {
      await this.assertLeads();
      // Counted by a SELECT over the DELETE: TypeORM answers a bare DELETE with [rows, count].
      const [{ n }]: Array<{ n: number }> = await this.options.dataSource.query(
        `WITH gone AS (
           DELETE FROM "${this.s}".jobs WHERE seq IN (
             SELECT seq FROM "${this.s}".jobs WHERE queue = $1 AND status = 'done' AND done_at < now() - make_interval(secs => $2::float / 1000) ORDER BY seq LIMIT $3
           ) RETURNING seq
         ) SELECT count(*)::int AS n FROM gone`,
        [this.options.queue, retentionMs, batch],
      );
      this.prunedTotal += n;
      if (n < batch || this.stopping) break;
    }
  }

  /** Records a failed attempt: the next one after a growing delay, or a dead letter after the last. */
  private async failed(job: Job, error: Error): Promise<void> {
    const attempts = job.attempts + 1;
    const maxAttempts = this.options.maxAttempts ?? 8;
    const message = error.message || String(error);
    if (attempts < maxAttempts) {
      const delay = Math.min(this.options.maxRetryDelayMs ?? 60_000, (this.options.retryDelayMs ?? 500) * 2 ** job.attempts);
      this.logger.error(`${job.name} ${job.jobId} (key ${job.key}) failed, attempt ${attempts} of ${maxAttempts}, again in ${delay} ms: ${message}`);
      await this.options.dataSource.query(
        `UPDATE "${this.s}".jobs SET attempts = $2, last_error = $3, first_failed_at = coalesce(first_failed_at, now()), last_failed_at = now(),
                next_attempt_at = now() + make_interval(secs => $4::float / 1000) WHERE seq = $1::bigint`,
        [job.seq, attempts, message, delay],
      );
      return;
    }
    this.logger.error(
      `${job.name} ${job.jobId} (key ${job.key}) failed ${attempts} times: dead-lettered${this.options.deadLetterHoldsKey ? ', its key waits for the operator' : ', the next job of its key goes on'}: ${message}`,
    );
    await this.options.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE "${this.s}".jobs SET status = 'dead', attempts = $2, last_error = $3, first_failed_at = coalesce(first_failed_at, now()), last_failed_at = now() WHERE seq = $1::bigint`,
        [job.seq, attempts, message],
      );
      await manager.query(
        `INSERT INTO "${this.s}".dead_letters (source, queue, ref, key, name, payload, error, attempts, first_failed_at, last_failed_at)
         SELECT 'job', queue, seq::text, key, name, jsonb_build_object('jobId', job_id, 'data', data), last_error, attempts, first_failed_at, last_failed_at
           FROM "${this.s}".jobs WHERE seq = $1::bigint
         ON CONFLICT (source, queue, ref) DO UPDATE SET error = EXCLUDED.error, attempts = EXCLUDED.attempts, last_failed_at = EXCLUDED.last_failed_at`,
        [job.seq],
      );
    });
    this.deadLettered++;
  }
}

class LeadershipLost extends Error {}

/** A positive 63-bit advisory lock key for a name (positive: pg_locks shows it as two oids). */
export function advisoryLockKey(name: string): string {
  const hash = createHash('sha256').update(name).digest();
  return (hash.readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn).toString();
}
