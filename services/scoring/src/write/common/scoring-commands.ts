import { Inject, Injectable } from '@nestjs/common';
import { Identity } from '@reform/access';
import { Command, Decider, DomainEvent } from '@reform/decider';
import { EVENT_STORE, EventMetadata, handleCommand, PostgresEventStore, RecordedEvent } from '@reform/event-store';
import { streamCommandMetadata, UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { RelayControl } from '@reform/messaging';
import { SCORING_PROJECTIONS } from '../../read/read-models';

/** The command shell of every scoring aggregate: load the stream, decide, append with the version read, project. */
@Injectable()
export class ScoringCommands {
  constructor(
    @Inject(EVENT_STORE) readonly store: PostgresEventStore,
    @Inject(UNIT_HIERARCHY) readonly units: UnitHierarchy,
    @Inject(CLOCK) readonly clock: Clock,
    private readonly relay: RelayControl,
  ) {}

  async execute<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    metadata: EventMetadata | ((past: readonly RecordedEvent[]) => EventMetadata),
    store: PostgresEventStore = this.store,
  ) {
    const handled = await handleCommand({ store, decider, streamId, command, metadata, projections: SCORING_PROJECTIONS });
    // Published framework versions leave at once rather than at the relay's next poll.
    if (handled.events.length) this.relay.nudge();
    return handled;
  }

  /** Today in Viet Nam, by the service's clock. */
  today(): string {
    return todayOf(this.clock);
  }

  /**
   * Who acted, for whom (the tenant: the unit below the province the record belongs to, or
   * `platform` for national data such as PAPI), and what it follows (the stream's first event's
   * correlation; the last event as cause), as the tasks service does (ADR 0013).
   */
  metadataFor(identity: Identity, unitCode: string | null): Promise<(past: readonly RecordedEvent[]) => EventMetadata> {
    return streamCommandMetadata(this.units, identity, unitCode, this.today());
  }
}
