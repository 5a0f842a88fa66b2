import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { correlationIdOfContext } from '@reform/observability';
import { Identity } from '@reform/access';
import { Command, Decider, DomainEvent } from '@reform/decider';
import { EVENT_STORE, EventMetadata, handleCommand, PostgresEventStore } from '@reform/event-store';
import { RelayControl } from '@reform/messaging';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { tenantOf } from '@reform/unit-hierarchy';
import { accountsProjection } from '../read/accounts/accounts.projection';
import { unitsProjection } from '../read/units/units.projection';
import { UnitDirectory } from '../read/units/unit-directory';

/**
 * The directory's command shell: every command is decided against its stream and appended with
 * the actor in the metadata, the read models projected in the same transaction.
 */
@Injectable()
export class DirectoryCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly units: UnitDirectory,
    private readonly relay: RelayControl,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string, command: C, metadata: EventMetadata) {
    const handled = await handleCommand({ store: this.store, decider, streamId, command, metadata, projections: [unitsProjection, accountsProjection] });
    // Publish now rather than at the relay's next poll.
    if (handled.events.length) this.relay.nudge();
    return handled;
  }

  /** Who acted, for whom: the tenant is the target unit's unit below the province (district, or commune since 2025-07-01), else the province. */
  async metadataFor(identity: Identity | null, targetUnitCode: string | null): Promise<EventMetadata> {
    const actor = identity ? { accountId: identity.accountId, username: identity.username, unitCode: identity.unitCode } : { accountId: 'system', username: 'system', unitCode: null };
    return { actor, tenant: targetUnitCode ? await this.tenantOf(targetUnitCode) : 'platform', correlationId: correlationIdOfContext(randomUUID), causationId: null };
  }

  /** The one rule of libs/unit-hierarchy (tenancy.ts): the unit below the province in force today (an ended unit: its last place). */
  tenantOf(unitCode: string): Promise<string> {
    const today = todayOf(this.clock);
    return tenantOf(this.units.reader(today), unitCode, today);
  }
}
