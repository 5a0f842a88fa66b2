import { Inject, Injectable } from '@nestjs/common';
import { Identity } from '@reform/access';
import { EVENT_STORE, EventMetadata, EventStore, handleCommand, HandleCommandOptions, Projection, RecordedEvent } from '@reform/event-store';
import { commandMetadata, tenantOf, UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { AssignmentCommand, assignmentDecider, AssignmentEvent, AssignmentState, assignmentStreamId } from '../../domain/assignment/assignment.decider';
import { assignmentsProjection } from '../../read/assignments/assignments.projection';
import { CLOCK, Clock, todayOf } from '@reform/clock';

/** The service's inline projections: run in the transaction of every append. */
export const TASKS_PROJECTIONS: readonly Projection[] = [assignmentsProjection];

type AssignmentCommandOptions = HandleCommandOptions<AssignmentCommand, AssignmentEvent, AssignmentState>;

/** The command shell: read the assignment's stream once, decide, append with the version read, project. */
@Injectable()
export class AssignmentCommands {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(UNIT_HIERARCHY) private readonly units: UnitHierarchy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(id: string, command: AssignmentCommandOptions['command'], metadata: AssignmentCommandOptions['metadata']) {
    return handleCommand({
      store: this.store,
      decider: assignmentDecider,
      streamId: assignmentStreamId(id),
      command,
      metadata,
      projections: TASKS_PROJECTIONS,
    });
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
  metadataFor(identity: Identity, unitCode: string, past: readonly RecordedEvent[]): Promise<EventMetadata> {
    return commandMetadata(this.units, identity, unitCode, this.today(), {
      correlationId: past[0]?.metadata.correlationId,
      causationId: past.length ? past[past.length - 1].eventId : null,
    });
  }

  /** The one rule of libs/unit-hierarchy (tenancy.ts): the unit below the province in force today (an ended unit: its last place). */
  tenantOf(unitCode: string): Promise<string> {
    return tenantOf(this.units, unitCode, this.today());
  }
}
