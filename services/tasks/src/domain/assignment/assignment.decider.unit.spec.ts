import { fold, spec } from '@reform/decider';
import { AssignmentEvent, assignmentDecider, Assignment, nextDueOn } from './assignment.decider';
import { reportingPeriods, scheduleFor } from './schedule';
import { onceFacts, quarterlyFacts } from '../testing/fixtures';

const assignment = spec(assignmentDecider);
const facts = onceFacts;
const quarterly = quarterlyFacts;
const created: AssignmentEvent = { type: 'AssignmentCreated', data: facts };
const acceptedEvent: AssignmentEvent = { type: 'AssignmentAccepted', data: { on: '2025-03-02' } };
const progress = (percent: number, on = '2025-04-01'): AssignmentEvent => ({ type: 'ProgressReported', data: { percent, note: null, evidence: [], on } });
const completed: AssignmentEvent = { type: 'AssignmentCompleted', data: { result: 'Xong', evidence: [], on: '2025-06-01', late: false, fulfilledBy: null } };
const cancelled: AssignmentEvent = { type: 'AssignmentCancelled', data: { reason: 'Điều chỉnh kế hoạch', on: '2025-05-01' } };
const requested: AssignmentEvent = { type: 'ExtensionRequested', data: { newDueOn: '2025-07-31', reason: 'Chờ kinh phí', on: '2025-06-20' } };
const state = (events: AssignmentEvent[]) => fold(assignmentDecider, events) as Assignment;

