import { Identity } from '@reform/access';
import { Clock, todayOf } from '@reform/clock';
import { Command, Decider, DomainEvent } from '@reform/decider';
import { EventMetadata, handleCommand, PostgresEventStore, Projection, RecordedEvent } from '@reform/event-store';
import { RelayControl } from '@reform/messaging';
import { streamCommandMetadata, UnitHierarchy } from '@reform/unit-hierarchy';

/**
 * The command shell of a service whose read models are projected in the append's transaction
 * (reporting, scoring): load the stream, decide, append with the version read, project, and wake
 * the relay when something was written. A service's subclass only injects its store, hierarchy,
 * clock and relay and names its projections.
 */
export abstract class ProjectingCommands {
  protected constructor(
    readonly store: PostgresEventStore,
    readonly units: UnitHierarchy,
    readonly clock: Clock,
    private readonly relay: RelayControl,
    private readonly projections: readonly Projection[],
  ) {}

  /** `store`: the service's store, or one bound to the caller's transaction (`withManager`). */
  async execute<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    metadata: EventMetadata | ((past: readonly RecordedEvent[]) => EventMetadata),
    store: PostgresEventStore = this.store,
  ) {
    const handled = await handleCommand({ store, decider, streamId, command, metadata, projections: this.projections });
    // What was appended leaves at once rather than at the relay's next poll.
    if (handled.events.length) this.relay.nudge();
    return handled;
  }

  /** Today in Viet Nam, by the service's clock. */
  today(): string {
    return todayOf(this.clock);
  }

  /**
   * Who acted, for whom (the tenant: the unit below the province the record belongs to, or
   * `platform` for national data such as PAPI, when `unitCode` is null), continuing the stream's
   * thread (the first event's correlation; the last event as cause; ADR 0013).
   */
  metadataFor(identity: Identity, unitCode: string | null): Promise<(past: readonly RecordedEvent[]) => EventMetadata> {
    return streamCommandMetadata(this.units, identity, unitCode, this.today());
  }
}
