import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Int, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, AccessToUnitArgument, CurrentIdentity } from '@reform/auth';
import { EVENT_STORE, historyOf, EventStore, stateAsOf } from '@reform/event-store';
import { DateTimeScalar, EventSourcedHistoryFields, historyDescriptions, Page, pageOf, PageWindow, pageWindow, refuseSilentCut } from '@reform/subgraph';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { AssignmentStatus, assignmentDecider, assignmentStreamId } from '../../domain/assignment/assignment.decider';
import { AssignmentAccess } from './assignment-access';
import { ASSIGNMENT_PAGE_MAX, AssignmentList } from './assignment-list';
import { UnitTreeMode } from '../plan-progress/plan-tree';
import {
  AssignmentPageType,
  AssignmentStatusEnum,
  ExtensionStatusEnum,
  AssignmentType,
  AssignmentView,
  HistoryEntryType,
  HistoryPageType,
  OFFSET_ARGUMENT,
  PlanRef,
  TREE_ARGUMENT,
  UnitRef,
  UnitTreeEnum,
  viewOf,
} from './assignment.types';

/** The filter `assignments` and `assignmentPage` share (their `limit` differs: a cap or a page size). */
@ArgsType()
class UnitAssignmentsArgs {
  @Field(() => ID) unitCode!: string;
  @Field(() => [AssignmentStatusEnum], { nullable: true }) status?: AssignmentStatus[] | null;
  @Field(() => Boolean, { nullable: true }) overdue?: boolean | null;
  @Field(() => Boolean, { nullable: true }) includeSubtree?: boolean | null;
  @Field(() => ID, { nullable: true }) planId?: string | null;
  @Field(() => Boolean, { nullable: true }) includePredecessors?: boolean | null;
  @Field(() => UnitTreeEnum, { nullable: true, description: TREE_ARGUMENT }) tree?: UnitTreeMode | null;
  @Field(() => ExtensionStatusEnum, {
    nullable: true,
    description: 'Chỉ những nhiệm vụ có đề nghị gia hạn gần nhất ở trạng thái này (REQUESTED: chờ đơn vị giao quyết định).',
  })
  extensionStatus?: string | null;
  @Field(() => Int, { nullable: true, description: OFFSET_ARGUMENT }) offset?: number | null;
}

