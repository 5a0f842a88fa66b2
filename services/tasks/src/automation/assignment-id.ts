import { createHash } from 'node:crypto';
import { AssignmentKind, AssignmentRole } from '../domain/assignment/assignment.decider';

/**
 * The id of an assignment is a function of what it is: a name-based uuid (the RFC 9562 version 5
 * layout, SHA-1 over a fixed namespace and the key). A redelivered plan event, or a fan-out
 * resumed after a crash, computes the same ids and finds the streams it already wrote.
 */
export function assignmentId(key: { planId: string; taskId: string; unitCode: string; role: AssignmentRole; kind: AssignmentKind }): string {
  const name = ['reform.tasks.assignment.v1', key.kind, key.planId, key.taskId, key.unitCode, key.role].join('\u0000');
  const bytes = createHash('sha1').update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The task id of a cascade obligation (it belongs to the plan, not to a task). */
export const IMPLEMENTING_PLAN_TASK = 'implementing-plan';
