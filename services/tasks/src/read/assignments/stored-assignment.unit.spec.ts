import { fold } from '@reform/decider';
import { Assignment, AssignmentEvent, assignmentDecider } from '../../domain/assignment/assignment.decider';
import { onceFacts, quarterlyFacts } from '../../domain/testing/fixtures';
import { fromStored, toStored } from './stored-assignment';

const facts = onceFacts;
const quarterly = quarterlyFacts;
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
