import { assertSchemaName } from '@reform/event-store';
import { traceparentOf } from '@reform/observability';

/** Anything that runs SQL: a DataSource, an EntityManager (inside a transaction), a QueryRunner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** A job to enqueue: an internal command of a service, run later by a JobProcessor of its queue. */
export interface NewJob<Data = unknown> {
  readonly queue: string;
  /** Ordering key (a stream, e.g. a plan id): jobs of one key run one after another, in enqueue order. */
  readonly key: string;
  /** Idempotency: a second job with the same id in the same queue is ignored (e.g. the event id). */
  readonly jobId: string;
  readonly name: string;
  readonly data: Data;
  /** What the handler needs besides the data (e.g. the envelope of the message that caused it). */
  readonly meta?: unknown;
}

/** A job as the processor hands it to its handler. */
export interface Job<Data = unknown, Meta = any> {
  readonly seq: string;
  readonly queue: string;
  readonly key: string;
  readonly jobId: string;
  readonly name: string;
  readonly data: Data;
  readonly meta: Meta;
  /** Failed attempts so far (0 on the first run). */
  readonly attempts: number;
  /** The trace context it was enqueued in (tracing on), which its run continues. */
  readonly traceparent?: string | null;
}

/**
 * Records a job; call it in the transaction of what causes it (an inbox handler's `manager`), so
 * that the job exists exactly when its cause committed. True when it was new.
 */
export async function enqueueJob(db: Queryable, schema: string, job: NewJob): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `INSERT INTO "${assertSchemaName(schema)}".jobs (queue, key, job_id, name, data, meta, traceparent) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (queue, job_id) DO NOTHING RETURNING seq`,
    // The enqueuing span's trace context: the job continues it when it runs (ADR 0028).
    [job.queue, job.key, job.jobId, job.name, JSON.stringify(job.data), JSON.stringify(job.meta ?? {}), traceparentOf() ?? null],
  );
  return rows.length > 0;
}

export type DeadLetterSource = 'job' | 'relay';

export interface StoredDeadLetter {
  readonly id: string;
  readonly source: DeadLetterSource;
  /** The job queue, or the relay's name. */
  readonly queue: string;
  /** The job's seq, or the event's id. */
  readonly ref: string;
  /** The job's ordering key, or the event's stream. */
  readonly key: string;
  /** The job's name, or the event's type. */
  readonly name: string;
  readonly error: string;
  readonly attempts: number;
  readonly firstFailedAt: Date;
  readonly lastFailedAt: Date;
  /** Set by `retry` on a relay dead letter until the relay has taken it. */
  readonly retryRequestedAt: Date | null;
}

/** What metrics and health read: per queue (or relay), jobs still to do and dead letters waiting. */
export interface QueueCount {
  readonly source: DeadLetterSource;
  readonly queue: string;
  readonly pending: number;
  readonly deadLetters: number;
}

/**
 * The operator's side of a service's job queues and relay dead letters (`npm run dead-letters`),
 * and the small read API for metrics.
 */
export class StoredDeadLetters {
  private readonly s: string;

  constructor(
    private readonly db: Queryable & { transaction<T>(work: (manager: Queryable) => Promise<T>): Promise<T> },
    schema: string,
  ) {
    this.s = assertSchemaName(schema);
  }

  async list(queue?: string): Promise<StoredDeadLetter[]> {
    const rows: Array<Record<string, any>> = await this.db.query(
      `SELECT ${DEAD_LETTER_COLUMNS} FROM "${this.s}".dead_letters WHERE $1::text IS NULL OR queue = $1 ORDER BY id`,
      [queue ?? null],
    );
    return rows.map(toDeadLetter);
  }

  /**
   * Tries the dead letter again. A job goes back to its queue as pending with fresh attempts (it
   * runs before any later job of its key still pending); a relay dead letter is marked for the
   * relay, which maps and publishes it at its next step. Null when there is no such dead letter.
   */
  async retry(id: string): Promise<StoredDeadLetter | null> {
    return this.db.transaction(async (manager) => {
      const letter = await this.take(manager, id);
      if (!letter) return null;
      if (letter.source === 'job') {
        await manager.query(
          `UPDATE "${this.s}".jobs SET status = 'pending', attempts = 0, first_failed_at = NULL, next_attempt_at = now() WHERE seq = $1::bigint AND status = 'dead'`,
          [letter.ref],
        );
        await manager.query(`DELETE FROM "${this.s}".dead_letters WHERE id = $1`, [id]);
      } else {
        await manager.query(`UPDATE "${this.s}".dead_letters SET retry_requested_at = now() WHERE id = $1`, [id]);
      }
      return letter;
    });
  }

  /** Gives the dead letter up for good: a job is marked discarded, a relay event stays unpublished. */
  async discard(id: string): Promise<StoredDeadLetter | null> {
    return this.db.transaction(async (manager) => {
      const letter = await this.take(manager, id);
      if (!letter) return null;
      if (letter.source === 'job')
        await manager.query(`UPDATE "${this.s}".jobs SET status = 'discarded' WHERE seq = $1::bigint AND status = 'dead'`, [letter.ref]);
      await manager.query(`DELETE FROM "${this.s}".dead_letters WHERE id = $1`, [id]);
      return letter;
    });
  }

  /** Pending jobs and dead letters per queue (and per relay), every queue that has either. */
  async counts(): Promise<QueueCount[]> {
    return queueCounts(this.db, this.s);
  }

  private async take(manager: Queryable, id: string): Promise<StoredDeadLetter | null> {
    if (!/^\d+$/.test(id)) return null;
    const [row] = await manager.query(`SELECT ${DEAD_LETTER_COLUMNS} FROM "${this.s}".dead_letters WHERE id = $1 FOR UPDATE`, [id]);
    return row ? toDeadLetter(row) : null;
  }
}

const DEAD_LETTER_COLUMNS = 'id::text, source, queue, ref, key, name, error, attempts, first_failed_at, last_failed_at, retry_requested_at';

const toDeadLetter = (row: Record<string, any>): StoredDeadLetter => ({
  id: row.id,
  source: row.source,
  queue: row.queue,
  ref: row.ref,
  key: row.key,
  name: row.name,
  error: row.error,
  attempts: row.attempts,
  firstFailedAt: row.first_failed_at,
  lastFailedAt: row.last_failed_at,
  retryRequestedAt: row.retry_requested_at,
});

/** Pending jobs and dead letters per queue of a service's schema (the read API for metrics). */
export async function queueCounts(db: Queryable, schema: string): Promise<QueueCount[]> {
  const s = assertSchemaName(schema);
  const rows: Array<{ source: DeadLetterSource; queue: string; pending: number; dead_letters: number }> = await db.query(
    `SELECT source, queue, sum(pending)::int AS pending, sum(dead_letters)::int AS dead_letters FROM (
       SELECT 'job' AS source, queue, count(*) AS pending, 0 AS dead_letters FROM "${s}".jobs WHERE status = 'pending' GROUP BY queue
       UNION ALL
       SELECT source, queue, 0, count(*) FROM "${s}".dead_letters GROUP BY source, queue
     ) c GROUP BY source, queue ORDER BY source, queue`,
  );
  return rows.map((row) => ({ source: row.source, queue: row.queue, pending: row.pending, deadLetters: row.dead_letters }));
}
