import { messagingMigrations } from '@reform/messaging';
import { unitHierarchyMigrations } from '@reform/unit-hierarchy';
import { accountAccessMigrations } from '@reform/auth';
import { assessmentsReadModelMigrations } from './read/assessments/assessments.migrations';
import { planPapiSectionsMigrations } from './read/plan-papi-scores/plan-papi-scores.migrations';
import { targetAchievementMigrations } from './read/target-achievement/target-achievement.migrations';
import { papiReadModelMigrations } from './read/papi-results/papi.migrations';
import { SCORING_SCHEMA } from './schema';

/** The scoring service's own migrations, after the event store's (serviceDataSourceOptions adds those). */
export const scoringMigrations = () => [
  ...messagingMigrations(SCORING_SCHEMA),
  ...unitHierarchyMigrations(SCORING_SCHEMA),
  ...accountAccessMigrations(SCORING_SCHEMA),
  ...papiReadModelMigrations,
  ...assessmentsReadModelMigrations,
  ...planPapiSectionsMigrations,
  ...targetAchievementMigrations,
];
