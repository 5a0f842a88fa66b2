import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Identity } from '@reform/access';
import { Command, Decider, DomainEvent } from '@reform/decider';
import { EVENT_STORE, EventMetadata, handleCommand, PostgresEventStore } from '@reform/event-store';
import { RelayControl } from '@reform/messaging';
import { CLOCK, Clock, todayOf } from '@reform/clock';
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

  /** Who acted, for whom: the tenant is the district (else province) the target unit belongs to. */
  async metadataFor(identity: Identity | null, targetUnitCode: string | null): Promise<EventMetadata> {
    const actor = identity ? { accountId: identity.accountId, username: identity.username, unitCode: identity.unitCode } : { accountId: 'system', username: 'system', unitCode: null };
    return { actor, tenant: targetUnitCode ? await this.tenantOf(targetUnitCode) : 'platform', correlationId: randomUUID(), causationId: null };
  }

  async tenantOf(unitCode: string): Promise<string> {
    const today = todayOf(this.clock);
    const chain = await this.units.ancestry(unitCode, today);
    return chain.find((unit) => unit.level === 'DISTRICT')?.code ?? chain.find((unit) => unit.level === 'PROVINCE')?.code ?? 'platform';
  }
}
