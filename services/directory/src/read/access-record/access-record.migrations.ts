import { schemaMigration } from '@reform/event-store';
import { DIRECTORY_SCHEMA as S } from '../../schema';

export const accessRecordReadModelMigrations = [
  schemaMigration(
    S,
    1763990000000,
    'CreateAccessRecord',
    [
      // One row per recorded auditor query, from every service's `<service>.AuditorQueried`.
      `CREATE TABLE "${S}".access_record (
        event_id text PRIMARY KEY, service text NOT NULL, recorded_at timestamptz NOT NULL,
        account_id text NOT NULL, username text NOT NULL, unit_code text,
        operation text NOT NULL, field text NOT NULL, arguments jsonb NOT NULL, operation_name text, outcome text NOT NULL
      )`,
      `CREATE INDEX access_record_time ON "${S}".access_record (recorded_at DESC)`,
      `CREATE INDEX access_record_user ON "${S}".access_record (username, recorded_at DESC)`,
    ],
    [`DROP TABLE "${S}".access_record`],
  ),
];