/** `assignment` and `assignments` of API.md, and the fields that need more than the state. */
@Resolver(() => AssignmentType)
export class AssignmentResolver extends EventSourcedHistoryFields<AssignmentView>(() => AssignmentType, {
  types: { HistoryEntryType, HistoryPageType },
  descriptions: historyDescriptions(),
  historyOf: (events) => historyOf(assignmentDecider, events),
}) {
  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    private readonly guard: AssignmentAccess,
    private readonly list: AssignmentList,
    private readonly access: AccessControl,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  @AccessCheckedInResolver('read')
  @Query(() => AssignmentType, {
    nullable: true,
    description: 'Một nhiệm vụ được giao; với asOf: trạng thái tại thời điểm đó (null nếu khi đó chưa được giao).',
  })
  async assignment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: Date | null,
  ): Promise<AssignmentView | null> {
    const current = await this.guard.load(id);
    await this.guard.assertRead(identity, current);
    if (!asOf) return viewOf(current);
    // The state then, folded from the stream's events up to the instant with the same evolve.
    const state = await stateAsOf(this.store, assignmentDecider, assignmentStreamId(id), asOf);
    return state.status === 'NONE' ? null : viewOf(state);
  }

  @AccessToUnitArgument('read', 'unitCode')
  @Query(() => [AssignmentType], {
    description: `Nhiệm vụ được giao cho một đơn vị (và, với includeSubtree, cho các đơn vị trực thuộc; với includePredecessors, cả của các đơn vị đã nhập hoặc chia tách vào đơn vị này khi sắp xếp đơn vị hành chính: việc đã xong vẫn thuộc đơn vị cũ). Với planId và includeSubtree: theo cây đơn vị của kế hoạch (tree). Tối đa ${ASSIGNMENT_PAGE_MAX} dòng một lần: nhiều hơn thì phải dùng limit và offset (hoặc assignmentPage, có tổng số).`,
  })
  async assignments(
    @Args() filter: UnitAssignmentsArgs,
    @Args('limit', { type: () => Int, nullable: true, description: `Số dòng tối đa trả về (1–${ASSIGNMENT_PAGE_MAX}).` }) limit?: number | null,
  ): Promise<AssignmentView[]> {
    const window = pageWindow({ offset: filter.offset, limit }, ASSIGNMENT_PAGE_MAX);
    const listed = await this.ofUnit(filter, window);
    refuseSilentCut(listed.total, window, 'nhiệm vụ được giao', 'assignmentPage');
    return listed.items.map(viewOf);
  }

  @AccessToUnitArgument('read', 'unitCode')
  @Query(() => AssignmentPageType, {
    description: `Như assignments, theo trang: các dòng từ offset, tối đa limit (mặc định và tối đa ${ASSIGNMENT_PAGE_MAX}), tổng số và còn trang sau hay không.`,
  })
  async assignmentPage(
    @Args() filter: UnitAssignmentsArgs,
    @Args('limit', { type: () => Int, nullable: true, description: `Số dòng của trang (1–${ASSIGNMENT_PAGE_MAX}; mặc định ${ASSIGNMENT_PAGE_MAX}).` })
    limit?: number | null,
  ): Promise<Page<AssignmentView>> {
    const window = pageWindow({ offset: filter.offset, limit }, ASSIGNMENT_PAGE_MAX);
    const listed = await this.ofUnit(filter, window);
    return pageOf(listed.items.map(viewOf), listed.total, window);
  }

  private ofUnit(filter: UnitAssignmentsArgs, window: PageWindow) {
    const { unitCode, status, overdue, planId, extensionStatus, includeSubtree, includePredecessors, tree } = filter;
    return this.list.ofUnit(
      unitCode,
      { status, overdue, planId, extensionStatus },
      { includeSubtree: includeSubtree ?? false, includePredecessors: includePredecessors ?? false, tree: tree ?? undefined, day: todayOf(this.clock) },
      window,
    );
  }

  @AccessCheckedInResolver('read')
  @Query(() => [AssignmentType], {
    description: `Mọi nhiệm vụ được giao của một nhiệm vụ trong kế hoạch: cho đơn vị ban hành, chủ trì, theo dõi (và cấp trên). Tối đa ${ASSIGNMENT_PAGE_MAX} dòng một lần (limit, offset; hoặc taskAssignmentPage).`,
  })
  async taskAssignments(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('taskId', { type: () => ID }) taskId: string,
    @CurrentIdentity() identity: Identity,
    @Args('offset', { type: () => Int, nullable: true, description: OFFSET_ARGUMENT }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số dòng tối đa trả về (1–${ASSIGNMENT_PAGE_MAX}).` }) limit?: number | null,
  ): Promise<AssignmentView[]> {
    const window = pageWindow({ offset, limit }, ASSIGNMENT_PAGE_MAX);
    const listed = await this.ofTask(planId, taskId, identity, window);
    refuseSilentCut(listed.total, window, 'nhiệm vụ được giao', 'taskAssignmentPage');
    return listed.items;
  }

  @AccessCheckedInResolver('read')
  @Query(() => AssignmentPageType, { description: 'Như taskAssignments, theo trang, có tổng số.' })
  async taskAssignmentPage(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('taskId', { type: () => ID }) taskId: string,
    @CurrentIdentity() identity: Identity,
    @Args('offset', { type: () => Int, nullable: true, description: OFFSET_ARGUMENT }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số dòng của trang (1–${ASSIGNMENT_PAGE_MAX}; mặc định ${ASSIGNMENT_PAGE_MAX}).` })
    limit?: number | null,
  ): Promise<Page<AssignmentView>> {
    const window = pageWindow({ offset, limit }, ASSIGNMENT_PAGE_MAX);
    const listed = await this.ofTask(planId, taskId, identity, window);
    return pageOf(listed.items, listed.total, window);
  }

  private async ofTask(planId: string, taskId: string, identity: Identity, window: PageWindow): Promise<{ items: AssignmentView[]; total: number }> {
    const any = await this.list.oneOfTask(planId, taskId);
    if (!any) return { items: [], total: 0 };
    await this.guard.assertReadTask(identity, any);
    const listed = await this.list.ofTask(planId, taskId, window);
    return { items: listed.items.map(viewOf), total: listed.total };
  }

  @AccessCheckedInResolver('read')
  @ResolveReference()
  async resolveReference(@Parent() reference: { id: string }, @CurrentIdentity() identity: Identity): Promise<AssignmentView> {
    const state = await this.guard.load(reference.id);
    await this.guard.assertRead(identity, state);
    return viewOf(state);
  }

  // The parent was already checked by the query that reached it.
  @AccessCheckedInResolver('read')
  @ResolveField(() => PlanRef, { description: 'Kế hoạch (do dịch vụ kế hoạch trả lời).' })
  plan(@Parent() assignment: AssignmentView): PlanRef {
    return { id: assignment.planId };
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => UnitRef, { description: 'Đơn vị nhận nhiệm vụ (do dịch vụ danh mục trả lời).' })
  unit(@Parent() assignment: AssignmentView): UnitRef {
    return { code: assignment.unitCode };
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => [UnitRef], {
    nullable: true,
    description: 'Các đơn vị kế thừa được đề xuất khi đơn vị nhận đã chia tách (do dịch vụ danh mục trả lời); null khi không chờ phân giao.',
  })
  offeredToUnits(@Parent() assignment: AssignmentView): UnitRef[] | null {
    return assignment.offeredTo?.map((code) => ({ code })) ?? null;
  }

  protected async readableStream(assignment: AssignmentView, identity: Identity): Promise<string> {
    await this.access.assert(identity, 'read-history', assignment.unitCode);
    return assignmentStreamId(assignment.id);
  }
}
