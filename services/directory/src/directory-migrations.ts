import { accountAccessMigrations, loginThrottleMigrations } from '@reform/auth';
import { messagingMigrations } from '@reform/messaging';
import { accessRecordReadModelMigrations } from './read/access-record/access-record.migrations';
import { accountsReadModelMigrations } from './read/accounts/accounts.migrations';
import { unitsReadModelMigrations } from './read/units/units.migrations';
import { DIRECTORY_SCHEMA } from './schema';

/** The directory's own migrations, after the event store's (serviceDataSourceOptions adds those). */
export const directoryMigrations = () => [
  ...messagingMigrations(DIRECTORY_SCHEMA),
  ...unitsReadModelMigrations,
  ...accountsReadModelMigrations,
  ...accessRecordReadModelMigrations,
  ...accountAccessMigrations(DIRECTORY_SCHEMA),
  ...loginThrottleMigrations(DIRECTORY_SCHEMA),
];
