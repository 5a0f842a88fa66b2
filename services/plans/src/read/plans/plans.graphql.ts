import { Inject } from '@nestjs/common';
import { Args, ID, Info, Int, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity, forbidden } from '@reform/auth';
import { EVENT_STORE, EventStore, historyOf, stateAsOf } from '@reform/event-store';
import { DateTimeScalar, EventSourcedHistoryFields, historyDescriptions, Page, pageOf, pageWindow, refuseSilentCut } from '@reform/subgraph';
import { planDecider, planStreamId } from '../../domain/plan.decider';
import { planUpcasters } from '../../domain/plan.upcasters';
import { PlanAccess } from './plan-access';
import { PlanReadModel } from './plan-read-model';
import { planView } from './plan-view';
import { HistoryEntryType, HistoryPageType, PlanPageType, PLAN_PAGE_MAX, PlanType } from './plan.types';

/** `plan` and `plans` of API.md, and the fields of a Plan that need more than its row. */
@Resolver(() => PlanType)
export class PlanResolver extends EventSourcedHistoryFields<PlanType>(() => PlanType, {
  types: { HistoryEntryType, HistoryPageType },
  descriptions: historyDescriptions('của kế hoạch'),
  historyOf: (events) => historyOf(planDecider, events, planUpcasters),
}) {
  constructor(
    private readonly readModel: PlanReadModel,
    private readonly access: PlanAccess,
    private readonly control: AccessControl,
    @Inject(EVENT_STORE) protected readonly store: EventStore,
  ) {
    super();
  }

  @AccessCheckedInResolver('read')
  @Query(() => PlanType, { nullable: true, description: 'Một kế hoạch; với asOf: trạng thái tại thời điểm đó (null nếu khi đó chưa có).' })
  async plan(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: Date | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<PlanType | null> {
    // The gateway asks for `plan(id) { __typename id }` before it asks another subgraph for a
    // plan's fields of its own (the tasks' progress roll-up, issue 11): that answer needs the plan's
    // issuer for the access check, not its whole document (50 tasks parsed per request).
    if (!asOf && info && asksOnlyForId(info)) {
      const issuerCode = await this.readModel.issuerOf(id);
      if (issuerCode === null) throw forbidden();
      await this.access.assertRead(identity, issuerCode);
      return { id } as PlanType;
    }
    const record = await this.readModel.byId(id);
    // An unknown plan answers as one the caller may not read (issue 12, finding 7).
    if (!record) throw forbidden();
    await this.access.assertRead(identity, record.issuerCode);
    if (!asOf) return planView(record.document);
    // The same evolve as the write side, over the events recorded up to the instant.
    const state = await stateAsOf(this.store, planDecider, planStreamId(id), asOf, planUpcasters);
    return state.status === 'absent' ? null : planView(state);
  }

  @AccessCheckedInResolver('read')
  @Query(() => [PlanType], {
    description: `Các kế hoạch theo đơn vị ban hành, năm, kế hoạch cấp trên. Không có issuerCode: những kế hoạch người dùng được xem; issuerCode của đơn vị không được xem: FORBIDDEN. Tối đa ${PLAN_PAGE_MAX} kế hoạch một lần (limit, offset; hoặc planPage).`,
  })
  async plans(
    @CurrentIdentity() identity: Identity,
    @Args('issuerCode', { type: () => ID, nullable: true }) issuerCode?: string | null,
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
    @Args('parentPlanId', { type: () => ID, nullable: true }) parentPlanId?: string | null,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số kế hoạch bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số kế hoạch tối đa trả về (1–${PLAN_PAGE_MAX}).` }) limit?: number | null,
  ): Promise<PlanType[]> {
    const window = pageWindow({ offset, limit }, PLAN_PAGE_MAX);
    const readable = await this.readablePlans(identity, { issuerCode, year, parentPlanId });
    refuseSilentCut(readable.length, window, 'kế hoạch', 'planPage');
    return readable.slice(window.offset, window.offset + window.limit).map((record) => planView(record.document));
  }

  @AccessCheckedInResolver('read')
  @Query(() => PlanPageType, { description: `Như plans, theo trang (tối đa ${PLAN_PAGE_MAX} kế hoạch), có tổng số.` })
  async planPage(
    @CurrentIdentity() identity: Identity,
    @Args('issuerCode', { type: () => ID, nullable: true }) issuerCode?: string | null,
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
    @Args('parentPlanId', { type: () => ID, nullable: true }) parentPlanId?: string | null,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số kế hoạch bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số kế hoạch của trang (1–${PLAN_PAGE_MAX}; mặc định ${PLAN_PAGE_MAX}).` })
    limit?: number | null,
  ): Promise<Page<PlanType>> {
    const window = pageWindow({ offset, limit }, PLAN_PAGE_MAX);
    const readable = await this.readablePlans(identity, { issuerCode, year, parentPlanId });
    return pageOf(
      readable.slice(window.offset, window.offset + window.limit).map((record) => planView(record.document)),
      readable.length,
      window,
    );
  }

  /** The plans of the filter the caller may read, in the list's order (access is per issuer, so filtered before paging). */
  private async readablePlans(identity: Identity, filter: { issuerCode?: string | null; year?: number | null; parentPlanId?: string | null }) {
    const canRead = this.access.reader(identity);
    if (filter.issuerCode && !(await canRead(filter.issuerCode))) throw forbidden();
    const records = await this.readModel.list(filter);
    const readable = await Promise.all(records.map((record) => canRead(record.issuerCode)));
    return records.filter((_, i) => readable[i]);
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => PlanType, { nullable: true, description: 'Kế hoạch cấp trên mà kế hoạch này thực hiện.' })
  async implementsPlan(@Parent() plan: PlanType, @CurrentIdentity() identity: Identity): Promise<PlanType | null> {
    if (!plan.implementsPlanId) return null;
    const record = await this.readModel.byId(plan.implementsPlanId);
    if (!record) return null;
    await this.access.assertRead(identity, record.issuerCode);
    return planView(record.document);
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => [PlanType], {
    description: `Các kế hoạch cấp dưới thực hiện kế hoạch này (mà người dùng được xem). Tối đa ${PLAN_PAGE_MAX} kế hoạch một lần (limit, offset; hoặc planPage(parentPlanId)).`,
  })
  async implementingPlans(
    @Parent() plan: PlanType,
    @CurrentIdentity() identity: Identity,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số kế hoạch bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số kế hoạch tối đa trả về (1–${PLAN_PAGE_MAX}).` }) limit?: number | null,
  ): Promise<PlanType[]> {
    const window = pageWindow({ offset, limit }, PLAN_PAGE_MAX);
    const readable = await this.readablePlans(identity, { parentPlanId: plan.id });
    refuseSilentCut(readable.length, window, 'kế hoạch', 'planPage');
    return readable.slice(window.offset, window.offset + window.limit).map((record) => planView(record.document));
  }

  protected async readableStream(plan: PlanType, identity: Identity): Promise<string> {
    await this.control.assert(identity, 'read-history', plan.issuerCode);
    return planStreamId(plan.id);
  }

  @AccessCheckedInResolver('read')
  @ResolveReference()
  async resolveReference(@Parent() reference: { id: string }, @CurrentIdentity() identity: Identity): Promise<PlanType | null> {
    const record = await this.readModel.byId(reference.id);
    if (!record) return null;
    await this.access.assertRead(identity, record.issuerCode);
    return planView(record.document);
  }
}

/** Whether the field's selection is only `id` and `__typename` (no fragment, no other field). */
export function asksOnlyForId(info: Pick<GraphQLResolveInfo, 'fieldNodes'>): boolean {
  return info.fieldNodes.every(
    (node) =>
      node.selectionSet?.selections.every(
        (selection) => selection.kind === 'Field' && (selection.name.value === 'id' || selection.name.value === '__typename'),
      ) ?? false,
  );
}
