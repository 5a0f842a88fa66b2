import { RecordedEvent } from '@reform/event-store';
import { IntegrationMessage, toIntegrationMessage } from '@reform/messaging';
import { ReportAcceptedV1, ReportExpectedV1, ReportReturnedV1, ReportSubmittedV1 } from '@reform/contracts';
import { periodLabel } from './domain/period/period';
import { ReportEvent } from './domain/report/report.decider';

const idOf = (streamId: string) => streamId.slice('report-'.length);

/**
 * Which report events leave the reporting service: a report that cites assignments (its pre-fill
 * lists the unit's assignments of the regime's plans) when it is expected, then its submission,
 * return and acceptance, so the tasks service puts them in each cited task's timeline (ADR 0013).
 * A report citing none is not published at its expectation; its later events are (the relay maps
 * event by event), and the consumer drops those of a report it never heard of.
 */
export function publishReportEvent(recorded: RecordedEvent): IntegrationMessage | null {
  if (!recorded.streamId.startsWith('report-')) return null;
  const reportId = idOf(recorded.streamId);
  const event = { type: recorded.type, data: recorded.data } as ReportEvent;
  switch (event.type) {
    case 'ReportExpected': {
      const facts = event.data;
      const assignmentIds = [...new Set(facts.prefill.assignments.map((line) => line.assignmentId))];
      if (!assignmentIds.length) return null;
      return toIntegrationMessage(
        recorded,
        ReportExpectedV1,
        ReportExpectedV1.validate({ reportId, regimeId: facts.regimeId, regimeName: facts.regimeName, period: facts.period, periodLabel: periodLabel(facts.period), unitCode: facts.unitCode, dueOn: facts.dueOn, assignmentIds }),
      );
    }
    case 'ReportSubmitted':
      return toIntegrationMessage(recorded, ReportSubmittedV1, ReportSubmittedV1.validate({ reportId, on: event.data.on, late: event.data.late, resubmission: event.data.resubmission }));
    case 'ReportReturned':
      return toIntegrationMessage(recorded, ReportReturnedV1, ReportReturnedV1.validate({ reportId, on: event.data.on, reason: event.data.reason }));
    case 'ReportAccepted':
      return toIntegrationMessage(recorded, ReportAcceptedV1, ReportAcceptedV1.validate({ reportId, on: event.data.on }));
    default:
      return null;
  }
}
