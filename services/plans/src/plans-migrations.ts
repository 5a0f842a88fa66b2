import { messagingMigrations } from '@reform/messaging';
import { unitHierarchyMigrations } from '@reform/unit-hierarchy';
import { accountAccessMigrations } from '@reform/auth';
import { plansReadModelMigrations } from './read/plans/plans.migrations';
import { frameworksReplicaMigrations } from './read/frameworks/frameworks.migrations';
import { PLANS_SCHEMA } from './schema';

/** The plans service's own migrations, after the event store's (serviceDataSourceOptions adds those). */
export const plansMigrations = () => [
  ...messagingMigrations(PLANS_SCHEMA),
  ...unitHierarchyMigrations(PLANS_SCHEMA),
  ...accountAccessMigrations(PLANS_SCHEMA),
  ...plansReadModelMigrations,
  ...frameworksReplicaMigrations,
];
