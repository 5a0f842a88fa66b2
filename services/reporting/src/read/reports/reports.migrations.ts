import { schemaMigration } from '@reform/event-store';
import { REPORTING_SCHEMA as S } from '../../schema';

export const reportingReadModelMigrations = [
  schemaMigration(
    S,
    1765000000000,
    'CreateReportingReadModels',
    [
      `CREATE TABLE "${S}".regimes (id text PRIMARY KEY, owner_code text NOT NULL, name text NOT NULL, version int NOT NULL, state jsonb NOT NULL)`,
      `CREATE INDEX regimes_owner ON "${S}".regimes (owner_code)`,
      `CREATE TABLE "${S}".cycles (
        id text PRIMARY KEY, regime_id text NOT NULL, period text NOT NULL, owner_code text NOT NULL, opened_on date NOT NULL, version int NOT NULL, state jsonb NOT NULL,
        UNIQUE (regime_id, period)
      )`,
      `CREATE TABLE "${S}".reports (
        id text PRIMARY KEY, regime_id text NOT NULL, period text NOT NULL, unit_code text NOT NULL, reviewer_code text NOT NULL, level text NOT NULL, role text NOT NULL,
        status text NOT NULL, due_on date NOT NULL, closes_on date NOT NULL, submitted_on date, late boolean NOT NULL, reopened_until date,
        updated_at timestamptz NOT NULL, version int NOT NULL, state jsonb NOT NULL
      )`,
      `CREATE INDEX reports_unit ON "${S}".reports (unit_code, regime_id, period)`,
      `CREATE INDEX reports_cycle ON "${S}".reports (regime_id, period, reviewer_code)`,
      // The reminders' question: reports not yet submitted, by deadline.
      `CREATE INDEX reports_open_due ON "${S}".reports (due_on) WHERE status IN ('EXPECTED', 'DRAFT', 'RETURNED')`,
      // The consolidation of a reviewer's children for a period: kept by the consolidation projection.
      `CREATE TABLE "${S}".consolidations (
        regime_id text NOT NULL, period text NOT NULL, unit_code text NOT NULL, children int NOT NULL, accepted int NOT NULL,
        items jsonb NOT NULL, sections jsonb NOT NULL, updated_at timestamptz NOT NULL,
        PRIMARY KEY (regime_id, period, unit_code)
      )`,
      // What the tasks service published of each task assignment (its events over the bus).
      `CREATE TABLE "${S}".assignment_facts (
        assignment_id text PRIMARY KEY, plan_id text NOT NULL, unit_code text NOT NULL, plan_number text NOT NULL, task_text text NOT NULL,
        assigned_on date NOT NULL, happenings jsonb NOT NULL DEFAULT '[]'
      )`,
      `CREATE INDEX assignment_facts_plan_unit ON "${S}".assignment_facts (plan_id, unit_code)`,
    ],
    [`DROP TABLE "${S}".assignment_facts`, `DROP TABLE "${S}".consolidations`, `DROP TABLE "${S}".reports`, `DROP TABLE "${S}".cycles`, `DROP TABLE "${S}".regimes`],
  ),
];
