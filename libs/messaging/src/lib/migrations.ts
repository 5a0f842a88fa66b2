import { schemaMigration } from '@reform/event-store';

/** The relay's checkpoints and the consumers' inbox, in the service's own schema. */
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
  ];
}
