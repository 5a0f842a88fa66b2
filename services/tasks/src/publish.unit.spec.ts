import { AssignmentCreatedV1, AssignmentProgressReportedV1 } from '@reform/contracts';
import { RecordedEvent, SYSTEM_ACTOR } from '@reform/event-store';
import { AssignmentEvent, AssignmentFacts } from './domain/assignment/assignment.decider';
import { publishAssignmentEvent } from './publish';

const recorded = (streamVersion: number, event: AssignmentEvent, streamId = 'assignment-a1'): RecordedEvent => ({
  eventId: `00000000-0000-4000-8000-${String(streamVersion).padStart(12, '0')}`,
  streamId,
  streamVersion,
  type: event.type,
  schemaVersion: 1,
  data: event.data,
  metadata: { actor: SYSTEM_ACTOR, tenant: '513', correlationId: 'c', causationId: null },
  recordedAt: new Date('2021-06-01T03:00:00Z'),
  globalPosition: { transactionId: '1', position: String(streamVersion) },
  hash: 'h',
  previousHash: null,
});

const facts = (kind: AssignmentFacts['kind']): AssignmentFacts => ({
  id: 'a1',
  planId: 'p1',
  taskId: 't1',
  planNumber: '09/KH-UBND',
  planTitle: 'Kế hoạch CCHC',
  planYear: 2021,
  taskText: 'Niêm yết thủ tục',
  target: null,
  timeframeText: 'Quý III/2021',
  unitCode: '20794',
  role: 'IMPLEMENTING',
  kind,
  assignerCode: '513',
  monitoringCodes: [],
  leadCodes: [],
  schedule: { kind: 'once', dueOn: '2021-09-30' },
  assignedOn: '2021-05-20',
});

describe("the tasks service's published assignment events (issue 18)", () => {
  it("publishes a task assignment's creation and progress under their contracts", () => {
    const created = publishAssignmentEvent(recorded(1, { type: 'AssignmentCreated', data: facts('TASK') }));
    expect(created?.name).toBe(AssignmentCreatedV1.name);
    expect(created?.data).toEqual({
      assignmentId: 'a1',
      planId: 'p1',
      taskId: 't1',
      planNumber: '09/KH-UBND',
      taskText: 'Niêm yết thủ tục',
      unitCode: '20794',
      role: 'IMPLEMENTING',
      assignedOn: '2021-05-20',
    });
    const progress = publishAssignmentEvent(
      recorded(2, { type: 'ProgressReported', data: { percent: 40, note: 'Đã rà soát', evidence: ['QĐ-1'], on: '2021-07-01' } }),
    );
    expect([progress?.name, progress?.data]).toEqual([
      AssignmentProgressReportedV1.name,
      { assignmentId: 'a1', percent: 40, note: 'Đã rà soát', on: '2021-07-01' },
    ]);
  });

  it('keeps cascade obligations, reminders and other streams inside', () => {
    expect(publishAssignmentEvent(recorded(1, { type: 'AssignmentCreated', data: facts('IMPLEMENTING_PLAN') }))).toBeNull();
    expect(publishAssignmentEvent(recorded(3, { type: 'ReminderIssued', data: { dueDay: '2021-09-30', on: '2021-09-27' } }))).toBeNull();
    expect(publishAssignmentEvent(recorded(1, { type: 'AssignmentCreated', data: facts('TASK') }, 'access-x'))).toBeNull();
  });
});
