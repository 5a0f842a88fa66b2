import { Inject } from '@nestjs/common';
import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity, SignedIn } from '@reform/auth';
import { EVENT_STORE, historyOf, EventStore } from '@reform/event-store';
import {
  HISTORY_PAGE_MAX,
  HistoryActorView,
  HistoryEntryView,
  historyPageOf,
  historyTypes,
  historyView,
  historyWindow,
  integrityReport,
  IntegrityReportType,
  Page,
} from '@reform/subgraph';
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
export class UnitHistoryResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: AccessControl,
  ) {}

  @AccessCheckedInResolver('read-history')
  @ResolveField(() => [HistoryEntryType], {
    description: `Lịch sử thay đổi của đơn vị: ai, khi nào, trạng thái sau mỗi thay đổi. Tối đa ${HISTORY_PAGE_MAX} sự kiện một lần (limit, offset; hoặc historyPage).`,
  })
  async history(
    @Parent() unit: UnitView,
    @CurrentIdentity() identity: Identity,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số sự kiện bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số sự kiện tối đa trả về (1–${HISTORY_PAGE_MAX}).` }) limit?: number | null,
  ): Promise<HistoryEntryView[]> {
    return historyWindow(await this.historyOf(unit, identity), { offset, limit });
  }

  @AccessCheckedInResolver('read-history')
  @ResolveField(() => HistoryPageType, { description: 'Lịch sử của đơn vị theo trang, có tổng số.' })
  async historyPage(
    @Parent() unit: UnitView,
    @CurrentIdentity() identity: Identity,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số sự kiện bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số sự kiện tối đa trả về (1–${HISTORY_PAGE_MAX}).` }) limit?: number | null,
  ): Promise<Page<HistoryEntryView>> {
    return historyPageOf(await this.historyOf(unit, identity), { offset, limit });
  }

  private async historyOf(unit: UnitView, identity: Identity): Promise<HistoryEntryView[]> {
    await this.access.assert(identity, 'read-history', unit.code);
    return historyView(historyOf(unitDecider, await this.store.readStream(unitStreamId(unit.code))));
  }

  @AccessCheckedInResolver('read-history')
  @ResolveField(() => IntegrityReportType, { description: 'Kiểm tra chuỗi băm các sự kiện của đơn vị.' })
  async integrity(@Parent() unit: UnitView, @CurrentIdentity() identity: Identity): Promise<IntegrityReportType> {
    await this.access.assert(identity, 'read-history', unit.code);
    return integrityReport(await this.store.verifyStream(unitStreamId(unit.code)));
  }
}

@Resolver(() => AccountType)
export class AccountHistoryResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: AccessControl,
  ) {}

  @AccessCheckedInResolver('read-history')
  @ResolveField(() => [HistoryEntryType], {
    description: `Lịch sử của tài khoản (không gồm mật khẩu). Tối đa ${HISTORY_PAGE_MAX} sự kiện một lần (limit, offset; hoặc historyPage).`,
  })
  async history(
    @Parent() account: AccountType,
    @CurrentIdentity() identity: Identity,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số sự kiện bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số sự kiện tối đa trả về (1–${HISTORY_PAGE_MAX}).` }) limit?: number | null,
  ): Promise<HistoryEntryView[]> {
    return historyWindow(await this.historyOf(account, identity), { offset, limit });
  }

  @AccessCheckedInResolver('read-history')
  @ResolveField(() => HistoryPageType, { description: 'Lịch sử của tài khoản theo trang, có tổng số.' })
  async historyPage(
    @Parent() account: AccountType,
    @CurrentIdentity() identity: Identity,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số sự kiện bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số sự kiện tối đa trả về (1–${HISTORY_PAGE_MAX}).` }) limit?: number | null,
  ): Promise<Page<HistoryEntryView>> {
    return historyPageOf(await this.historyOf(account, identity), { offset, limit });
  }

  private async historyOf(account: AccountType, identity: Identity): Promise<HistoryEntryView[]> {
    await this.access.assert(identity, 'read-history', account.unitCode);
    // Password hashes never leave the service, not even in history.
    const redact = (value: unknown) => (value && typeof value === 'object' && 'passwordHash' in value ? { ...value, passwordHash: '(ẩn)' } : value);
    return historyView(historyOf(accountDecider, await this.store.readStream(accountStreamId(account.id)))).map((entry) => ({
      ...entry,
      data: redact(entry.data),
      state: redact(entry.state),
    }));
  }

  @AccessCheckedInResolver('read-history')
  @ResolveField(() => IntegrityReportType, { description: 'Kiểm tra chuỗi băm các sự kiện của tài khoản.' })
  async integrity(@Parent() account: AccountType, @CurrentIdentity() identity: Identity): Promise<IntegrityReportType> {
    await this.access.assert(identity, 'read-history', account.unitCode);
    return integrityReport(await this.store.verifyStream(accountStreamId(account.id)));
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
