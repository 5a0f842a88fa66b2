import { schemaMigration } from '@reform/event-store';
import { TASKS_SCHEMA as S } from '../../schema';

/**
 * The roll-ups' counts as first made (issue 11): task assignments per plan × assignee unit × status
 * × overdue, kept by the assignments projection in the same statement as the rows they count, and
 * counted from the rows already there, so a deployment keeps its figures without a rebuild. Made
 * again by the down migration of the origin column.
 */
const planProgressCountsV1 = [
  `CREATE TABLE "${S}".plan_progress (
    plan_id text NOT NULL, unit_code text NOT NULL, status text NOT NULL, overdue boolean NOT NULL, n int NOT NULL,
    PRIMARY KEY (plan_id, unit_code, status, overdue)
  )`,
  `INSERT INTO "${S}".plan_progress (plan_id, unit_code, status, overdue, n)
   SELECT plan_id, unit_code, status, overdue, count(*) FROM "${S}".assignments WHERE kind = 'TASK' GROUP BY plan_id, unit_code, status, overdue`,
];

export const assignmentsReadModelMigrations = [
  schemaMigration(
    S,
    1763900100000,
    'CreateAssignmentsReadModel',
    [
      `CREATE TABLE "${S}".assignments (
        id text PRIMARY KEY, plan_id text NOT NULL, task_id text NOT NULL, unit_code text NOT NULL, role text NOT NULL, kind text NOT NULL,
        status text NOT NULL, percent int NOT NULL, due_on date, overdue boolean NOT NULL, overdue_for date, reminded_for date,
        assigner_code text NOT NULL, lead_codes text[] NOT NULL, monitoring_codes text[] NOT NULL,
        plan_number text NOT NULL, plan_title text NOT NULL, task_text text NOT NULL, last_note text,
        updated_at timestamptz NOT NULL, version int NOT NULL, state jsonb NOT NULL
      )`,
      `CREATE INDEX assignments_unit ON "${S}".assignments (unit_code, status)`,
      `CREATE INDEX assignments_plan ON "${S}".assignments (plan_id, task_id)`,
      // The scheduler's question: open assignments by due day.
      `CREATE INDEX assignments_open_due ON "${S}".assignments (due_on) WHERE status IN ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS')`,
      // Plans this service has heard of: what an amendment's added tasks need (number, title, issuer, year).
      `CREATE TABLE "${S}".known_plans (
        plan_id text PRIMARY KEY, number text NOT NULL, title text NOT NULL, issuer_code text NOT NULL, year int NOT NULL,
        issued_on date NOT NULL, implements_plan_id text, closed_on date
      )`,
    ],
    [`DROP TABLE "${S}".known_plans`, `DROP TABLE "${S}".assignments`],
  ),
  schemaMigration(
    S,
    1763900200000,
    'CreatePlanEventJobs',
    [
      // Plan events received (in the inbox's transaction) and worked off in order, outside it.
      `CREATE TABLE "${S}".plan_event_jobs (
        seq bigserial PRIMARY KEY, event_id text NOT NULL UNIQUE, name text NOT NULL, data jsonb NOT NULL, message jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(), done_at timestamptz, attempts int NOT NULL DEFAULT 0, last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX plan_event_jobs_pending ON "${S}".plan_event_jobs (seq) WHERE done_at IS NULL`,
    ],
    [`DROP TABLE "${S}".plan_event_jobs`],
  ),
  schemaMigration(
    S,
    1764500000000,
    'IndexPlanEventJobsByPlan',
    // The task timeline reads a plan's received events (issue, amendments, closing) by plan id.
    [`CREATE INDEX plan_event_jobs_plan ON "${S}".plan_event_jobs ((data->>'planId'), seq)`],
    [`DROP INDEX "${S}".plan_event_jobs_plan`],
  ),
  schemaMigration(S, 1764700000000, 'CreatePlanProgressCounts', [...planProgressCountsV1], [`DROP TABLE "${S}".plan_progress`]),
  schemaMigration(
    S,
    1765400100000,
    'MovePlanEventJobsToJobQueue',
    [
      // The plan events received move to the generic job queue of libs/messaging (ADR 0024),
      // keyed by plan, in the order they were received; a job still pending resumes there.
      `INSERT INTO "${S}".jobs (queue, key, job_id, name, data, meta, status, attempts, last_error, next_attempt_at, enqueued_at, done_at)
       SELECT 'tasks.plan-events', data->>'planId', event_id, name, data, message, CASE WHEN done_at IS NULL THEN 'pending' ELSE 'done' END,
              attempts, last_error, next_attempt_at, received_at, done_at
         FROM "${S}".plan_event_jobs ORDER BY seq
       ON CONFLICT (queue, job_id) DO NOTHING`,
      `DROP TABLE "${S}".plan_event_jobs`,
    ],
    [
      `CREATE TABLE "${S}".plan_event_jobs (
        seq bigserial PRIMARY KEY, event_id text NOT NULL UNIQUE, name text NOT NULL, data jsonb NOT NULL, message jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(), done_at timestamptz, attempts int NOT NULL DEFAULT 0, last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now()
      )`,
      `INSERT INTO "${S}".plan_event_jobs (event_id, name, data, message, received_at, done_at, attempts, last_error, next_attempt_at)
       SELECT job_id, name, data, meta, enqueued_at, done_at, attempts, last_error, next_attempt_at FROM "${S}".jobs WHERE queue = 'tasks.plan-events' ORDER BY seq`,
      `CREATE INDEX plan_event_jobs_pending ON "${S}".plan_event_jobs (seq) WHERE done_at IS NULL`,
      `CREATE INDEX plan_event_jobs_plan ON "${S}".plan_event_jobs ((data->>'planId'), seq)`,
      `DELETE FROM "${S}".jobs WHERE queue = 'tasks.plan-events'`,
    ],
  ),
  schemaMigration(
    S,
    1765400200000,
    'AssignmentsOriginUnit',
    [
      // The unit an assignment was first given to (before a reorganisation passed it on): lists and
      // roll-ups of a plan follow the tree of the plan's own day through it (issue 15, ADR 0029).
      `ALTER TABLE "${S}".assignments ADD COLUMN origin_code text`,
      `UPDATE "${S}".assignments SET origin_code = COALESCE(state->'formerUnitCodes'->>0, unit_code)`,
      `ALTER TABLE "${S}".assignments ALTER COLUMN origin_code SET NOT NULL`,
      `CREATE INDEX assignments_plan_origin ON "${S}".assignments (plan_id, origin_code)`,
      `CREATE INDEX assignments_plan_unit ON "${S}".assignments (plan_id, unit_code)`,
      // The counts gain the same key, recounted from the rows.
      `DROP TABLE "${S}".plan_progress`,
      `CREATE TABLE "${S}".plan_progress (
        plan_id text NOT NULL, unit_code text NOT NULL, origin_code text NOT NULL, status text NOT NULL, overdue boolean NOT NULL, n int NOT NULL,
        PRIMARY KEY (plan_id, unit_code, origin_code, status, overdue)
      )`,
      `INSERT INTO "${S}".plan_progress (plan_id, unit_code, origin_code, status, overdue, n)
       SELECT plan_id, unit_code, origin_code, status, overdue, count(*) FROM "${S}".assignments WHERE kind = 'TASK' GROUP BY plan_id, unit_code, origin_code, status, overdue`,
    ],
    [
      `DROP TABLE "${S}".plan_progress`,
      ...planProgressCountsV1,
      `DROP INDEX "${S}".assignments_plan_unit`,
      `DROP INDEX "${S}".assignments_plan_origin`,
      `ALTER TABLE "${S}".assignments DROP COLUMN origin_code`,
    ],
  ),
  schemaMigration(
    S,
    1766700000000,
    'AssignmentsWithoutUnreadColumns',
    [
      // Columns nothing filters, sorts or reads (the GraphQL type reads the state): each row was
      // about a sixth larger for them, written by every fan-out and every rebuild (issue 11).
      `ALTER TABLE "${S}".assignments DROP COLUMN lead_codes, DROP COLUMN monitoring_codes, DROP COLUMN plan_title, DROP COLUMN task_text, DROP COLUMN last_note`,
      // No statistics for the whole document: no query compares it, and a filter on a field of it
      // is an expression its column statistics do not describe; ANALYZE sorted a sample of 1 KB
      // documents for nothing (a third of its time after a rebuild).
      `ALTER TABLE "${S}".assignments ALTER COLUMN state SET STATISTICS 0`,
    ],
    [
      `ALTER TABLE "${S}".assignments ALTER COLUMN state SET STATISTICS -1`,
      `ALTER TABLE "${S}".assignments ADD COLUMN lead_codes text[], ADD COLUMN monitoring_codes text[], ADD COLUMN plan_title text, ADD COLUMN task_text text, ADD COLUMN last_note text`,
      `UPDATE "${S}".assignments SET lead_codes = ARRAY(SELECT jsonb_array_elements_text(state->'leadCodes')), monitoring_codes = ARRAY(SELECT jsonb_array_elements_text(state->'monitoringCodes')),
         plan_title = state->>'planTitle', task_text = state->>'taskText', last_note = state->>'note'`,
      `ALTER TABLE "${S}".assignments ALTER COLUMN lead_codes SET NOT NULL, ALTER COLUMN monitoring_codes SET NOT NULL, ALTER COLUMN plan_title SET NOT NULL, ALTER COLUMN task_text SET NOT NULL`,
    ],
  ),
];
