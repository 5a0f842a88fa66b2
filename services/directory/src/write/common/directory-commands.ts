import { Inject, Injectable, Optional } from '@nestjs/common';
import { Identity } from '@reform/access';
import { Command, Decider, DomainEvent } from '@reform/decider';
import { EVENT_STORE, EventMetadata, EventStore, handleCommand, Projection } from '@reform/event-store';
import { RelayControl } from '@reform/messaging';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { commandMetadata, tenantOf } from '@reform/unit-hierarchy';
import { accountsProjection } from '../../read/accounts/accounts.projection';
import { unitsProjection } from '../../read/units/units.projection';
import { UnitDirectory } from '../../read/units/unit-directory';

/** Overrides the directory's inline projections (a test on the in-memory store binds none). */
export const DIRECTORY_PROJECTIONS = Symbol('DIRECTORY_PROJECTIONS');

/**
 * The directory's command shell: every command is decided against its stream and appended with
 * the actor in the metadata, the read models projected in the same transaction.
 */
@Injectable()
export class DirectoryCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(UnitDirectory) private readonly units: Pick<UnitDirectory, 'reader'>,
    @Inject(RelayControl) private readonly relay: Pick<RelayControl, 'nudge'>,
    @Inject(CLOCK) private readonly clock: Clock,
    /** The read models kept in the append's transaction; none on the in-memory store of a test. */
    @Optional() @Inject(DIRECTORY_PROJECTIONS) private readonly projections: readonly Projection[] = [unitsProjection, accountsProjection],
  ) {}

  /** `command` may be built from the state it is decided against (the stream is read once): the place for a check on that state. */
  async execute<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C | ((state: S) => C | Promise<C>),
    metadata: EventMetadata,
  ) {
    const handled = await handleCommand({ store: this.store, decider, streamId, command, metadata, projections: this.projections });
    // Publish now rather than at the relay's next poll.
    if (handled.events.length) this.relay.nudge();
    return handled;
  }

  /** Who acted, for whom: the tenant is the target unit's unit below the province (district, or commune since 2025-07-01), else the province. */
  async metadataFor(identity: Identity | null, targetUnitCode: string | null): Promise<EventMetadata> {
    const today = todayOf(this.clock);
    return commandMetadata(this.units.reader(today), identity, targetUnitCode, today);
  }

  /** The one rule of libs/unit-hierarchy (tenancy.ts): the unit below the province in force today (an ended unit: its last place). */
  tenantOf(unitCode: string): Promise<string> {
    const today = todayOf(this.clock);
    return tenantOf(this.units.reader(today), unitCode, today);
  }
}
