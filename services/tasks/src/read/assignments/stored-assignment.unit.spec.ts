import { fold } from '@reform/decider';
import { Assignment, AssignmentEvent, AssignmentFacts, assignmentDecider } from '../../domain/assignment/assignment.decider';
import { scheduleFor } from '../../domain/assignment/schedule';
import { fromStored, toStored } from './stored-assignment';

const facts: AssignmentFacts = {
  id: 'a1',
  planId: 'p1',
  taskId: 't1',
  planNumber: '12/KH-UBND',
  planTitle: 'Kế hoạch nâng cao chỉ số PAPI năm 2025',
  planYear: 2025,
  taskText: 'Niêm yết công khai thủ tục hành chính',
  target: '100% xã',
  timeframeText: 'Trước ngày 30/6/2025',
  unitCode: '20794',
  role: 'IMPLEMENTING',
  kind: 'TASK',
  assignerCode: '513',
  monitoringCodes: ['513.PNV'],
  leadCodes: ['513.PTP'],
  schedule: { kind: 'once', dueOn: '2025-06-30' },
  assignedOn: '2025-03-01',
};
const quarterly: AssignmentFacts = {
  ...facts,
  schedule: scheduleFor({ dueOn: null, timeframe: { kind: 'ongoing', text: 'Thường xuyên' } }, 2025),
  timeframeText: 'Thường xuyên',
};
const state = (events: AssignmentEvent[]) => fold(assignmentDecider, events) as Assignment;
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('the stored state of an assignment', () => {
  it.each([
    ['a once schedule', facts],
    ['a quarterly schedule', quarterly],
    ['no schedule', { ...facts, schedule: { kind: 'none' } as const, timeframeText: '' }],
  ])('of one that holds only its creation (%s) is its facts as the event stores them: what the set-based rebuild copies', (_, given) => {
    expect(json(toStored(state([{ type: 'AssignmentCreated', data: given }])))).toEqual(json(given));
  });

  it.each<[string, AssignmentEvent[]]>([
    ['created', [{ type: 'AssignmentCreated', data: facts }]],
    [
      'accepted, reported, overdue, reminded',
      [
        { type: 'AssignmentCreated', data: quarterly },
        { type: 'AssignmentAccepted', data: { on: '2025-03-02' } },
        { type: 'ProgressReported', data: { percent: 40, note: 'Đã niêm yết', evidence: ['a.pdf'], on: '2025-04-01' } },
        { type: 'AssignmentOverdue', data: { dueDay: '2025-06-30', on: '2025-07-01' } },
      ],
    ],
    [
      'an extension granted (dueOn moved)',
      [
        { type: 'AssignmentCreated', data: facts },
        { type: 'ExtensionRequested', data: { newDueOn: '2025-07-31', reason: 'Chờ kinh phí', on: '2025-06-20' } },
        { type: 'ExtensionGranted', data: { dueOn: '2025-07-31', reason: null, on: '2025-06-21' } },
      ],
    ],
    [
      'completed late',
      [
        { type: 'AssignmentCreated', data: facts },
        { type: 'AssignmentCompleted', data: { result: 'Xong', evidence: [], on: '2025-07-02', late: true, fulfilledBy: null } },
      ],
    ],
    [
      'cancelled',
      [
        { type: 'AssignmentCreated', data: facts },
        { type: 'AssignmentCancelled', data: { reason: 'Điều chỉnh kế hoạch', on: '2025-05-01' } },
      ],
    ],
  ])('reads back whole: %s', (_, events) => {
    const whole = state(events);
    expect(fromStored(json(toStored(whole)))).toEqual(json(whole));
  });

  it('keeps a starting value a later event set again only where it differs (a moved due day stays, a cleared overdue mark goes)', () => {
    const moved = state([
      { type: 'AssignmentCreated', data: facts },
      { type: 'ExtensionRequested', data: { newDueOn: '2025-07-31', reason: 'Chờ kinh phí', on: '2025-06-20' } },
      { type: 'ExtensionGranted', data: { dueOn: '2025-07-31', reason: null, on: '2025-06-21' } },
    ]);
    const stored = toStored(moved);
    expect(stored.dueOn).toBe('2025-07-31');
    expect(stored).not.toHaveProperty('overdue');
    expect(stored.extension).toMatchObject({ status: 'GRANTED' });
  });

  it('reads a row written whole (before this representation) as it was', () => {
    const whole = json(state([{ type: 'AssignmentCreated', data: facts }]));
    expect(fromStored(whole)).toEqual(whole);
  });
});
