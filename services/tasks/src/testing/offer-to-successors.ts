import { DataSource } from 'typeorm';
import { PostgresEventStore, SYSTEM_ACTOR } from '@reform/event-store';
import { TASKS_PROJECTIONS } from '../read/read-models';
import { TASKS_SCHEMA } from '../schema';
import { commandAssignments } from '../write/common/assignment-batches';

/**
 * What the reorganisation's automation records when an assignment's unit is split: the open
 * assignment offered to the successors, waiting for its issuer (`allocateAssignment`). For tests
 * that need one without importing a split into the directory.
 */
export async function offerToSuccessors(
  dataSource: DataSource,
  assignmentId: string,
  fromUnitCode: string,
  toUnitCodes: readonly string[],
  on: string,
  tenant: string,
): Promise<number> {
  return commandAssignments(
    [assignmentId],
    () => ({ type: 'OfferToSuccessors', data: { fromUnitCode, toUnitCodes: [...toUnitCodes], source: 'Thử nghiệm', on } }),
    {
      store: new PostgresEventStore(dataSource, TASKS_SCHEMA),
      projections: TASKS_PROJECTIONS,
      metadata: { actor: SYSTEM_ACTOR, tenant, correlationId: `split-${fromUnitCode}-${on}`, causationId: null },
    },
  );
}
