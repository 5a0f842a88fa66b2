import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessControl, SignedIn } from '@reform/auth';
import { EVENT_STORE, historyOf, EventStore } from '@reform/event-store';
import { EventSourcedHistoryFields, HISTORY_PAGE_MAX, HistoryActorView, historyTypes } from '@reform/subgraph';
import { DIRECTORY_GRAPHQL_TYPES } from '../../graphql-types';
import { accountDecider, accountStreamId } from '../../domain/account/account.decider';
import { unitDecider, unitStreamId } from '../../domain/unit/unit.decider';
import { AccountType } from '../accounts/account.graphql';
import { UnitType } from '../units/unit.graphql';
import { UnitDirectory, UnitView } from '../units/unit-directory';
import { CLOCK, Clock, todayOf } from '@reform/clock';

/** History types of this subgraph: here `actor.unit` is the directory's own Unit, resolved in full. */
export const { HistoryEntryType, HistoryActorType, HistoryPageType } = historyTypes(DIRECTORY_GRAPHQL_TYPES, () => UnitType);

/** Histories are tenant data: `read-history` within the reader's scope (auditors, managers). */
@Resolver(() => UnitType)
export class UnitHistoryResolver extends EventSourcedHistoryFields<UnitView>(() => UnitType, {
  types: { HistoryEntryType, HistoryPageType },
  descriptions: {
    history: `Lịch sử thay đổi của đơn vị: ai, khi nào, trạng thái sau mỗi thay đổi. Tối đa ${HISTORY_PAGE_MAX} sự kiện một lần (limit, offset; hoặc historyPage).`,
    historyPage: 'Lịch sử của đơn vị theo trang, có tổng số.',
    integrity: 'Kiểm tra chuỗi băm các sự kiện của đơn vị.',
  },
  historyOf: (events) => historyOf(unitDecider, events),
}) {
  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    private readonly access: AccessControl,
  ) {
    super();
  }

  protected async readableStream(unit: UnitView, identity: Identity): Promise<string> {
    await this.access.assert(identity, 'read-history', unit.code);
    return unitStreamId(unit.code);
  }
}

/** Password hashes never leave the service, not even in history. */
const redact = (value: unknown) => (value && typeof value === 'object' && 'passwordHash' in value ? { ...value, passwordHash: '(ẩn)' } : value);

@Resolver(() => AccountType)
export class AccountHistoryResolver extends EventSourcedHistoryFields<AccountType>(() => AccountType, {
  types: { HistoryEntryType, HistoryPageType },
  descriptions: {
    history: `Lịch sử của tài khoản (không gồm mật khẩu). Tối đa ${HISTORY_PAGE_MAX} sự kiện một lần (limit, offset; hoặc historyPage).`,
    historyPage: 'Lịch sử của tài khoản theo trang, có tổng số.',
    integrity: 'Kiểm tra chuỗi băm các sự kiện của tài khoản.',
  },
  historyOf: (events) => historyOf(accountDecider, events).map((entry) => ({ ...entry, data: redact(entry.data), state: redact(entry.state) })),
}) {
  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    private readonly access: AccessControl,
  ) {
    super();
  }

  protected async readableStream(account: AccountType, identity: Identity): Promise<string> {
    await this.access.assert(identity, 'read-history', account.unitCode);
    return accountStreamId(account.id);
  }
}

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
