import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Identity } from '@reform/access';
import { EVENT_STORE, EventMetadata, handleCommand, PostgresEventStore, Projection } from '@reform/event-store';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { vietnamDay } from '@reform/subgraph';
import { AssignmentCommand, assignmentDecider, assignmentStreamId } from '../domain/assignment/assignment.decider';
import { assignmentsProjection } from '../read/assignments/assignments.projection';
import { CLOCK, Clock } from '../automation/overdue/clock';

/** The service's inline projections: run in the transaction of every append. */
export const TASKS_PROJECTIONS: readonly Projection[] = [assignmentsProjection];

/** The command shell: load the assignment's stream, decide, append with the version read, project. */
@Injectable()
export class AssignmentCommands {
  constructor(
    @Inject(EVENT_STORE) readonly store: PostgresEventStore,
    @Inject(UNIT_HIERARCHY) private readonly units: UnitHierarchy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(id: string, command: AssignmentCommand, metadata: EventMetadata) {
    return handleCommand({ store: this.store, decider: assignmentDecider, streamId: assignmentStreamId(id), command, metadata, projections: TASKS_PROJECTIONS });
  }

  /** Today in Viet Nam, by the service's clock. */
  today(): string {
    return vietnamDay(this.clock.now());
  }

  /** Who acted, for whom: the tenant is the district (else province) of the assignee. */
  async metadataFor(identity: Identity, unitCode: string): Promise<EventMetadata> {
    return {
      actor: { accountId: identity.accountId, username: identity.username, unitCode: identity.unitCode },
      tenant: await this.tenantOf(unitCode),
      correlationId: randomUUID(),
      causationId: null,
    };
  }

  async tenantOf(unitCode: string): Promise<string> {
    const chain = await this.units.ancestry(unitCode, this.today());
    return chain.find((unit) => unit.level === 'DISTRICT')?.code ?? chain.find((unit) => unit.level === 'PROVINCE')?.code ?? 'platform';
  }
}
