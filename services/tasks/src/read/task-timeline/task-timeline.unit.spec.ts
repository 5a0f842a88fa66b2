import {
  PlanAmendedV1,
  PlanClosedV1,
  PlanIssuedV1,
  ReportAcceptedV1,
  ReportApprovedV1,
  ReportExpectedV1,
  ReportReturnedV1,
  ReportSubmittedV1,
} from '@reform/contracts';
import { RecordedEvent, SYSTEM_ACTOR } from '@reform/event-store';
import { ReceivedPlanEvent, ReceivedReportEvent, taskTimeline } from './task-timeline';
import { exportTimeline, neutralised } from './timeline-export';

const actor = { accountId: 'a-1', username: 'd513', unitCode: '513' };
const at = (minute: number) => new Date(Date.UTC(2021, 4, 23, 1, minute));
const task = (taskId: string) => ({
  taskId,
  sectionCode: null,
  text: `Nhiệm vụ ${taskId}`,
  target: null,
  timeframe: { kind: 'due', text: 'Trước 30/6/2021', on: '2021-06-30' },
  dueOn: '2021-06-30',
  lead: [],
  implementing: ['20794'],
  monitoring: [],
  expectedResult: null,
});
const received = (name: string, data: unknown, minute: number, version: number): ReceivedPlanEvent => ({
  name,
  data,
  eventId: `plan-event-${version}`,
  metadata: { actor, correlationId: `corr-${version}`, causationId: null, recordedAt: at(minute).toISOString(), stream: 'plan-p1', streamVersion: version },
});
const recorded = (streamId: string, version: number, type: string, data: unknown, minute: number, causationId: string | null): RecordedEvent => ({
  eventId: `${streamId}-${version}`,
  streamId,
  streamVersion: version,
  type,
  schemaVersion: 1,
  data,
  metadata: {
    actor: type === 'AssignmentCreated' ? SYSTEM_ACTOR : { accountId: 'a-2', username: 'c20794', unitCode: '20794' },
    tenant: '513',
    correlationId: 'corr-2',
    causationId,
  },
  recordedAt: at(minute),
  globalPosition: { transactionId: '1', position: String(version) },
  hash: 'h',
  previousHash: null,
});

