import { messagingMigrations } from '@reform/messaging';
import { unitHierarchyMigrations } from '@reform/unit-hierarchy';
import { accountAccessMigrations } from '@reform/auth';
import { reportingReadModelMigrations } from './read/reports/reports.migrations';
import { REPORTING_SCHEMA } from './schema';

/** The reporting service's own migrations, after the event store's (serviceDataSourceOptions adds those). */
export const reportingMigrations = () => [
  ...messagingMigrations(REPORTING_SCHEMA),
  ...unitHierarchyMigrations(REPORTING_SCHEMA),
  ...accountAccessMigrations(REPORTING_SCHEMA),
  ...reportingReadModelMigrations,
];
