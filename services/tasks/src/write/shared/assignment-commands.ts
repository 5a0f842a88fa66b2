import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Identity } from '@reform/access';
import { EVENT_STORE, EventMetadata, handleCommand, PostgresEventStore, Projection, RecordedEvent } from '@reform/event-store';
import { tenantOf, UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { AssignmentCommand, assignmentDecider, assignmentStreamId } from '../../domain/assignment/assignment.decider';
import { assignmentsProjection } from '../../read/assignments/assignments.projection';
import { CLOCK, Clock, todayOf } from '@reform/clock';

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

  execute(id: string, command: AssignmentCommand, metadata: EventMetadata | ((past: readonly RecordedEvent[]) => EventMetadata)) {
    return handleCommand({ store: this.store, decider: assignmentDecider, streamId: assignmentStreamId(id), command, metadata, projections: TASKS_PROJECTIONS });
  }

  /** Today in Viet Nam, by the service's clock. */
  today(): string {
    return todayOf(this.clock);
  }

  /**
   * Who acted, for whom (the tenant is the assignee's unit below the province: district, or commune since 2025-07-01), and what it
   * follows: a user's act on an assignment continues the assignment's thread — the correlation of
   * its creation (the plan's issue, or amendment, that assigned it) — and is caused by the event
   * the user acted upon (the stream's last event when the command was decided). That is what
   * links a task's timeline from the plan's issue to every report (ADR 0013).
   */
  async metadataFor(identity: Identity, unitCode: string): Promise<(past: readonly RecordedEvent[]) => EventMetadata> {
    const tenant = await this.tenantOf(unitCode);
    const actor = { accountId: identity.accountId, username: identity.username, unitCode: identity.unitCode };
    return (past) => ({
      actor,
      tenant,
      correlationId: past[0]?.metadata.correlationId ?? randomUUID(),
      causationId: past.length ? past[past.length - 1].eventId : null,
    });
  }

  /** The one rule of libs/unit-hierarchy (tenancy.ts): the unit below the province in force today (an ended unit: its last place). */
  tenantOf(unitCode: string): Promise<string> {
    return tenantOf(this.units, unitCode, this.today());
  }
}