describe('Assignment decider', () => {
  describe('CreateAssignment', () => {
    it('creates an assigned assignment', () =>
      assignment
        .given([])
        .when({ type: 'CreateAssignment', data: facts })
        .thenState((s) => expect(s).toMatchObject({ status: 'ASSIGNED', percent: 0, dueOn: '2025-06-30', overdue: false })));
    it('refuses a second creation', () =>
      assignment.given([created]).when({ type: 'CreateAssignment', data: facts }).thenThrows('ASSIGNMENT.ALREADY_CREATED', 'id'));
    it('refuses an unknown role', () =>
      assignment
        .given([])
        .when({ type: 'CreateAssignment', data: { ...facts, role: 'OWNER' as never } })
        .thenThrows('ASSIGNMENT.INVALID_ROLE', 'role'));
    it('refuses an unknown kind', () =>
      assignment
        .given([])
        .when({ type: 'CreateAssignment', data: { ...facts, kind: 'CHORE' as never } })
        .thenThrows('ASSIGNMENT.INVALID_KIND', 'kind'));
    it('refuses an empty unit', () =>
      assignment
        .given([])
        .when({ type: 'CreateAssignment', data: { ...facts, unitCode: ' ' } })
        .thenThrows('ASSIGNMENT.UNIT_REQUIRED', 'unitCode'));
    it('refuses an impossible due day', () =>
      assignment
        .given([])
        .when({ type: 'CreateAssignment', data: { ...facts, schedule: { kind: 'once', dueOn: '2025-02-30' } } })
        .thenThrows('ASSIGNMENT.INVALID_DATE', 'dueOn'));
  });

  describe('unknown assignment', () => {
    it('is NOT_FOUND for any command', () =>
      assignment
        .given([])
        .when({ type: 'AcceptAssignment', data: { on: '2025-03-02' } })
        .thenThrows('ASSIGNMENT.NOT_FOUND', 'id'));
  });

  describe('AcceptAssignment', () => {
    it('accepts', () =>
      assignment
        .given([created])
        .when({ type: 'AcceptAssignment', data: { on: '2025-03-02' } })
        .then([acceptedEvent]));
    it('refuses a second acceptance', () =>
      assignment
        .given([created, acceptedEvent])
        .when({ type: 'AcceptAssignment', data: { on: '2025-03-03' } })
        .thenThrows('ASSIGNMENT.ALREADY_ACCEPTED'));
  });

  describe('ReportProgress', () => {
    const report = (percent: number, extra: Record<string, unknown> = {}) => ({
      type: 'ReportProgress' as const,
      data: { percent, note: ' Đã niêm yết ', evidence: ['VB-1'], on: '2025-04-01', ...extra },
    });
    it('needs acceptance first', () => assignment.given([created]).when(report(10)).thenThrows('ASSIGNMENT.NOT_ACCEPTED'));
    it('reports progress, trimming the note', () =>
      assignment
        .given([created, acceptedEvent])
        .when(report(50))
        .then([{ type: 'ProgressReported', data: { percent: 50, note: 'Đã niêm yết', evidence: ['VB-1'], on: '2025-04-01' } }]));
    it('moves to IN_PROGRESS with the percent', () =>
      assignment
        .given([created, acceptedEvent])
        .when(report(50))
        .thenState((s) => expect(s).toMatchObject({ status: 'IN_PROGRESS', percent: 50 })));
    it.each([-1, 101, 12.5])('refuses percent %p', (percent) =>
      assignment.given([created, acceptedEvent]).when(report(percent)).thenThrows('ASSIGNMENT.INVALID_PERCENT', 'percent'),
    );
    it('accepts 0 and 100', () => {
      assignment
        .given([created, acceptedEvent])
        .when(report(0))
        .thenState((s) => expect(s).toMatchObject({ percent: 0 }));
      assignment
        .given([created, acceptedEvent])
        .when(report(100))
        .thenState((s) => expect(s).toMatchObject({ percent: 100, status: 'IN_PROGRESS' }));
    });
    it('refuses an empty evidence reference', () =>
      assignment
        .given([created, acceptedEvent])
        .when(report(10, { evidence: [' '] }))
        .thenThrows('ASSIGNMENT.INVALID_EVIDENCE', 'evidence'));
    it('refuses an evidence link of another scheme than http(s), naming it (issue 12, finding 7)', () => {
      for (const link of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'vbscript:x']) {
        assignment
          .given([created, acceptedEvent])
          .when(report(10, { evidence: ['VB-1', link] }))
          .thenThrows('ASSIGNMENT.INVALID_EVIDENCE', 'evidence[1]');
      }
    });
    it('takes http(s) links and document numbers as evidence', () =>
      assignment
        .given([created, acceptedEvent])
        .when(report(10, { evidence: ['https://example.gov.vn/qd-5.pdf', 'http://a.vn', 'QĐ-5/2025'] }))
        .then([
          {
            type: 'ProgressReported',
            data: { percent: 10, note: 'Đã niêm yết', evidence: ['https://example.gov.vn/qd-5.pdf', 'http://a.vn', 'QĐ-5/2025'], on: '2025-04-01' },
          },
        ]));
    it('refuses progress after completion', () => assignment.given([created, acceptedEvent, completed]).when(report(10)).thenThrows('ASSIGNMENT.CLOSED', 'id'));
    it('refuses progress after cancellation', () =>
      assignment.given([created, acceptedEvent, cancelled]).when(report(10)).thenThrows('ASSIGNMENT.CLOSED', 'id'));
    it('clears the overdue mark', () =>
      assignment
        .given([{ type: 'AssignmentCreated', data: quarterly }, acceptedEvent, { type: 'AssignmentOverdue', data: { dueDay: '2025-03-14', on: '2025-03-15' } }])
        .when(report(10))
        .thenState((s) => expect(s).toMatchObject({ overdue: false })));
  });

  describe('CompleteAssignment', () => {
    const complete = (on: string, result = 'Đã hoàn thành') => ({ type: 'CompleteAssignment' as const, data: { result, evidence: ['QĐ-5'], on } });
    it('completes on time from ACCEPTED', () =>
      assignment
        .given([created, acceptedEvent])
        .when(complete('2025-06-30'))
        .then([{ type: 'AssignmentCompleted', data: { result: 'Đã hoàn thành', evidence: ['QĐ-5'], on: '2025-06-30', late: false, fulfilledBy: null } }]));
    it('records lateness', () =>
      assignment
        .given([created, acceptedEvent, progress(50)])
        .when(complete('2025-07-01'))
        .thenState((s) => expect(s).toMatchObject({ status: 'COMPLETED', percent: 100, late: true })));
    it('needs acceptance first', () => assignment.given([created]).when(complete('2025-06-01')).thenThrows('ASSIGNMENT.NOT_ACCEPTED'));
    it('needs a result', () => assignment.given([created, acceptedEvent]).when(complete('2025-06-01', '  ')).thenThrows('ASSIGNMENT.TEXT_REQUIRED', 'result'));
    it('refuses a second completion', () => assignment.given([created, acceptedEvent, completed]).when(complete('2025-06-02')).thenThrows('ASSIGNMENT.CLOSED'));
    it('completes an implementing-plan obligation without acceptance when a plan fulfils it', () =>
      assignment
        .given([{ type: 'AssignmentCreated', data: { ...facts, kind: 'IMPLEMENTING_PLAN', taskId: 'cascade' } }])
        .when({ type: 'CompleteAssignment', data: { result: '20/KH-UBND', on: '2025-07-02', fulfilledBy: { planId: 'p2', number: '20/KH-UBND' } } })
        .thenState((s) => expect(s).toMatchObject({ status: 'COMPLETED', late: true, fulfilledBy: { planId: 'p2', number: '20/KH-UBND' } })));
    it('does not let a task skip acceptance by naming a plan', () =>
      assignment
        .given([created])
        .when({ type: 'CompleteAssignment', data: { result: 'x', on: '2025-06-01', fulfilledBy: { planId: 'p2', number: 'x' } } })
        .thenThrows('ASSIGNMENT.NOT_ACCEPTED'));
  });

  describe('CancelAssignment', () => {
    it('cancels an open assignment with its reason', () =>
      assignment
        .given([created])
        .when({ type: 'CancelAssignment', data: { reason: 'Điều chỉnh kế hoạch', on: '2025-05-01' } })
        .thenState((s) => expect(s).toMatchObject({ status: 'CANCELLED', cancelledReason: 'Điều chỉnh kế hoạch' })));
    it('needs a reason', () =>
      assignment
        .given([created])
        .when({ type: 'CancelAssignment', data: { reason: '', on: '2025-05-01' } })
        .thenThrows('ASSIGNMENT.TEXT_REQUIRED', 'reason'));
    it('refuses to cancel a completed one', () =>
      assignment
        .given([created, acceptedEvent, completed])
        .when({ type: 'CancelAssignment', data: { reason: 'x', on: '2025-07-01' } })
        .thenThrows('ASSIGNMENT.CLOSED'));
    it('refuses to cancel twice', () =>
      assignment
        .given([created, cancelled])
        .when({ type: 'CancelAssignment', data: { reason: 'x', on: '2025-07-01' } })
        .thenThrows('ASSIGNMENT.CLOSED'));
  });

  describe('RescheduleAssignment', () => {
    const reschedule = (dueOn: string) => ({
      type: 'RescheduleAssignment' as const,
      data: { schedule: { kind: 'once' as const, dueOn }, timeframeText: 'Trước 31/8', reason: 'Điều chỉnh', on: '2025-05-01' },
    });
    it('moves the due day and clears overdue', () =>
      assignment
        .given([created, { type: 'AssignmentOverdue', data: { dueDay: '2025-06-30', on: '2025-07-01' } }])
        .when(reschedule('2025-08-31'))
        .thenState((s) => expect(s).toMatchObject({ dueOn: '2025-08-31', overdue: false, timeframeText: 'Trước 31/8' })));
    it('records nothing when the day is unchanged', () => assignment.given([created]).when(reschedule('2025-06-30')).then([]));
    it('refuses a closed assignment', () => assignment.given([created, cancelled]).when(reschedule('2025-08-31')).thenThrows('ASSIGNMENT.CLOSED'));
  });

  describe('extensions', () => {
    const request = (newDueOn: string, reason = 'Chờ kinh phí') => ({ type: 'RequestExtension' as const, data: { newDueOn, reason, on: '2025-06-20' } });
    it('requests a later day', () => assignment.given([created, acceptedEvent]).when(request('2025-07-31')).then([requested]));
    it('refuses a day not after the current due day', () =>
      assignment.given([created]).when(request('2025-06-30')).thenThrows('ASSIGNMENT.INVALID_DATE', 'newDueOn'));
    it('refuses a malformed day', () => assignment.given([created]).when(request('31/7/2025')).thenThrows('ASSIGNMENT.INVALID_DATE', 'newDueOn'));
    it('needs a reason', () => assignment.given([created]).when(request('2025-07-31', ' ')).thenThrows('ASSIGNMENT.TEXT_REQUIRED', 'reason'));
    it('refuses a second pending request', () =>
      assignment.given([created, requested]).when(request('2025-08-31')).thenThrows('ASSIGNMENT.EXTENSION_PENDING', 'newDueOn'));
    it('refuses without a due day', () =>
      assignment
        .given([{ type: 'AssignmentCreated', data: quarterly }])
        .when(request('2025-08-31'))
        .thenThrows('ASSIGNMENT.NO_DUE_DAY', 'newDueOn'));
    it('grants: the due day moves', () =>
      assignment
        .given([created, requested])
        .when({ type: 'GrantExtension', data: { reason: null, on: '2025-06-21' } })
        .thenState((s) => expect(s).toMatchObject({ dueOn: '2025-07-31', extension: { status: 'GRANTED' } })));
    it('refuses with a reason: the due day stays', () =>
      assignment
        .given([created, requested])
        .when({ type: 'RefuseExtension', data: { reason: 'Không có căn cứ', on: '2025-06-21' } })
        .thenState((s) => expect(s).toMatchObject({ dueOn: '2025-06-30', extension: { status: 'REFUSED', answer: 'Không có căn cứ' } })));
    it('a refusal needs a reason', () =>
      assignment
        .given([created, requested])
        .when({ type: 'RefuseExtension', data: { reason: '', on: '2025-06-21' } })
        .thenThrows('ASSIGNMENT.TEXT_REQUIRED', 'reason'));
    it('nothing to grant without a request', () =>
      assignment
        .given([created])
        .when({ type: 'GrantExtension', data: { on: '2025-06-21' } })
        .thenThrows('ASSIGNMENT.NO_EXTENSION_REQUEST'));
    it('nothing to refuse without a request', () =>
      assignment
        .given([created])
        .when({ type: 'RefuseExtension', data: { reason: 'x', on: '2025-06-21' } })
        .thenThrows('ASSIGNMENT.NO_EXTENSION_REQUEST'));
  });

  describe('MarkOverdue', () => {
    const mark = (dueDay: string, today: string) => ({ type: 'MarkOverdue' as const, data: { dueDay, today } });
    it('records a passed due day', () =>
      assignment
        .given([created])
        .when(mark('2025-06-30', '2025-07-01'))
        .then([{ type: 'AssignmentOverdue', data: { dueDay: '2025-06-30', on: '2025-07-01' } }]));
    it('refuses on the due day itself', () => assignment.given([created]).when(mark('2025-06-30', '2025-06-30')).thenThrows('ASSIGNMENT.NOT_DUE', 'dueDay'));
    it('refuses a day that is not the due day', () =>
      assignment.given([created]).when(mark('2025-06-29', '2025-07-01')).thenThrows('ASSIGNMENT.NOT_DUE', 'dueDay'));
    it('is recorded once per due day', () =>
      assignment
        .given([created, { type: 'AssignmentOverdue', data: { dueDay: '2025-06-30', on: '2025-07-01' } }])
        .when(mark('2025-06-30', '2025-07-02'))
        .thenThrows('ASSIGNMENT.OVERDUE_ALREADY_RECORDED', 'dueDay'));
    it('not after completion', () =>
      assignment.given([created, acceptedEvent, completed]).when(mark('2025-06-30', '2025-07-01')).thenThrows('ASSIGNMENT.CLOSED'));
    it('a periodic assignment: a quarter without a report is overdue at its cut-off, then the next quarter is due', () => {
      const events: AssignmentEvent[] = [{ type: 'AssignmentCreated', data: quarterly }, acceptedEvent];
      assignment
        .given(events)
        .when(mark('2025-03-14', '2025-03-15'))
        .thenState((s) => {
          expect(s).toMatchObject({ overdue: true });
          expect(nextDueOn(s as Assignment)).toBe('2025-06-14');
        });
    });
    it('a periodic assignment: a report inside the quarter settles it', () => {
      const s = state([{ type: 'AssignmentCreated', data: quarterly }, acceptedEvent, progress(20, '2025-03-10')]);
      expect(nextDueOn(s)).toBe('2025-06-14');
      assignment
        .given([{ type: 'AssignmentCreated', data: quarterly }, acceptedEvent, progress(20, '2025-03-10')])
        .when(mark('2025-03-14', '2025-03-15'))
        .thenThrows('ASSIGNMENT.NOT_DUE');
    });
    it('an assignment without a due day is never overdue', () =>
      assignment
        .given([{ type: 'AssignmentCreated', data: { ...facts, schedule: { kind: 'none' } } }])
        .when(mark('2025-06-30', '2025-07-01'))
        .thenThrows('ASSIGNMENT.NOT_DUE'));
  });

  describe('Remind', () => {
    const remind = (today: string, dueDay = '2025-06-30') => ({ type: 'Remind' as const, data: { dueDay, today, reminderDays: 3 } });
    it('reminds inside the window', () =>
      assignment
        .given([created])
        .when(remind('2025-06-27'))
        .then([{ type: 'ReminderIssued', data: { dueDay: '2025-06-30', on: '2025-06-27' } }]));
    it('not before the window', () => assignment.given([created]).when(remind('2025-06-26')).thenThrows('ASSIGNMENT.NOT_IN_REMINDER_WINDOW', 'dueDay'));
    it('not after the due day', () => assignment.given([created]).when(remind('2025-07-01')).thenThrows('ASSIGNMENT.NOT_IN_REMINDER_WINDOW'));
    it('once per due day', () =>
      assignment
        .given([created, { type: 'ReminderIssued', data: { dueDay: '2025-06-30', on: '2025-06-27' } }])
        .when(remind('2025-06-28'))
        .thenThrows('ASSIGNMENT.REMINDER_ALREADY_ISSUED'));
    it('again for a new due day after an extension', () =>
      assignment
        .given([
          created,
          { type: 'ReminderIssued', data: { dueDay: '2025-06-30', on: '2025-06-27' } },
          requested,
          { type: 'ExtensionGranted', data: { dueOn: '2025-07-31', reason: null, on: '2025-06-28' } },
        ])
        .when(remind('2025-07-29', '2025-07-31'))
        .then([{ type: 'ReminderIssued', data: { dueDay: '2025-07-31', on: '2025-07-29' } }]));
  });
});

