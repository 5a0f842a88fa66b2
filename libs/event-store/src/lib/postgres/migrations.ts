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
    // Idempotency keys of the commands (issue 13, ADR 0014), written in the events' transaction.
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
