import { schemaMigration } from '@reform/event-store';
import { SCORING_SCHEMA as S } from '../../schema';

/**
 * What target achievement compares, kept from other services' events (not rebuilt from this
 * store): the plans' tasks with their parsed targets, the tasks service's assignments, the
 * reporting regimes' data items with the task each measures, and the reports' figures.
 */
export const targetAchievementMigrations = [
  schemaMigration(
    S,
    1766200000000,
    'CreateTargetAchievementFacts',
    [
      `CREATE TABLE "${S}".target_tasks (plan_id text NOT NULL, task_id text NOT NULL, position int NOT NULL, section_code text, text text NOT NULL, target text NOT NULL, parsed jsonb, PRIMARY KEY (plan_id, task_id))`,
      `CREATE TABLE "${S}".target_assignments (assignment_id text PRIMARY KEY, plan_id text NOT NULL, task_id text NOT NULL, unit_code text NOT NULL, completed_on text, cancelled boolean NOT NULL DEFAULT false)`,
      `CREATE INDEX target_assignments_task ON "${S}".target_assignments (plan_id, task_id)`,
      `CREATE TABLE "${S}".target_items (regime_id text NOT NULL, code text NOT NULL, name text NOT NULL, unit text, type text NOT NULL, plan_id text, task_id text, PRIMARY KEY (regime_id, code))`,
      `CREATE INDEX target_items_task ON "${S}".target_items (plan_id, task_id)`,
      `CREATE TABLE "${S}".target_reports (report_id text PRIMARY KEY, regime_id text NOT NULL, period text NOT NULL, unit_code text NOT NULL, figures jsonb NOT NULL, submitted_on text NOT NULL, accepted_on text)`,
      `CREATE INDEX target_reports_regime ON "${S}".target_reports (regime_id)`,
    ],
    [`DROP TABLE "${S}".target_reports`, `DROP TABLE "${S}".target_items`, `DROP TABLE "${S}".target_assignments`, `DROP TABLE "${S}".target_tasks`],
  ),
  schemaMigration(
    S,
    1766200000001,
    'AddTargetTaskDueDay',
    // When a task is due (its own day, else the plan's last day; null: no last year), for coverage in progress; due_known false: kept before this.
    [`ALTER TABLE "${S}".target_tasks ADD COLUMN due_on text, ADD COLUMN due_known boolean NOT NULL DEFAULT false`],
    [`ALTER TABLE "${S}".target_tasks DROP COLUMN due_on, DROP COLUMN due_known`],
  ),
];
