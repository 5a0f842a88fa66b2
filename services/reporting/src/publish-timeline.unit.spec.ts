import { ReportExpectedV1, ReportReturnedV1, ReportSubmittedV1 } from '@reform/contracts';
import { RecordedEvent, SYSTEM_ACTOR } from '@reform/event-store';
import { communeReport } from './domain/testing/fixtures';
import { AssignmentLine, ReportEvent } from './domain/report/report.decider';
import { publishReportingEvent } from './publish';

const recorded = (streamVersion: number, event: ReportEvent, streamId = 'report-r1~2021-Q3~20794'): RecordedEvent => ({
  eventId: `00000000-0000-4000-8000-${String(streamVersion).padStart(12, '0')}`,
  streamId,
  streamVersion,
  type: event.type,
  schemaVersion: 1,
  data: event.data,
  metadata: { actor: SYSTEM_ACTOR, tenant: '513', correlationId: 'c', causationId: null },
  recordedAt: new Date('2021-09-01T03:00:00Z'),
  globalPosition: { transactionId: '1', position: String(streamVersion) },
  hash: 'h',
  previousHash: null,
});

const line = (assignmentId: string): AssignmentLine => ({
  assignmentId,
  planId: 'plan-1',
  planNumber: '09/KH-UBND',
  taskText: 'Niêm yết thủ tục',
  status: 'IN_PROGRESS',
  percent: 50,
  progress: [],
  completedOn: null,
  late: false,
  extensions: [],
  overdueDays: [],
});
const reportFacts = () => {
  const facts = communeReport();
  return { ...facts, prefill: { ...facts.prefill, assignments: [line('a1'), line('a2')] } };
};

describe("the reporting service's published report events (a report in its tasks' timelines)", () => {
  it('publishes a report that cites assignments, with the assignments it cites, then what became of it', () => {
    const facts = reportFacts();
    const expected = publishReportingEvent(recorded(1, { type: 'ReportExpected', data: facts }));
    expect(expected).toMatchObject({ name: ReportExpectedV1.name, subject: 'reporting.report.ReportExpected' });
    expect(expected?.data).toEqual({
      reportId: 'r1~2021-Q3~20794',
      regimeId: facts.regimeId,
      regimeName: facts.regimeName,
      period: facts.period,
      periodLabel: 'quý III năm 2021',
      unitCode: facts.unitCode,
      dueOn: facts.dueOn,
      assignmentIds: ['a1', 'a2'],
    });
    expect(
      publishReportingEvent(
        recorded(2, { type: 'ReportSubmitted', data: { content: { sections: {}, items: {} }, on: '2021-09-16', late: true, resubmission: false } }),
      ),
    ).toMatchObject({
      name: ReportSubmittedV1.name,
      data: { reportId: 'r1~2021-Q3~20794', on: '2021-09-16', late: true, resubmission: false },
    });
    expect(publishReportingEvent(recorded(3, { type: 'ReportReturned', data: { reason: 'Thiếu số liệu', on: '2021-09-17' } }))).toMatchObject({
      name: ReportReturnedV1.name,
      data: { reason: 'Thiếu số liệu' },
    });
  });

  it('keeps inside a report that cites no assignment, drafts, reminders and other streams', () => {
    const facts = reportFacts();
    expect(publishReportingEvent(recorded(1, { type: 'ReportExpected', data: { ...facts, prefill: { ...facts.prefill, assignments: [] } } }))).toBeNull();
    expect(publishReportingEvent(recorded(2, { type: 'ReportDraftSaved', data: { content: { sections: {}, items: {} }, on: '2021-09-10' } }))).toBeNull();
    expect(
      publishReportingEvent(recorded(3, { type: 'ReportReminderIssued', data: { kind: 'BEFORE_DEADLINE', on: '2021-09-14', dueOn: '2021-09-15' } })),
    ).toBeNull();
    expect(publishReportingEvent(recorded(1, { type: 'ReportExpected', data: facts }, 'cycle-r1~2021-Q3'))).toBeNull();
  });
});
