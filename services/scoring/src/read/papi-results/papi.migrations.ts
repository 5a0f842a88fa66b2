import { schemaMigration } from '@reform/event-store';
import { SCORING_SCHEMA as S } from '../../schema';

export const papiReadModelMigrations = [
  schemaMigration(
    S,
    1765000100000,
    'CreatePapiYearsReadModel',
    // One row per survey year: 63 provinces are ranked at query time (microseconds), never stored twice.
    [
      `CREATE TABLE "${S}".papi_years (year int PRIMARY KEY, revision int NOT NULL, rows jsonb NOT NULL, source jsonb NOT NULL, imported_on date NOT NULL, version int NOT NULL)`,
    ],
    [`DROP TABLE "${S}".papi_years`],
  ),
];
