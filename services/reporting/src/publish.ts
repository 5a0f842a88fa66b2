import { RecordedEvent } from '@reform/event-store';
import { IntegrationMessage, validatedMessage } from '@reform/messaging';
import { RegimeDefinedV1, ReportAcceptedV1, ReportApprovedV1, ReportExpectedV1, ReportReturnedV1, ReportSubmittedV1 } from '@reform/contracts';
import { periodLabel } from './domain/period/period';
import { RegimeEvent } from './domain/regime/regime.decider';
import { ReportContent, ReportEvent } from './domain/report/report.decider';

/** The numeric items of a report's content: numbers as they are, yes/no as 1 or 0; text and empty items are not figures. */
export function figuresOf(content: ReportContent): Array<{ code: string; value: number }> {
  return Object.entries(content.items).flatMap(([code, value]) =>
    typeof value === 'number' && Number.isFinite(value) ? [{ code, value }] : typeof value === 'boolean' ? [{ code, value: value ? 1 : 0 }] : [],
  );
}

/** `<regime>~<period>~<unit>` (report.decider's reportIdOf), read back from the stream. */
function reportKeyOf(streamId: string): { reportId: string; regimeId: string; period: string; unitCode: string } | null {
  const reportId = streamId.slice('report-'.length);
  const parts = reportId.split('~');
  if (parts.length !== 3) return null;
  const [regimeId, period, unitCode] = parts;
  return { reportId, regimeId, period, unitCode };
}

/**
 * Which reporting events leave the service:
 * - a regime's definition (its items and the plan task each measures: the scoring service
 *   compares tasks' targets with reported figures, ADR 0036);
 * - a report that cites assignments (its pre-fill lists the unit's assignments of the regime's
 *   plans) when it is expected, so the tasks service puts it and what follows in each cited task's
 *   timeline (ADR 0013); a report citing none is not published at its expectation, and the
 *   timeline's consumer drops the later events of a report it never heard of;
 * - a report's submission with its figures, its return, its acceptance, and a consolidated
 *   report's approval with its figures.
 * Drafts, reopenings, waivers and reminders stay inside: a return or a reopening is followed by a
 * new submission, which replaces the figures and their acceptance.
 */
export function publishReportingEvent(recorded: RecordedEvent): IntegrationMessage | null {
  if (recorded.streamId.startsWith('regime-')) {
    const event = { type: recorded.type, data: recorded.data } as RegimeEvent;
    if (event.type !== 'RegimeDefined') return null;
    const { definition, on } = event.data;
    return validatedMessage(recorded, RegimeDefinedV1, {
      regimeId: definition.id,
      ownerCode: definition.ownerCode,
      name: definition.name,
      items: definition.form.items.map((item) => ({ code: item.code, name: item.name, unit: item.unit, type: item.type, measures: item.measures ?? null })),
      on,
    });
  }
  if (!recorded.streamId.startsWith('report-')) return null;
  const key = reportKeyOf(recorded.streamId);
  if (!key) return null;
  const event = { type: recorded.type, data: recorded.data } as ReportEvent;
  switch (event.type) {
    case 'ReportExpected': {
      const facts = event.data;
      const assignmentIds = [...new Set(facts.prefill.assignments.map((line) => line.assignmentId))];
      if (!assignmentIds.length) return null;
      return validatedMessage(recorded, ReportExpectedV1, {
        reportId: key.reportId,
        regimeId: facts.regimeId,
        regimeName: facts.regimeName,
        period: facts.period,
        periodLabel: periodLabel(facts.period),
        unitCode: facts.unitCode,
        dueOn: facts.dueOn,
        assignmentIds,
      });
    }
    case 'ReportSubmitted':
      return validatedMessage(recorded, ReportSubmittedV1, {
        ...key,
        figures: figuresOf(event.data.content),
        on: event.data.on,
        late: event.data.late,
        resubmission: event.data.resubmission,
      });
    case 'ReportReturned':
      return validatedMessage(recorded, ReportReturnedV1, { reportId: key.reportId, on: event.data.on, reason: event.data.reason });
    case 'ReportAccepted':
      return validatedMessage(recorded, ReportAcceptedV1, { reportId: key.reportId, on: event.data.on });
    case 'ReportApproved':
      return validatedMessage(recorded, ReportApprovedV1, { ...key, figures: figuresOf(event.data.content), on: event.data.on });
    default:
      return null;
  }
}
