import { MigrationInterface, QueryRunner } from 'typeorm';

/** A PostgreSQL identifier we build SQL with: lowercase letters, digits and underscores only. */
export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name "${schema}": use lowercase letters, digits and underscores`);
  return schema;
}

export type MigrationClass = new () => MigrationInterface;

/**
 * Builds a TypeORM migration class for one service schema. TypeORM identifies migrations by
 * class name + timestamp, so the name carries the schema: several services can share a database.
 */
export function schemaMigration(schema: string, timestamp: number, label: string, up: string[], down: string[]): MigrationClass {
  assertSchemaName(schema);
  const name = `${label}_${schema}${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;
    async up(runner: QueryRunner): Promise<void> {
      for (const sql of up) await runner.query(sql);
    }
    async down(runner: QueryRunner): Promise<void> {
      for (const sql of down) await runner.query(sql);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

/** The events table of one service (ADR 0003). */
export function eventStoreMigrations(schema: string): MigrationClass[] {
  const s = assertSchemaName(schema);
  return [
    schemaMigration(
      s,
      1763800000000,
      'CreateEventStore',
      [
        `CREATE SCHEMA IF NOT EXISTS "${s}"`,
        `CREATE TABLE "${s}".events (
          global_position bigserial PRIMARY KEY,
          transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
          stream_id text NOT NULL,
          stream_version integer NOT NULL CHECK (stream_version > 0),
          event_id uuid NOT NULL UNIQUE,
          event_type text NOT NULL,
          schema_version integer NOT NULL DEFAULT 1,
          data jsonb NOT NULL,
          metadata jsonb NOT NULL,
          recorded_at timestamptz NOT NULL,
          previous_hash text,
          hash text NOT NULL,
          CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
        )`,
        `CREATE INDEX events_commit_order ON "${s}".events (transaction_id, global_position)`,
      ],
      [`DROP TABLE "${s}".events`],
    ),
    schemaMigration(
      s,
      1764600000000,
      'CreateAppendToStream',
      [
        // A single-stream append in one round trip (issue 11). The client hashes the events
        // against the head it believes in (base version and hash: from the stream it just read,
        // or none for a new stream); the function checks the expected version, the stale
        // transaction rule and that head, then inserts. A head that moved is returned, not
        // raised, so the client can hash again without aborting its transaction. The unique
        // (stream_id, stream_version) constraint stays the final guard against a racing writer.
        `CREATE FUNCTION "${s}".append_to_stream(
          p_stream_id text,
          p_expected_version integer,
          p_base_version integer,
          p_base_hash text,
          p_event_ids uuid[],
          p_event_types text[],
          p_schema_versions integer[],
          p_data jsonb[],
          p_metadata jsonb,
          p_recorded_at timestamptz,
          p_hashes text[]
        ) RETURNS TABLE (outcome text, head_version integer, head_hash text, global_positions bigint[], transaction_id text)
        LANGUAGE plpgsql AS $fn$
        DECLARE
          head_row record;
          actual integer;
          own xid8;
          positions bigint[];
        BEGIN
          SELECT e.stream_version, e.hash, e.transaction_id INTO head_row
            FROM "${s}".events e WHERE e.stream_id = p_stream_id ORDER BY e.stream_version DESC LIMIT 1;
          actual := coalesce(head_row.stream_version, 0);
          IF p_expected_version IS NOT NULL AND p_expected_version <> actual THEN
            RETURN QUERY SELECT 'wrong_version'::text, actual, head_row.hash, NULL::bigint[], NULL::text;
            RETURN;
          END IF;
          own := pg_current_xact_id();
          -- readAll orders by transaction id: an older transaction appending after a younger
          -- one's event on the same stream would be read before it (StaleTransactionError).
          IF head_row.transaction_id IS NOT NULL AND head_row.transaction_id > own THEN
            RETURN QUERY SELECT 'stale'::text, actual, head_row.hash, NULL::bigint[], NULL::text;
            RETURN;
          END IF;
          IF actual <> p_base_version OR head_row.hash IS DISTINCT FROM p_base_hash THEN
            RETURN QUERY SELECT 'head_moved'::text, actual, head_row.hash, NULL::bigint[], NULL::text;
            RETURN;
          END IF;
          WITH inserted AS (
            INSERT INTO "${s}".events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at, previous_hash, hash)
            SELECT p_stream_id, actual + n::integer, ev.event_id, ev.event_type, ev.schema_version, ev.data, p_metadata, p_recorded_at,
                   CASE WHEN n = 1 THEN p_base_hash ELSE p_hashes[n - 1] END, ev.hash
            FROM unnest(p_event_ids, p_event_types, p_schema_versions, p_data, p_hashes) WITH ORDINALITY
                 AS ev(event_id, event_type, schema_version, data, hash, n)
            ORDER BY n
            RETURNING global_position, stream_version
          )
          SELECT array_agg(inserted.global_position ORDER BY inserted.stream_version) INTO positions FROM inserted;
          RETURN QUERY SELECT 'appended'::text, actual + cardinality(p_event_ids), p_hashes[cardinality(p_hashes)], positions, own::text;
        END
        $fn$`,
      ],
      [`DROP FUNCTION "${s}".append_to_stream`],
    ),
    // Idempotency keys of the commands (issue 13, ADR 0017), written in the events' transaction.
    schemaMigration(
      s,
      1764900000000,
      'CreateIdempotencyKeys',
      [
        `CREATE TABLE IF NOT EXISTS "${s}".idempotency_keys (
          scope text NOT NULL,
          key text NOT NULL,
          step integer NOT NULL,
          fingerprint text NOT NULL,
          stream_id text NOT NULL,
          from_version integer NOT NULL,
          to_version integer NOT NULL,
          recorded_at timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT idempotency_keys_pkey PRIMARY KEY (scope, key, step)
        )`,
      ],
      [`DROP TABLE "${s}".idempotency_keys`],
    ),
  ];
}