describe('schedules', () => {
  it('a due day gives a once schedule', () =>
    expect(scheduleFor({ dueOn: '2025-06-30', timeframe: { kind: 'due' } }, 2025)).toEqual({ kind: 'once', dueOn: '2025-06-30' }));
  it('ongoing defaults to quarters with the Decree 09 cut-off', () =>
    expect(scheduleFor({ dueOn: null, timeframe: { kind: 'ongoing' } }, 2025)).toEqual({
      kind: 'periodic',
      every: 'quarter',
      periods: [
        { from: '2024-12-15', to: '2025-03-14' },
        { from: '2025-03-15', to: '2025-06-14' },
        { from: '2025-06-15', to: '2025-09-14' },
        { from: '2025-09-15', to: '2025-12-14' },
      ],
    }));
  it('ongoing uses the finest period it names', () =>
    expect(scheduleFor({ dueOn: null, timeframe: { kind: 'ongoing', every: ['year', 'half'] } }, 2025)).toMatchObject({
      every: 'half',
      periods: reportingPeriods('half', 2025),
    }));
  it('monthly periods run from the 15th to the 14th', () => expect(reportingPeriods('month', 2025)[1]).toEqual({ from: '2025-01-15', to: '2025-02-14' }));
  it('nine months end on 14/9', () => expect(reportingPeriods('nine-months', 2025)).toEqual([{ from: '2024-12-15', to: '2025-09-14' }]));
  it('yearly with a month is due on its last day', () =>
    expect(scheduleFor({ dueOn: null, timeframe: { kind: 'yearly', month: 2 } }, 2024)).toMatchObject({ periods: [{ from: '2023-12-15', to: '2024-02-29' }] }));
  it('yearly without a month is due at the annual cut-off', () =>
    expect(scheduleFor({ dueOn: null, timeframe: { kind: 'yearly' } }, 2025)).toMatchObject({ periods: [{ from: '2024-12-15', to: '2025-12-14' }] }));
  it.each(['relative', 'unspecified', 'within'])('%s gives no schedule', (kind) =>
    expect(scheduleFor({ dueOn: null, timeframe: { kind } }, 2025)).toEqual({ kind: 'none' }),
  );
});