describe('task timeline (pure)', () => {
  const issued = received(
    PlanIssuedV1.name,
    {
      planId: 'p1',
      number: '53/KH-UBND',
      title: 'Kế hoạch CCHC',
      issuerCode: '513',
      issuedOn: '2021-05-23',
      year: 2021,
      implementsPlanId: null,
      tasks: [task('t1'), task('t2')],
      cascade: null,
    },
    0,
    2,
  );
  const otherAmendment = received(
    PlanAmendedV1.name,
    { planId: 'p1', revision: 2, reason: 'Bổ sung', amendedOn: '2021-06-01', addedTasks: [task('t3')], removedTaskIds: [], rescheduledTasks: [] },
    5,
    3,
  );
  const removal = received(
    PlanAmendedV1.name,
    { planId: 'p1', revision: 3, reason: 'Không còn phù hợp', amendedOn: '2021-06-02', addedTasks: [], removedTaskIds: ['t1'], rescheduledTasks: [] },
    6,
    4,
  );
  const closed = received(PlanClosedV1.name, { planId: 'p1', closedOn: '2021-12-31', reason: null }, 9, 5);
  const facts = { unitCode: '20794', role: 'IMPLEMENTING', kind: 'TASK', schedule: { kind: 'once', dueOn: '2021-06-30' }, timeframeText: 'Trước 30/6/2021' };
  const stream = 'assignment-x1';
  const events = [
    recorded(stream, 1, 'AssignmentCreated', facts, 0, 'plan-event-2'),
    recorded(stream, 2, 'AssignmentAccepted', { on: '2021-05-24' }, 1, `${stream}-1`),
    recorded(stream, 3, 'ExtensionRequested', { newDueOn: '2021-07-15', reason: 'Chờ kinh phí', on: '2021-05-25' }, 2, `${stream}-2`),
    recorded(stream, 4, 'AssignmentCancelled', { reason: 'Không còn phù hợp', on: '2021-06-02' }, 6, 'plan-event-4'),
  ];

  it('keeps only the plan events that concern the task, orders by time with a plan event before what it caused at the same instant, and says what happened in Vietnamese', () => {
    const entries = taskTimeline('t1', [issued, otherAmendment, removal, closed], [...events].reverse());
    expect(entries.map((entry) => [entry.service, entry.type])).toEqual([
      ['plans', 'PlanIssued'],
      ['tasks', 'AssignmentCreated'],
      ['tasks', 'AssignmentAccepted'],
      ['tasks', 'ExtensionRequested'],
      ['plans', 'PlanAmended'],
      ['tasks', 'AssignmentCancelled'],
      ['plans', 'PlanClosed'],
    ]);
    expect(entries.map((entry) => entry.summary)).toEqual([
      'Ban hành kế hoạch 53/KH-UBND ngày 23/05/2021: nhiệm vụ giao 1 đơn vị thực hiện',
      'Giao nhiệm vụ cho đơn vị 20794 (thực hiện); thời gian: hạn 30/06/2021',
      'Đơn vị tiếp nhận nhiệm vụ',
      'Đề nghị gia hạn đến 15/07/2021. Lý do: Chờ kinh phí',
      'Điều chỉnh kế hoạch (lần 2) ngày 02/06/2021: bỏ nhiệm vụ. Lý do: Không còn phù hợp',
      'Hủy nhiệm vụ. Lý do: Không còn phù hợp',
      'Kết thúc kế hoạch ngày 31/12/2021',
    ]);
    // A plan event carries only the task's own row, not the whole appendix.
    expect(entries[0].data).toMatchObject({ number: '53/KH-UBND', task: { taskId: 't1' } });
    expect(entries[0].data).not.toHaveProperty('tasks');
    expect(entries[1]).toMatchObject({ assignmentId: 'x1', unitCode: '20794', causationId: 'plan-event-2' });
  });

  it('says when the plan gave no timeframe rather than quoting nothing', () => {
    const created = (schedule: unknown, timeframeText: string) =>
      taskTimeline('t1', [], [recorded(stream, 1, 'AssignmentCreated', { ...facts, schedule, timeframeText }, 0, null)])[0].summary;
    expect(created({ kind: 'periodic', every: 'QUARTER', periods: [] }, '')).toBe(
      'Giao nhiệm vụ cho đơn vị 20794 (thực hiện); thời gian: không ghi thời gian, báo cáo theo kỳ',
    );
    expect(created({ kind: 'none' }, ' ')).toBe('Giao nhiệm vụ cho đơn vị 20794 (thực hiện); thời gian: không ghi thời gian');
    expect(created({ kind: 'periodic', every: 'QUARTER', periods: [] }, 'Thường xuyên')).toBe(
      'Giao nhiệm vụ cho đơn vị 20794 (thực hiện); thời gian: "Thường xuyên"',
    );
  });

  it('exports CSV with a BOM and quoted fields, and JSON with the task it belongs to', () => {
    const entries = taskTimeline(
      't1',
      [issued],
      [
        recorded(stream, 1, 'AssignmentCreated', facts, 0, 'plan-event-2'),
        recorded(stream, 2, 'ProgressReported', { percent: 30, note: 'Đã họp, "tổ công tác"', evidence: ['CV 1', 'CV 2'], on: '2021-05-24' }, 1, `${stream}-1`),
      ],
    );
    const csv = exportTimeline({ planId: 'p1', taskId: 't1' }, entries, 'CSV');
    expect(csv).toMatchObject({ fileName: 'dong-thoi-gian_p1_t1.csv', entries: 3 });
    expect(csv.content.startsWith('\uFEFFThời điểm (UTC),')).toBe(true);
    expect(csv.content).toContain('"Báo cáo tiến độ 30%: Đã họp, ""tổ công tác"" (kiểm chứng: CV 1; CV 2)"');
    expect(csv.content.split('\r\n')).toHaveLength(5); // heading, 3 rows, trailing newline
    const json = exportTimeline({ planId: 'p1', taskId: 't1', unitCode: '20794' }, entries, 'JSON');
    expect(json.fileName).toBe('dong-thoi-gian_p1_t1_20794.json');
    expect(JSON.parse(json.content)).toMatchObject({
      planId: 'p1',
      taskId: 't1',
      unitCode: '20794',
      entries: [{ type: 'PlanIssued' }, { type: 'AssignmentCreated' }, { type: 'ProgressReported' }],
    });
  });

  it("places the reports that cite the task's assignments among its events, each under the assignment it cites, in the reader's words", () => {
    const citation = { assignmentId: 'x1', unitCode: '20794', regimeName: 'Báo cáo CCHC hằng quý', period: '2021-Q2', periodLabel: 'quý II năm 2021' };
    const report = (name: string, data: unknown, minute: number, version: number): ReceivedReportEvent => ({
      name,
      data,
      eventId: `report-event-${version}`,
      metadata: {
        actor,
        correlationId: `corr-r${version}`,
        causationId: null,
        recordedAt: at(minute).toISOString(),
        stream: 'report-r1~2021-Q2~20794',
        streamVersion: version,
      },
      citation,
    });
    const reports = [
      report(ReportSubmittedV1.name, { reportId: 'r1~2021-Q2~20794', on: '2021-06-17', late: true, resubmission: false }, 4, 2),
      report(ReportExpectedV1.name, { reportId: 'r1~2021-Q2~20794', dueOn: '2021-06-16', assignmentIds: ['x1'] }, 1, 1),
      report(ReportReturnedV1.name, { reportId: 'r1~2021-Q2~20794', on: '2021-06-18', reason: 'Thiếu số liệu' }, 5, 3),
      report(ReportAcceptedV1.name, { reportId: 'r1~2021-Q2~20794', on: '2021-06-20' }, 7, 4),
      report(ReportApprovedV1.name, { reportId: 'r1~2021-Q2~20794', on: '2021-06-22' }, 9, 5),
    ];
    const entries = taskTimeline('t1', [issued], events.slice(0, 2), reports);
    expect(entries.map((entry) => [entry.service, entry.type])).toEqual([
      ['plans', 'PlanIssued'],
      ['tasks', 'AssignmentCreated'],
      ['tasks', 'AssignmentAccepted'],
      ['reporting', 'ReportExpected'],
      ['reporting', 'ReportSubmitted'],
      ['reporting', 'ReportReturned'],
      ['reporting', 'ReportAccepted'],
      ['reporting', 'ReportApproved'],
    ]);
    const reporting = entries.filter((entry) => entry.service === 'reporting');
    expect(reporting.every((entry) => entry.assignmentId === 'x1' && entry.unitCode === '20794' && entry.stream === 'report-r1~2021-Q2~20794')).toBe(true);
    expect(reporting.map((entry) => entry.summary)).toEqual([
      'Mở kỳ báo cáo: báo cáo "Báo cáo CCHC hằng quý" quý II năm 2021 của đơn vị 20794 (hạn 16/06/2021) dẫn nhiệm vụ này với tiến độ trong kỳ',
      'Gửi báo cáo "Báo cáo CCHC hằng quý" quý II năm 2021 của đơn vị 20794 ngày 17/06/2021 (trễ hạn)',
      'Trả lại báo cáo "Báo cáo CCHC hằng quý" quý II năm 2021 của đơn vị 20794 ngày 18/06/2021. Lý do: Thiếu số liệu',
      'Chấp nhận báo cáo "Báo cáo CCHC hằng quý" quý II năm 2021 của đơn vị 20794 ngày 20/06/2021',
      'Phê duyệt báo cáo "Báo cáo CCHC hằng quý" quý II năm 2021 của đơn vị 20794 ngày 22/06/2021',
    ]);
  });

  it('neutralises CSV cells a spreadsheet would run as a formula (issue 12, finding 7)', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralised(cell)).toBe(`'${cell}`);
    for (const cell of ['Đã niêm yết', '2025-04-01', 'a=b', null, 5, -5]) expect(neutralised(cell)).toBe(cell);
  });
});
