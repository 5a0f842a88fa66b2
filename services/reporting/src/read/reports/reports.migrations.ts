import { schemaMigration } from '@reform/event-store';
import { REPORTING_SCHEMA as S } from '../../schema';
import { recountSql } from '../completeness/completeness.projection';

const onOpeningDay = `(p.valid_from IS NULL OR p.valid_from <= c.opened_on) AND (p.valid_to IS NULL OR c.opened_on < p.valid_to)`;

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
    [
      `DROP TABLE "${S}".assignment_facts`,
      `DROP TABLE "${S}".consolidations`,
      `DROP TABLE "${S}".reports`,
      `DROP TABLE "${S}".cycles`,
      `DROP TABLE "${S}".regimes`,
    ],
  ),
  // Completeness as a read model (issue 18): each report's path in the tree of its period's opening
  // day, and the counts of every unit's subtree. Existing rows are filled here, as the projections
  // `reports.v2` and `completeness.v1` would have written them.
  schemaMigration(
    S,
    1766100000000,
    'CompletenessCounts',
    [
      `ALTER TABLE "${S}".reports ADD COLUMN path text[]`,
      `UPDATE "${S}".reports SET path = ARRAY[unit_code]`,
      // One level up per statement; a tree is at most four deep here, ten is a bound, not a guess.
      ...Array.from(
        { length: 10 },
        () =>
          `UPDATE "${S}".reports r SET path = r.path || p.parent_code FROM "${S}".cycles c, "${S}".unit_periods p
           WHERE c.regime_id = r.regime_id AND c.period = r.period AND p.code = r.path[cardinality(r.path)] AND ${onOpeningDay}
             AND p.parent_code IS NOT NULL AND NOT p.parent_code = ANY(r.path)`,
      ),
      `ALTER TABLE "${S}".reports ALTER COLUMN path SET NOT NULL`,
      `CREATE TABLE "${S}".completeness_counts (
        regime_id text NOT NULL, period text NOT NULL, unit_code text NOT NULL, parent_code text,
        expected int NOT NULL, submitted int NOT NULL, on_time int NOT NULL, late int NOT NULL, missing int NOT NULL, accepted int NOT NULL, returned int NOT NULL, waived int NOT NULL,
        PRIMARY KEY (regime_id, period, unit_code)
      )`,
      `CREATE INDEX completeness_counts_parent ON "${S}".completeness_counts (regime_id, period, parent_code)`,
      recountSql(S, 'true'),
    ],
    [`DROP TABLE "${S}".completeness_counts`, `ALTER TABLE "${S}".reports DROP COLUMN path`],
  ),
];