describe('open work across a reorganisation (lineage)', () => {
  const source = 'NQ 1659/NQ-UBTVQH15';
  const pass = { type: 'PassToSuccessor' as const, data: { fromUnitCode: '20794', toUnitCode: '20443', source, on: '2025-07-01' } };
  const passed: AssignmentEvent = {
    type: 'AssignmentPassedToSuccessor',
    data: { fromUnitCode: '20794', toUnitCode: '20443', relation: 'MERGED_INTO', source, on: '2025-07-01' },
  };
  const offer = { type: 'OfferToSuccessors' as const, data: { fromUnitCode: '20794', toUnitCodes: ['20443', '20446'], source, on: '2025-07-01' } };
  const offered: AssignmentEvent = {
    type: 'AssignmentOfferedToSuccessors',
    data: { fromUnitCode: '20794', toUnitCodes: ['20443', '20446'], source, on: '2025-07-01' },
  };

  it('passes an open assignment of a merged unit to its successor, citing the act', () => assignment.given([created, acceptedEvent]).when(pass).then([passed]));
  it('moves the assignment: the successor owns it, the former unit is remembered, its progress kept', () =>
    assignment
      .given([created, acceptedEvent, progress(40)])
      .when(pass)
      .thenState((s) => expect(s).toMatchObject({ unitCode: '20443', formerUnitCodes: ['20794'], status: 'IN_PROGRESS', percent: 40 })));
  it('leaves completed work with the unit that did it', () => assignment.given([created, acceptedEvent, completed]).when(pass).then([]));
  it('leaves cancelled work where it was', () => assignment.given([created, cancelled]).when(pass).then([]));
  it('passes nothing twice (a redelivered merger)', () => assignment.given([created, passed]).when(pass).then([]));
  it('offers a split unit’s open work to its successors, then the issuer allocates it to one', () => {
    assignment.given([created]).when(offer).then([offered]);
    assignment
      .given([created, offered])
      .when({ type: 'AllocateToSuccessor', data: { toUnitCode: '20446', on: '2025-07-15' } })
      .then([
        { type: 'AssignmentPassedToSuccessor', data: { fromUnitCode: '20794', toUnitCode: '20446', relation: 'SPLIT_INTO', source: null, on: '2025-07-15' } },
      ]);
  });
  it('refuses an allocation to a unit that is not one of the successors offered, naming the field', () =>
    assignment
      .given([created, offered])
      .when({ type: 'AllocateToSuccessor', data: { toUnitCode: '99999', on: '2025-07-15' } })
      .thenThrows('ASSIGNMENT.NOT_A_SUCCESSOR', 'toUnitCode'));
  it('refuses an allocation of work never offered', () =>
    assignment
      .given([created])
      .when({ type: 'AllocateToSuccessor', data: { toUnitCode: '20446', on: '2025-07-15' } })
      .thenThrows('ASSIGNMENT.NOT_OFFERED'));
  it('offers nothing twice', () => assignment.given([created, offered]).when(offer).then([]));
});
