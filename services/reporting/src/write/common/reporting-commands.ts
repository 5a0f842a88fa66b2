import { Inject, Injectable } from '@nestjs/common';
import { Identity } from '@reform/access';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { Command, Decider, DomainEvent } from '@reform/decider';
import { EVENT_STORE, EventMetadata, handleCommand, PostgresEventStore, RecordedEvent } from '@reform/event-store';
import { RelayControl } from '@reform/messaging';
import { streamCommandMetadata, UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { REPORTING_PROJECTIONS } from '../../read/read-models';

/** The command shell: load a stream, decide, append with the version read, project inline. */
@Injectable()
export class ReportingCommands {
  constructor(
    @Inject(EVENT_STORE) readonly store: PostgresEventStore,
    @Inject(UNIT_HIERARCHY) readonly units: UnitHierarchy,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly relay: RelayControl,
  ) {}

  async execute<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    metadata: EventMetadata | ((past: readonly RecordedEvent[]) => EventMetadata),
  ) {
    const handled = await handleCommand({ store: this.store, decider, streamId, command, metadata, projections: REPORTING_PROJECTIONS });
    this.relay.nudge();
    return handled;
  }

  /** Today in Viet Nam, by the service's clock. */
  today(): string {
    return todayOf(this.clock);
  }

  /** Who acted, for which tenant (the unit below the province: ADR 0019), continuing the stream's thread. */
  metadataFor(identity: Identity, unitCode: string): Promise<(past: readonly RecordedEvent[]) => EventMetadata> {
    return streamCommandMetadata(this.units, identity, unitCode, this.today());
  }
}
