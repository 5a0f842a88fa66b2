import { schemaMigration } from '@reform/event-store';
import { PLANS_SCHEMA as S } from '../../schema';

export const plansReadModelMigrations = [
  schemaMigration(
    S,
    1763900100000,
    'CreatePlansReadModel',
    [
      `CREATE TABLE "${S}".plans (
        id text PRIMARY KEY, number text NOT NULL, title text NOT NULL, issuer_code text NOT NULL, year int NOT NULL,
        status text NOT NULL, revision int, implements_plan_id text, issued_on date, frameworks text[] NOT NULL,
        document jsonb NOT NULL, version int NOT NULL
      )`,
      `CREATE INDEX plans_issuer_year ON "${S}".plans (issuer_code, year)`,
      `CREATE INDEX plans_implements ON "${S}".plans (implements_plan_id)`,
    ],
    [`DROP TABLE "${S}".plans`],
  ),
];
