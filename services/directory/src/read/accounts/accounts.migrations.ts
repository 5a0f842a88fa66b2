import { schemaMigration } from '@reform/event-store';
import { DIRECTORY_SCHEMA as S } from '../../schema';

export const accountsReadModelMigrations = [
  schemaMigration(
    S,
    1763800200000,
    'CreateAccountsReadModel',
    [
      `CREATE TABLE "${S}".accounts (
        account_id text PRIMARY KEY, username text NOT NULL UNIQUE, display_name text NOT NULL, unit_code text NOT NULL,
        status text NOT NULL, password_hash text NOT NULL, version int NOT NULL
      )`,
      `CREATE INDEX accounts_unit ON "${S}".accounts (unit_code)`,
      `CREATE TABLE "${S}".account_roles (
        account_id text NOT NULL, role text NOT NULL, unit_code text NOT NULL, PRIMARY KEY (account_id, role, unit_code)
      )`,
      `CREATE INDEX account_roles_unit ON "${S}".account_roles (unit_code)`,
    ],
    [`DROP TABLE "${S}".account_roles`, `DROP TABLE "${S}".accounts`],
  ),
];
