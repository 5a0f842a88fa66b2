import { Assignment, FRESH_ASSIGNMENT } from '../../domain/assignment/assignment.decider';

type StartingKey = keyof typeof FRESH_ASSIGNMENT | 'dueOn';

/**
 * What `assignments.state` keeps of an assignment: every field but those that still hold the
 * starting value `evolve` gave them at its creation (`FRESH_ASSIGNMENT`, and a `once` schedule's
 * day as `dueOn`). So the row of an assignment that holds only its creation keeps exactly the
 * event's facts, and the set-based rebuild (ADR 0033) copies the event's data as it is stored
 * instead of building a new 1 KB document per row inside PostgreSQL (about a third of the
 * rebuild's cost per event, issue 11). Every reader of the column goes through `fromStored`.
 */
export type StoredAssignment = Omit<Assignment, StartingKey> & Partial<Pick<Assignment, StartingKey>>;

const startingDueOn = (assignment: Pick<Assignment, 'schedule'>) => (assignment.schedule.kind === 'once' ? assignment.schedule.dueOn : null);

const isStarting = (value: unknown, starting: unknown) =>
  value === starting || (Array.isArray(value) && Array.isArray(starting) && value.length === 0 && starting.length === 0);

/** The assignment as the column keeps it: without the fields that still hold their starting values. */
export function toStored(assignment: Assignment): StoredAssignment {
  const stored: Record<string, unknown> = { ...assignment };
  for (const [key, starting] of Object.entries(FRESH_ASSIGNMENT)) if (isStarting(stored[key], starting)) delete stored[key];
  if (stored['dueOn'] === startingDueOn(assignment)) delete stored['dueOn'];
  return stored as StoredAssignment;
}

/** The whole assignment from the column: the starting values under what it keeps (a row written whole reads the same). */
export function fromStored(stored: StoredAssignment): Assignment {
  return {
    ...FRESH_ASSIGNMENT,
    evidence: [],
    overdueDays: [],
    remindedDays: [],
    progressDays: [],
    dueOn: startingDueOn(stored),
    ...stored,
  };
}
