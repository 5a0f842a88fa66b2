import { RecordedEvent } from '@reform/event-store';
import { IntegrationMessage, validatedMessage } from '@reform/messaging';
import {
  AssignmentCancelledV1,
  AssignmentCompletedV1,
  AssignmentCreatedV1,
  AssignmentExtensionGrantedV1,
  AssignmentOverdueV1,
  AssignmentPassedToSuccessorV1,
  AssignmentProgressReportedV1,
} from '@reform/contracts';
import { AssignmentEvent } from './domain/assignment/assignment.decider';

const idOf = (streamId: string) => streamId.slice('assignment-'.length);

/**
 * Which assignment events leave the tasks service (issue 18: the reporting service pre-fills
 * reports from them): creation of a task assignment, progress, completion, granted extensions,
 * overdue marks, cancellation and passing to a successor. Cascade obligations, requests,
 * refusals and reminders stay inside. A stream's later events are published only when its
 * creation was (the relay maps event by event: the kind is known from the creation alone, so a
 * consumer ignores what follows an assignment it never heard of).
 */
export function publishAssignmentEvent(recorded: RecordedEvent): IntegrationMessage | null {
  if (!recorded.streamId.startsWith('assignment-')) return null;
  const assignmentId = idOf(recorded.streamId);
  const event = { type: recorded.type, data: recorded.data } as AssignmentEvent;
  switch (event.type) {
    case 'AssignmentCreated': {
      const facts = event.data;
      if (facts.kind !== 'TASK') return null;
      return validatedMessage(recorded, AssignmentCreatedV1, {
        assignmentId,
        planId: facts.planId,
        taskId: facts.taskId,
        planNumber: facts.planNumber,
        taskText: facts.taskText,
        unitCode: facts.unitCode,
        role: facts.role,
        assignedOn: facts.assignedOn,
      });
    }
    case 'ProgressReported':
      return validatedMessage(recorded, AssignmentProgressReportedV1, { assignmentId, percent: event.data.percent, note: event.data.note, on: event.data.on });
    case 'AssignmentCompleted':
      return validatedMessage(recorded, AssignmentCompletedV1, { assignmentId, on: event.data.on, late: event.data.late });
    case 'ExtensionGranted':
      return validatedMessage(recorded, AssignmentExtensionGrantedV1, { assignmentId, dueOn: event.data.dueOn, on: event.data.on });
    case 'AssignmentOverdue':
      return validatedMessage(recorded, AssignmentOverdueV1, { assignmentId, dueDay: event.data.dueDay, on: event.data.on });
    case 'AssignmentCancelled':
      return validatedMessage(recorded, AssignmentCancelledV1, { assignmentId, on: event.data.on });
    case 'AssignmentPassedToSuccessor':
      return validatedMessage(recorded, AssignmentPassedToSuccessorV1, {
        assignmentId,
        fromUnitCode: event.data.fromUnitCode,
        toUnitCode: event.data.toUnitCode,
        on: event.data.on,
      });
    default:
      return null;
  }
}
