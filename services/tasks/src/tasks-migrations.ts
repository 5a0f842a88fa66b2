import { messagingMigrations } from '@reform/messaging';
import { unitHierarchyMigrations } from '@reform/unit-hierarchy';
import { accountAccessMigrations } from '@reform/auth';
import { assignmentsReadModelMigrations } from './read/assignments/assignments.migrations';
import { reportEventsMigrations } from './read/task-timeline/report-events.migrations';
import { TASKS_SCHEMA } from './schema';

/** The tasks service's own migrations, after the event store's (serviceDataSourceOptions adds those). */
export const tasksMigrations = () => [
  ...messagingMigrations(TASKS_SCHEMA),
  ...unitHierarchyMigrations(TASKS_SCHEMA),
  ...accountAccessMigrations(TASKS_SCHEMA),
  ...assignmentsReadModelMigrations,
  ...reportEventsMigrations,
];
