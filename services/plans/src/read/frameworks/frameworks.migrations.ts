import { schemaMigration } from '@reform/event-store';
import { PLANS_SCHEMA as S } from '../../schema';

/** The replica of the scoring service's framework catalogue: one row per published version (ADR 0034). */
export const frameworksReplicaMigrations = [
  schemaMigration(
    S,
    1766300000000,
    'CreateFrameworksReplica',
    [
      `CREATE TABLE "${S}".frameworks (
        code text NOT NULL, version int NOT NULL, kind text NOT NULL, name text NOT NULL,
        editions jsonb NOT NULL, issuer_code text, published_on date NOT NULL,
        PRIMARY KEY (code, version)
      )`,
    ],
    [`DROP TABLE "${S}".frameworks`],
  ),
];
