import { RecordedEvent } from '@reform/event-store';
import { IntegrationMessage, toIntegrationMessage } from '@reform/messaging';
import { RegimeDefinedV1, ReportAcceptedV1, ReportApprovedV1, ReportSubmittedV1 } from '@reform/contracts';
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
 * Which reporting events leave the service (issue 19: the scoring service compares plan tasks'
 * targets with reported figures): a regime's definition (its items and the task each measures),
 * a report's figures when submitted, its acceptance, and a consolidated report's approval with
 * its figures. Drafts, returns, reopenings, waivers and reminders stay inside: a return or a
 * reopening is followed by a new submission, which replaces the figures and their acceptance.
 */
export function publishReportingEvent(recorded: RecordedEvent): IntegrationMessage | null {
  if (recorded.streamId.startsWith('regime-')) {
    const event = { type: recorded.type, data: recorded.data } as RegimeEvent;
    if (event.type !== 'RegimeDefined') return null;
    const { definition, on } = event.data;
    return toIntegrationMessage(
      recorded,
      RegimeDefinedV1,
      RegimeDefinedV1.validate({
        regimeId: definition.id,
        ownerCode: definition.ownerCode,
        name: definition.name,
        items: definition.form.items.map((item) => ({ code: item.code, name: item.name, unit: item.unit, type: item.type, measures: item.measures ?? null })),
        on,
      }),
    );
  }
  if (!recorded.streamId.startsWith('report-')) return null;
  const key = reportKeyOf(recorded.streamId);
  if (!key) return null;
  const event = { type: recorded.type, data: recorded.data } as ReportEvent;
  switch (event.type) {
    case 'ReportSubmitted':
      return toIntegrationMessage(recorded, ReportSubmittedV1, ReportSubmittedV1.validate({ ...key, figures: figuresOf(event.data.content), on: event.data.on }));
    case 'ReportAccepted':
      return toIntegrationMessage(recorded, ReportAcceptedV1, ReportAcceptedV1.validate({ reportId: key.reportId, on: event.data.on }));
    case 'ReportApproved':
      return toIntegrationMessage(recorded, ReportApprovedV1, ReportApprovedV1.validate({ ...key, figures: figuresOf(event.data.content), on: event.data.on }));
    default:
      return null;
  }
}
