import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { REPORT_CONTRACTS, ReportExpectedV1 } from '@reform/contracts';
import { IntegrationItem, OnIntegrationEvent } from '@reform/messaging';
import { TASKS_SCHEMA as S } from '../../schema';

/**
 * Keeps what the reporting service publishes of reports that cite assignments, for the tasks'
 * timelines (ADR 0013): a report's citations (`report_citations`: which assignments its pre-fill
 * lists, with the regime and period) and each of its events as received (`report_events`, with
 * the source's id, time, actor, correlation and causation). A later event of a report never heard
 * of (it cites no assignment) is dropped. One durable consumer, in publication order, batched in
 * the inbox's transaction; a redelivered event changes nothing (inbox, then the event id's key).
 */
@Injectable()
export class KeepReportEvents {
  // The consumer name is fixed: renaming the method must not start a new durable consumer.
  @OnIntegrationEvent(REPORT_CONTRACTS, { consumer: 'tasks.report-timeline', batch: 500 })
  async keep(items: readonly IntegrationItem[], manager: EntityManager): Promise<void> {
    const citations: Array<{ reportId: string; assignmentId: string; unitCode: string; regimeName: string; period: string; periodLabel: string }> = [];
    const events: Array<{ eventId: string; reportId: string; name: string; data: unknown; meta: unknown }> = [];
    for (const { data, message } of items) {
      const reportId = (data as { reportId: string }).reportId;
      if (message.name === ReportExpectedV1.name) {
        const expected = data as ReportExpectedV1;
        for (const assignmentId of expected.assignmentIds)
          citations.push({
            reportId,
            assignmentId,
            unitCode: expected.unitCode,
            regimeName: expected.regimeName,
            period: expected.period,
            periodLabel: expected.periodLabel,
          });
      }
      events.push({ eventId: message.eventId, reportId, name: message.name, data, meta: { ...message, data: undefined } });
    }
    if (citations.length) {
      await manager.query(
        `INSERT INTO "${S}".report_citations (report_id, assignment_id, unit_code, regime_name, period, period_label)
         SELECT r."reportId", r."assignmentId", r."unitCode", r."regimeName", r."period", r."periodLabel"
         FROM jsonb_to_recordset($1::jsonb) AS r("reportId" text, "assignmentId" text, "unitCode" text, "regimeName" text, "period" text, "periodLabel" text)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(citations)],
      );
    }
    // Only the events of reports that cite something here (the timeline orders them by their source's time and version).
    await manager.query(
      `INSERT INTO "${S}".report_events (event_id, report_id, name, data, meta)
       SELECT r."eventId", r."reportId", r.name, r.data, r.meta
       FROM jsonb_to_recordset($1::jsonb) AS r("eventId" text, "reportId" text, name text, data jsonb, meta jsonb)
       WHERE EXISTS (SELECT 1 FROM "${S}".report_citations c WHERE c.report_id = r."reportId")
       ON CONFLICT (event_id) DO NOTHING`,
      [JSON.stringify(events)],
    );
  }
}
