import { EntityManager } from 'typeorm';
import { Projection } from '@reform/event-store';
import { REPORT_EVENT_TYPES } from '../../domain/report/report.decider';
import { REPORTING_SCHEMA } from '../../schema';

/**
 * The counts of one period at each unit of the given codes, over the reporting units' reports
 * whose path holds it (its own and every report below it, as the tree stood the day the period
 * opened), with the unit's parent on that day. The same definitions as the domain's `countsOf`
 * (an integration test compares them). Also what the migration fills the table with.
 */
export function recountSql(S: string, where: string): string {
  return `INSERT INTO "${S}".completeness_counts (regime_id, period, unit_code, parent_code, expected, submitted, on_time, late, missing, accepted, returned, waived)
    SELECT r.regime_id, r.period, a.code, r.path[a.i + 1], count(*)::int,
      count(*) FILTER (WHERE r.submitted_on IS NOT NULL)::int,
      count(*) FILTER (WHERE r.submitted_on IS NOT NULL AND NOT r.late)::int,
      count(*) FILTER (WHERE r.submitted_on IS NOT NULL AND r.late)::int,
      count(*) FILTER (WHERE r.submitted_on IS NULL AND r.status <> 'WAIVED')::int,
      count(*) FILTER (WHERE r.status = 'ACCEPTED')::int,
      count(*) FILTER (WHERE r.status = 'RETURNED')::int,
      count(*) FILTER (WHERE r.status = 'WAIVED')::int
    FROM "${S}".reports r CROSS JOIN LATERAL unnest(r.path) WITH ORDINALITY AS a(code, i)
    WHERE r.role = 'UNIT' AND ${where}
    GROUP BY r.regime_id, r.period, a.code, r.path[a.i + 1]
    ON CONFLICT (regime_id, period, unit_code) DO UPDATE SET parent_code = EXCLUDED.parent_code, expected = EXCLUDED.expected, submitted = EXCLUDED.submitted,
      on_time = EXCLUDED.on_time, late = EXCLUDED.late, missing = EXCLUDED.missing, accepted = EXCLUDED.accepted, returned = EXCLUDED.returned, waived = EXCLUDED.waived`;
}

async function recount(manager: EntityManager, S: string, regimeId: string, period: string, codes: readonly string[]): Promise<void> {
  await manager.query(recountSql(S, `r.regime_id = $1 AND r.period = $2 AND a.code = ANY($3::text[])`), [regimeId, period, codes]);
}

/**
 * `completeness_counts`: per regime, period and unit, the counts of the reporting units' reports
 * in its subtree (expected, submitted, on time, late, missing, accepted, returned, waived), so the
 * completeness of a province, a district or a commune is one row, whatever the load. Kept in the
 * transaction of every report change, after `reports.v2` (whose rows and paths it reads): the
 * units on the changed reports' paths are counted again from the rows, so it is idempotent and a
 * rebuild writes the same rows.
 */
export const completenessProjection: Projection = {
  name: 'completeness.v1',
  eventTypes: REPORT_EVENT_TYPES.filter((type) => type !== 'ReportReminderIssued' && type !== 'ReportDraftSaved'),
  tables: ['completeness_counts'],
  async apply(events, manager, schema) {
    const S = schema ?? REPORTING_SCHEMA;
    const ids = [...new Set(events.map((event) => event.streamId.slice('report-'.length)))];
    const rows: Array<{ regime_id: string; period: string; path: string[] }> = await manager.query(
      `SELECT regime_id, period, path FROM "${S}".reports WHERE id = ANY($1::text[]) AND role = 'UNIT'`,
      [ids],
    );
    const cycles = new Map<string, { regimeId: string; period: string; codes: Set<string> }>();
    for (const row of rows) {
      const key = `${row.regime_id}|${row.period}`;
      const cycle = cycles.get(key) ?? { regimeId: row.regime_id, period: row.period, codes: new Set<string>() };
      cycles.set(key, cycle);
      for (const code of row.path) cycle.codes.add(code);
    }
    for (const cycle of cycles.values()) await recount(manager, S, cycle.regimeId, cycle.period, [...cycle.codes]);
  },
};
