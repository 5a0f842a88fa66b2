import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, AccessToUnitArgument, CurrentIdentity } from '@reform/auth';
import { EVENT_STORE, historyOf, EventStore, stateAsOf } from '@reform/event-store';
import { DateTimeScalar, HistoryEntryView, historyView, integrityReport, IntegrityReportType } from '@reform/subgraph';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { AssignmentStatus, assignmentDecider, assignmentStreamId } from '../../domain/assignment/assignment.decider';
import { AssignmentAccess } from './assignment-access';
import { AssignmentList } from './assignment-list';
import { AssignmentStatusEnum, AssignmentType, AssignmentView, HistoryEntryType, PlanRef, UnitRef, viewOf } from './assignment.types';

/** `assignment` and `assignments` of API.md, and the fields that need more than the state. */
@Resolver(() => AssignmentType)
export class AssignmentResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly guard: AssignmentAccess,
    private readonly list: AssignmentList,
    private readonly access: AccessControl,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessCheckedInResolver('read')
  @Query(() => AssignmentType, { nullable: true, description: 'Một nhiệm vụ được giao; với asOf: trạng thái tại thời điểm đó (null nếu khi đó chưa được giao).' })
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
    description:
      'Nhiệm vụ được giao cho một đơn vị (và, với includeSubtree, cho các đơn vị trực thuộc; với includePredecessors, cả của các đơn vị đã nhập hoặc chia tách vào đơn vị này khi sắp xếp đơn vị hành chính: việc đã xong vẫn thuộc đơn vị cũ).',
  })
  async assignments(
    @Args('unitCode', { type: () => ID }) unitCode: string,
    @Args('status', { type: () => [AssignmentStatusEnum], nullable: true }) status?: AssignmentStatus[] | null,
    @Args('overdue', { type: () => Boolean, nullable: true }) overdue?: boolean | null,
    @Args('includeSubtree', { type: () => Boolean, nullable: true }) includeSubtree?: boolean | null,
    @Args('planId', { type: () => ID, nullable: true }) planId?: string | null,
    @Args('includePredecessors', { type: () => Boolean, nullable: true }) includePredecessors?: boolean | null,
  ): Promise<AssignmentView[]> {
    return (await this.list.ofUnit(unitCode, { status, overdue, planId }, { includeSubtree: includeSubtree ?? false, includePredecessors: includePredecessors ?? false, day: todayOf(this.clock) })).map(viewOf);
  }

  @AccessCheckedInResolver('read')
  @Query(() => [AssignmentType], { description: 'Mọi nhiệm vụ được giao của một nhiệm vụ trong kế hoạch: cho đơn vị ban hành, chủ trì, theo dõi (và cấp trên).' })
  async taskAssignments(@Args('planId', { type: () => ID }) planId: string, @Args('taskId', { type: () => ID }) taskId: string, @CurrentIdentity() identity: Identity): Promise<AssignmentView[]> {
    const all = await this.list.ofTask(planId, taskId);
    if (all.length === 0) return [];
    await this.guard.assertReadTask(identity, all[0]);
    return all.map(viewOf);
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

  @AccessCheckedInResolver('read-history')
  @ResolveField(() => [HistoryEntryType], { description: 'Lịch sử: ai, khi nào, trạng thái sau mỗi thay đổi.' })
  async history(@Parent() assignment: AssignmentView, @CurrentIdentity() identity: Identity): Promise<HistoryEntryView[]> {
    await this.access.assert(identity, 'read-history', assignment.unitCode);
    return historyView(historyOf(assignmentDecider, await this.store.readStream(assignmentStreamId(assignment.id))));
  }

  @AccessCheckedInResolver('read-history')
  @ResolveField(() => IntegrityReportType, { description: 'Kiểm tra chuỗi băm của lịch sử.' })
  async integrity(@Parent() assignment: AssignmentView, @CurrentIdentity() identity: Identity): Promise<IntegrityReportType> {
    await this.access.assert(identity, 'read-history', assignment.unitCode);
    return integrityReport(await this.store.verifyStream(assignmentStreamId(assignment.id)));
  }
}
