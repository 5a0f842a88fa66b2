import { Type } from '@nestjs/common';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { EventStore, HistoryEntry, RecordedEvent } from '@reform/event-store';
import { HistoryEntryView, historyView, HistoryWindowArgs, integrityReport, IntegrityReportType } from './history';
import { HISTORY_PAGE_MAX, historyPageOf, historyWindow, Page } from './paging';

export interface HistoryFieldsOptions {
  /** The subgraph's own `HistoryEntry` and `HistoryPage` (historyTypes). */
  readonly types: { readonly HistoryEntryType: Type<unknown>; readonly HistoryPageType: Type<unknown> };
  /** The descriptions of the three fields, which name the entity. */
  readonly descriptions: { readonly history: string; readonly historyPage: string; readonly integrity: string };
  /** The entity's history from its stream: its decider's `historyOf`, with its upcasters, redacted where need be. */
  readonly historyOf: (events: readonly RecordedEvent[]) => readonly HistoryEntry<unknown>[];
}

/**
 * The three fields' descriptions, worded alike in every subgraph: `of` names the entity ("của kế
 * hoạch"; none: "the history" of the parent), `what` says what an entry tells.
 */
export function historyDescriptions(of?: string, what = ': ai, khi nào, trạng thái sau mỗi thay đổi'): HistoryFieldsOptions['descriptions'] {
  const history = of ? `Lịch sử ${of}` : 'Lịch sử';
  return {
    history: `${history}${what}. Tối đa ${HISTORY_PAGE_MAX} sự kiện một lần (limit, offset; hoặc historyPage).`,
    historyPage: `${history} theo trang, có tổng số.`,
    integrity: of ? `Kiểm tra chuỗi băm các sự kiện ${of}.` : 'Kiểm tra chuỗi băm của lịch sử.',
  };
}

/**
 * `history`, `historyPage` and `integrity` of an event-sourced entity (API.md), the same in every
 * subgraph: a base for the entity's resolver, which says who may read which stream. Each call makes
 * a class of its own, since a base class's fields are served by the one resolver extending it.
 */
export function EventSourcedHistoryFields<P>(parent: () => Type<unknown>, options: HistoryFieldsOptions) {
  const { types, descriptions } = options;

  @Resolver(parent, { isAbstract: true })
  abstract class HistoryFieldsResolver {
    protected abstract readonly store: EventStore;

    /** The stream of `entity`, once `identity` is allowed `read-history` on it (throws otherwise). */
    protected abstract readableStream(entity: P, identity: Identity): Promise<string>;

    @AccessCheckedInResolver('read-history')
    @ResolveField(() => [types.HistoryEntryType], { description: descriptions.history })
    async history(@Parent() entity: P, @CurrentIdentity() identity: Identity, @Args() window: HistoryWindowArgs): Promise<HistoryEntryView[]> {
      return historyWindow(await this.entries(entity, identity), window);
    }

    @AccessCheckedInResolver('read-history')
    @ResolveField(() => types.HistoryPageType, { description: descriptions.historyPage })
    async historyPage(@Parent() entity: P, @CurrentIdentity() identity: Identity, @Args() window: HistoryWindowArgs): Promise<Page<HistoryEntryView>> {
      return historyPageOf(await this.entries(entity, identity), window);
    }

    @AccessCheckedInResolver('read-history')
    @ResolveField(() => IntegrityReportType, { description: descriptions.integrity })
    async integrity(@Parent() entity: P, @CurrentIdentity() identity: Identity): Promise<IntegrityReportType> {
      return integrityReport(await this.store.verifyStream(await this.readableStream(entity, identity)));
    }

    private async entries(entity: P, identity: Identity): Promise<HistoryEntryView[]> {
      const streamId = await this.readableStream(entity, identity);
      return historyView(options.historyOf(await this.store.readStream(streamId)));
    }
  }
  return HistoryFieldsResolver;
}
