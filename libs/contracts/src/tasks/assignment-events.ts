import { z } from 'zod';
import { defineContract } from '../lib/contract';

/**
 * What the tasks service publishes of its assignments (issue 18): the reporting service pre-fills
 * a unit's report with its assignments of the regime's plans and what happened to them inside the
 * period's data cut-off. Days are `YYYY-MM-DD`: `on` is the day it happened (a back-dated entry
 * keeps its day). Only task assignments are published, not cascade obligations.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD');
const id = z.string().min(1, 'must not be empty');

/** A contract of the assignment (version 1): its event type and schema. */
const assignmentContract = <Schema extends z.ZodType>(eventType: string, schema: Schema) =>
  defineContract({ service: 'tasks', aggregate: 'assignment', eventType, version: 1, schema });

const created = z.object({
  assignmentId: id,
  planId: id,
  taskId: id,
  planNumber: z.string(),
  taskText: z.string(),
  unitCode: id,
  role: z.enum(['IMPLEMENTING', 'LEAD']),
  assignedOn: day,
});
export type AssignmentCreatedV1 = z.infer<typeof created>;
export const AssignmentCreatedV1 = assignmentContract('AssignmentCreated', created);

const progress = z.object({ assignmentId: id, percent: z.number().int().min(0).max(100), note: z.string().nullable(), on: day });
export type AssignmentProgressReportedV1 = z.infer<typeof progress>;
export const AssignmentProgressReportedV1 = assignmentContract('ProgressReported', progress);

const completed = z.object({ assignmentId: id, on: day, late: z.boolean() });
export type AssignmentCompletedV1 = z.infer<typeof completed>;
export const AssignmentCompletedV1 = assignmentContract('AssignmentCompleted', completed);

const extended = z.object({ assignmentId: id, dueOn: day, on: day });
export type AssignmentExtensionGrantedV1 = z.infer<typeof extended>;
export const AssignmentExtensionGrantedV1 = assignmentContract('ExtensionGranted', extended);

const overdue = z.object({ assignmentId: id, dueDay: day, on: day });
export type AssignmentOverdueV1 = z.infer<typeof overdue>;
export const AssignmentOverdueV1 = assignmentContract('AssignmentOverdue', overdue);

const cancelled = z.object({ assignmentId: id, on: day });
export type AssignmentCancelledV1 = z.infer<typeof cancelled>;
export const AssignmentCancelledV1 = assignmentContract('AssignmentCancelled', cancelled);

const passed = z.object({ assignmentId: id, fromUnitCode: id, toUnitCode: id, on: day });
export type AssignmentPassedToSuccessorV1 = z.infer<typeof passed>;
export const AssignmentPassedToSuccessorV1 = assignmentContract('AssignmentPassedToSuccessor', passed);

export const ASSIGNMENT_CONTRACTS = [
  AssignmentCreatedV1,
  AssignmentProgressReportedV1,
  AssignmentCompletedV1,
  AssignmentExtensionGrantedV1,
  AssignmentOverdueV1,
  AssignmentCancelledV1,
  AssignmentPassedToSuccessorV1,
];
