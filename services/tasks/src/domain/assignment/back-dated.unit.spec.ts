import { fold, spec } from '@reform/decider';
import { Assignment, AssignmentEvent, AssignmentFacts, assignmentDecider } from './assignment.decider';

/**
 * Back-dated entry: a plan issued and carried out on paper in 2023, entered in 2026. The days
 * things happened are given; `late` follows them, not the day of entry; the day of entry is kept
 * beside them. Table-driven: [what, events so far, command, the event it records | the rule refusing it].
 */
const facts: AssignmentFacts = {
  id: 'a1',
  planId: 'p1',
  taskId: 't1',
  planNumber: '45/KH-UBND',
  planTitle: 'Kế hoạch cải cách hành chính năm 2023 và những năm tiếp theo',
  planYear: 2023,
  taskText: 'Niêm yết công khai thủ tục hành chính',
  target: null,
  timeframeText: 'Quý III/2023',
  unitCode: '20794',
  role: 'IMPLEMENTING',
  kind: 'TASK',
  assignerCode: '49',
  monitoringCodes: [],
  leadCodes: [],
  schedule: { kind: 'once', dueOn: '2023-09-30' },
  assignedOn: '2023-05-10',
};
const TODAY = '2026-03-02';
const created: AssignmentEvent = { type: 'AssignmentCreated', data: facts };
const accepted: AssignmentEvent = { type: 'AssignmentAccepted', data: { on: '2023-05-20', enteredOn: TODAY } };
// The overdue scheduler ran before the plan's results were entered: the mark for the past day is recorded.
const overdue: AssignmentEvent = { type: 'AssignmentOverdue', data: { dueDay: '2023-09-30', on: TODAY } };

describe('back-dated entry', () => {
  it.each<[string, AssignmentEvent[], Parameters<typeof assignmentDecider.decide>[0], AssignmentEvent | string]>([
    ['accepted on its own day, the day of entry beside it', [created], { type: 'AcceptAssignment', data: { on: '2023-05-20', today: TODAY } }, accepted],
    [
      'accepted today: no day of entry recorded',
      [created],
      { type: 'AcceptAssignment', data: { on: TODAY, today: TODAY } },
      { type: 'AssignmentAccepted', data: { on: TODAY } },
    ],
    [
      'reported on its own day',
      [created, accepted],
      { type: 'ReportProgress', data: { percent: 50, on: '2023-07-01', today: TODAY } },
      { type: 'ProgressReported', data: { percent: 50, note: null, evidence: [], on: '2023-07-01', enteredOn: TODAY } },
    ],
    [
      'completed before the due day: on time, though entered years later and marked overdue meanwhile',
      [created, accepted, overdue],
      { type: 'CompleteAssignment', data: { result: 'Đã niêm yết', on: '2023-09-20', today: TODAY } },
      { type: 'AssignmentCompleted', data: { result: 'Đã niêm yết', evidence: [], on: '2023-09-20', late: false, fulfilledBy: null, enteredOn: TODAY } },
    ],
    [
      'completed after the due day: late by its own day',
      [created, accepted, overdue],
      { type: 'CompleteAssignment', data: { result: 'Đã niêm yết', on: '2023-10-15', today: TODAY } },
      { type: 'AssignmentCompleted', data: { result: 'Đã niêm yết', evidence: [], on: '2023-10-15', late: true, fulfilledBy: null, enteredOn: TODAY } },
    ],
    ['not a day after the day of entry', [created], { type: 'AcceptAssignment', data: { on: '2026-03-03', today: TODAY } }, 'ASSIGNMENT.FUTURE_DATE'],
    ['not before the assignment existed', [created], { type: 'AcceptAssignment', data: { on: '2023-05-09', today: TODAY } }, 'ASSIGNMENT.BEFORE_ASSIGNED'],
    [
      'no report before the acceptance',
      [created, accepted],
      { type: 'ReportProgress', data: { percent: 10, on: '2023-05-19', today: TODAY } },
      'ASSIGNMENT.BEFORE_ACCEPTED',
    ],
    [
      'no completion before the acceptance',
      [created, accepted],
      { type: 'CompleteAssignment', data: { result: 'x', on: '2023-05-11', today: TODAY } },
      'ASSIGNMENT.BEFORE_ACCEPTED',
    ],
  ])('%s', (_what, given, command, expected) => {
    if (typeof expected === 'string') spec(assignmentDecider).given(given).when(command).thenThrows(expected, 'on');
    else spec(assignmentDecider).given(given).when(command).then([expected]);
  });

  it('keeps the completion day, lateness and acceptance day in the state', () => {
    const state = fold(assignmentDecider, [
      created,
      accepted,
      overdue,
      { type: 'AssignmentCompleted', data: { result: 'x', evidence: [], on: '2023-09-20', late: false, fulfilledBy: null, enteredOn: TODAY } },
    ]) as Assignment;
    expect(state).toMatchObject({
      status: 'COMPLETED',
      completedOn: '2023-09-20',
      late: false,
      acceptedOn: '2023-05-20',
      overdue: false,
      overdueDays: ['2023-09-30'],
    });
  });

  it('sends no reminder for a day already gone', () => {
    spec(assignmentDecider)
      .given([created, accepted])
      .when({ type: 'Remind', data: { dueDay: '2023-09-30', today: TODAY, reminderDays: 3 } })
      .thenThrows('ASSIGNMENT.NOT_IN_REMINDER_WINDOW', 'dueDay');
  });
});
