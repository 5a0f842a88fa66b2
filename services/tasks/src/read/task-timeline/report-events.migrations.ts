import { schemaMigration } from '@reform/event-store';
import { TASKS_SCHEMA as S } from '../../schema';

/** The reports that cite assignments, and their events as received from the reporting service (the tasks' timelines, ADR 0013). */
export const reportEventsMigrations = [
  schemaMigration(
    S,
    1766100100000,
    'CreateReportTimeline',
    [
      `CREATE TABLE "${S}".report_citations (
        report_id text NOT NULL, assignment_id text NOT NULL, unit_code text NOT NULL, regime_name text NOT NULL, period text NOT NULL, period_label text NOT NULL,
        PRIMARY KEY (report_id, assignment_id)
      )`,
      `CREATE INDEX report_citations_assignment ON "${S}".report_citations (assignment_id)`,
      `CREATE TABLE "${S}".report_events (seq bigserial PRIMARY KEY, event_id text NOT NULL UNIQUE, report_id text NOT NULL, name text NOT NULL, data jsonb NOT NULL, meta jsonb NOT NULL)`,
      `CREATE INDEX report_events_report ON "${S}".report_events (report_id, seq)`,
    ],
    [`DROP TABLE "${S}".report_events`, `DROP TABLE "${S}".report_citations`],
  ),
];
