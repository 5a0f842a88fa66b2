import { schemaMigration } from '@reform/event-store';

/**
 * The relay's checkpoints, the consumers' inbox, the job queues and the dead letters, in the
 * service's own schema.
 */
export function messagingMigrations(schema: string) {
  return [
    schemaMigration(
      schema,
      1763800001000,
      'CreateMessaging',
      [
        `CREATE SCHEMA IF NOT EXISTS "${schema}"`,
        `CREATE TABLE "${schema}".relay_checkpoints (
          relay text PRIMARY KEY,
          transaction_id xid8 NOT NULL,
          position bigint NOT NULL,
          updated_at timestamptz NOT NULL DEFAULT now()
        )`,
        `CREATE TABLE "${schema}".inbox (
          consumer text NOT NULL,
          event_id uuid NOT NULL,
          message_name text NOT NULL,
          processed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (consumer, event_id)
        )`,
      ],
      [`DROP TABLE "${schema}".inbox`, `DROP TABLE "${schema}".relay_checkpoints`],
    ),
    schemaMigration(
      schema,
      1765400000000,
      'CreateJobsAndDeadLetters',
      [
        // Internal commands worked off outside the transaction that enqueued them (ADR 0024):
        // per queue, in order per key; a key's next job waits until the one before it is done or dead.
        `CREATE TABLE "${schema}".jobs (
          seq bigserial PRIMARY KEY,
          queue text NOT NULL,
          key text NOT NULL,
          job_id text NOT NULL,
          name text NOT NULL,
          data jsonb NOT NULL,
          meta jsonb NOT NULL DEFAULT '{}',
          status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead', 'discarded')),
          attempts int NOT NULL DEFAULT 0,
          last_error text,
          first_failed_at timestamptz,
          last_failed_at timestamptz,
          next_attempt_at timestamptz NOT NULL DEFAULT now(),
          enqueued_at timestamptz NOT NULL DEFAULT now(),
          done_at timestamptz,
          UNIQUE (queue, job_id)
        )`,
        `CREATE INDEX jobs_pending ON "${schema}".jobs (queue, key, seq) WHERE status = 'pending'`,
        `CREATE INDEX jobs_by_key ON "${schema}".jobs (queue, key, seq)`,
        // What failed for good and waits for an operator: a job past its attempts, or an event the
        // relay could not map. `ref` is the job's seq or the event's id.
        `CREATE TABLE "${schema}".dead_letters (
          id bigserial PRIMARY KEY,
          source text NOT NULL CHECK (source IN ('job', 'relay')),
          queue text NOT NULL,
          ref text NOT NULL,
          key text NOT NULL,
          name text NOT NULL,
          payload jsonb NOT NULL,
          error text NOT NULL,
          attempts int NOT NULL,
          first_failed_at timestamptz NOT NULL,
          last_failed_at timestamptz NOT NULL,
          retry_requested_at timestamptz,
          UNIQUE (source, queue, ref)
        )`,
      ],
      [`DROP TABLE "${schema}".dead_letters`, `DROP TABLE "${schema}".jobs`],
    ),
    schemaMigration(
      schema,
      1766400000000,
      'IndexDoneJobsForRetention',
      // The leader's retention deletes a queue's oldest done jobs (JobProcessor doneRetentionMs).
      [`CREATE INDEX jobs_done ON "${schema}".jobs (queue, seq) WHERE status = 'done'`],
      [`DROP INDEX "${schema}".jobs_done`],
    ),
    schemaMigration(
      schema,
      1766600000000,
      'AddJobTraceContext',
      // The W3C trace context of the transaction that enqueued the job (ADR 0028): the job runs
      // later, from the processor's loop, and continues that trace. Null when tracing was off.
      [`ALTER TABLE "${schema}".jobs ADD COLUMN traceparent text`],
      [`ALTER TABLE "${schema}".jobs DROP COLUMN traceparent`],
    ),
  ];
}
