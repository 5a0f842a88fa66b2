import { schemaMigration } from '@reform/event-store';
import { DIRECTORY_SCHEMA as S } from '../../schema';

export const unitsReadModelMigrations = [
  schemaMigration(
    S,
    1763800100000,
    'CreateUnitsReadModel',
    [
      `CREATE TABLE "${S}".units (
        code text PRIMARY KEY, level text NOT NULL, kind text, name text NOT NULL, type text NOT NULL,
        parent_code text, valid_from date, valid_to date, merged_into text, dissolved boolean NOT NULL, version int NOT NULL
      )`,
      `CREATE INDEX units_parent ON "${S}".units (parent_code)`,
      `CREATE TABLE "${S}".unit_periods (
        code text NOT NULL, seq int NOT NULL, level text NOT NULL, kind text, name text NOT NULL, type text NOT NULL,
        parent_code text, valid_from date, valid_to date, PRIMARY KEY (code, seq)
      )`,
      `CREATE INDEX unit_periods_parent ON "${S}".unit_periods (parent_code, level)`,
    ],
    [`DROP TABLE "${S}".unit_periods`, `DROP TABLE "${S}".units`],
  ),
];
