import { Inject, Injectable, Type } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessControl, SignedIn } from '@reform/auth';
import { EVENT_STORE, historyOf, EventStore } from '@reform/event-store';
import { EventSourcedHistoryFields, historyDescriptions, HistoryActorView, HistoryFieldsOptions, historyTypes } from '@reform/subgraph';
import { DIRECTORY_GRAPHQL_TYPES } from '../../graphql-types';
import { accountDecider, accountStreamId } from '../../domain/account/account.decider';
import { unitDecider, unitStreamId } from '../../domain/unit/unit.decider';
import { AccountType } from '../accounts/account.graphql';
import { UnitType } from '../units/unit.graphql';
import { UnitDirectory, UnitView } from '../units/unit-directory';
import { CLOCK, Clock, todayOf } from '@reform/clock';

/** History types of this subgraph: here `actor.unit` is the directory's own Unit, resolved in full. */
export const { HistoryEntryType, HistoryActorType, HistoryPageType } = historyTypes(DIRECTORY_GRAPHQL_TYPES, () => UnitType);

/**
 * Histories are tenant data: `read-history` within the reader's scope (auditors, managers), on the
 * unit an entity belongs to.
 */
function DirectoryHistoryFields<P>(
  parent: () => Type<unknown>,
  options: Pick<HistoryFieldsOptions, 'descriptions' | 'historyOf'> & { readonly stream: (entity: P) => { unitCode: string; streamId: string } },
) {
  @Injectable()
  abstract class DirectoryHistoryResolver extends EventSourcedHistoryFields<P>(parent, { types: { HistoryEntryType, HistoryPageType }, ...options }) {
    constructor(
      @Inject(EVENT_STORE) protected readonly store: EventStore,
      private readonly access: AccessControl,
    ) {
      super();
    }

    protected async readableStream(entity: P, identity: Identity): Promise<string> {
      const { unitCode, streamId } = options.stream(entity);
      await this.access.assert(identity, 'read-history', unitCode);
      return streamId;
    }
  }
  return DirectoryHistoryResolver;
}

@Resolver(() => UnitType)
export class UnitHistoryResolver extends DirectoryHistoryFields<UnitView>(() => UnitType, {
  descriptions: historyDescriptions('của đơn vị'),
  historyOf: (events) => historyOf(unitDecider, events),
  stream: (unit) => ({ unitCode: unit.code, streamId: unitStreamId(unit.code) }),
}) {}

/** Password hashes never leave the service, not even in history. */
const redact = (value: unknown) => (value && typeof value === 'object' && 'passwordHash' in value ? { ...value, passwordHash: '(ẩn)' } : value);

@Resolver(() => AccountType)
export class AccountHistoryResolver extends DirectoryHistoryFields<AccountType>(() => AccountType, {
  descriptions: historyDescriptions('của tài khoản', ' (không gồm mật khẩu)'),
  historyOf: (events) => historyOf(accountDecider, events).map((entry) => ({ ...entry, data: redact(entry.data), state: redact(entry.state) })),
  stream: (account) => ({ unitCode: account.unitCode, streamId: accountStreamId(account.id) }),
}) {}

/** `HistoryActor.unit` in the directory: the actor's unit as recorded now (today's name; null if unknown). */
@Resolver(() => HistoryActorType)
export class HistoryActorResolver {
  constructor(
    private readonly directory: UnitDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // Unit names and structure are readable by any signed-in user (like `unit`).
  @SignedIn()
  @ResolveField(() => UnitType, { nullable: true })
  unit(@Parent() actor: HistoryActorView): Promise<UnitView | null> {
    const today = todayOf(this.clock);
    return actor.unitCode ? this.directory.unit(actor.unitCode, null, today) : Promise.resolve(null);
  }
}
