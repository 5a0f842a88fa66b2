import { Projection } from '@reform/event-store';
import { consolidate } from '../../domain/consolidation/consolidate';
import { Report } from '../../domain/report/report.decider';
import { REPORTING_SCHEMA } from '../../schema';

/** Events that change what a reviewer's consolidation holds: a child's report expected, accepted, or no longer accepted. */
const CHANGES = ['ReportExpected', 'ReportAccepted', 'ReportReopened', 'ReportReturned', 'ReportSubmitted', 'ReportWaived'];

/**
 * `consolidations`: for each reviewer (the district for its communes, the province for its
 * districts) and period, its children's accepted reports aggregated by each item's rule, every
 * figure with the children behind it, and their text sections per unit. Event-driven: recomputed
 * in the transaction of any child's change, after `reports.v2` (which it reads), never by a
 * nightly job. Idempotent: it recomputes from the `reports` rows, whatever the events.
 */
export const consolidationProjection: Projection = {
  name: 'consolidations.v1',
  eventTypes: CHANGES,
  tables: ['consolidations'],
  async apply(events, manager, schema) {
    const S = schema ?? REPORTING_SCHEMA;
    // The row's time is its last change's (the latest event behind it), so a rebuild writes the same.
    const at = new Map<string, Date>();
    for (const event of events) {
      const id = event.streamId.slice('report-'.length);
      const seen = at.get(id);
      if (!seen || seen < event.recordedAt) at.set(id, event.recordedAt);
    }
    const rows: Array<{ id: string; regime_id: string; period: string; reviewer_code: string }> = await manager.query(
      `SELECT id, regime_id, period, reviewer_code FROM "${S}".reports WHERE id = ANY($1::text[]) AND role = 'UNIT'`,
      [[...at.keys()]],
    );
    const keys = new Map<string, { regime_id: string; period: string; reviewer_code: string; at: Date }>();
    for (const row of rows) {
      const key = `${row.regime_id}|${row.period}|${row.reviewer_code}`;
      const when = at.get(row.id) as Date;
      const known = keys.get(key);
      if (!known || known.at < when) keys.set(key, { ...row, at: when });
    }
    for (const key of keys.values()) {
      const children: Array<{ state: Report }> = await manager.query(
        `SELECT state FROM "${S}".reports WHERE regime_id = $1 AND period = $2 AND reviewer_code = $3 AND role = 'UNIT' ORDER BY unit_code`,
        [key.regime_id, key.period, key.reviewer_code],
      );
      if (!children.length) continue;
      const accepted = children.map((row) => row.state).filter((report) => report.status === 'ACCEPTED');
      const form = children[0].state.form;
      const result = consolidate(
        form,
        accepted.map((report) => ({ unitCode: report.unitCode, unitName: report.unitName, content: report.content })),
      );
      await manager.query(
        `INSERT INTO "${S}".consolidations (regime_id, period, unit_code, children, accepted, items, sections, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (regime_id, period, unit_code) DO UPDATE SET children = EXCLUDED.children, accepted = EXCLUDED.accepted, items = EXCLUDED.items, sections = EXCLUDED.sections, updated_at = EXCLUDED.updated_at`,
        [key.regime_id, key.period, key.reviewer_code, children.length, accepted.length, JSON.stringify(result.items), JSON.stringify(result.sections), key.at],
      );
    }
  },
};
