import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Int, Parent, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity, SignedIn } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { AssignmentStatus, OPEN_STATUSES } from '../../domain/assignment/assignment.decider';
import { Page, pageOf, pageWindow, refuseSilentCut } from '@reform/subgraph';
import { ASSIGNMENT_PAGE_MAX, AssignmentList } from '../assignments/assignment-list';
import { UnitTreeMode } from './plan-tree';
import {
  AssignmentPageType,
  AssignmentStatusEnum,
  AssignmentType,
  AssignmentView,
  OFFSET_ARGUMENT,
  ObligationType,
  PlanProgressType,
  PlanRef,
  UnitRef,
  UnitTreeEnum,
  viewOf,
} from '../assignments/assignment.types';
import { PlanProgress, PlanProgressQuery } from './plan-progress';

const PROGRESS_TREE =
  'ISSUE_DAY (mặc định): các đơn vị kế hoạch đã giao, dưới đơn vị cấp trên vào ngày ban hành; TODAY: xếp theo đơn vị hiện nay qua quan hệ kế thừa. Tổng số như nhau.';

/** The filter `assignments` and `assignmentPage` of a unit share (their `limit` differs: a cap or a page size). */
@ArgsType()
class UnitFieldAssignmentsArgs {
  @Field(() => [AssignmentStatusEnum], { nullable: true }) status?: AssignmentStatus[] | null;
  @Field(() => Boolean, { nullable: true }) overdue?: boolean | null;
  @Field(() => Int, { nullable: true, description: OFFSET_ARGUMENT }) offset?: number | null;
}

/** What the fields this subgraph adds to other services' entities read: the assignments, the progress, the reader's access, today. */
abstract class ForeignEntityFields {
  constructor(
    protected readonly list: AssignmentList,
    protected readonly progressQuery: PlanProgressQuery,
    protected readonly access: AccessControl,
    @Inject(CLOCK) protected readonly clock: Clock,
  ) {}
}

/** Fields this subgraph adds to the directory's Unit. */
@Resolver(() => UnitRef)
export class UnitAssignmentsResolver extends ForeignEntityFields {
  // A reference carries only the key; what it may show is checked on each field.
  @SignedIn()
  @ResolveReference()
  resolveReference(@Parent() reference: { code: string }): UnitRef {
    return { code: reference.code };
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => [AssignmentType], {
    description: `Nhiệm vụ được giao cho đơn vị. Tối đa ${ASSIGNMENT_PAGE_MAX} dòng một lần: nhiều hơn thì dùng limit và offset (hoặc assignmentPage).`,
  })
  async assignments(
    @Parent() unit: UnitRef,
    @CurrentIdentity() identity: Identity,
    @Args() filter: UnitFieldAssignmentsArgs,
    @Args('limit', { type: () => Int, nullable: true, description: `Số dòng tối đa trả về (1–${ASSIGNMENT_PAGE_MAX}).` }) limit?: number | null,
  ): Promise<AssignmentView[]> {
    const { listed, window } = await this.assignmentsOf(unit, identity, filter, limit);
    refuseSilentCut(listed.total, window, 'nhiệm vụ được giao', 'assignmentPage');
    return listed.items.map(viewOf);
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => AssignmentPageType, { description: `Nhiệm vụ được giao cho đơn vị, theo trang (tối đa ${ASSIGNMENT_PAGE_MAX} dòng), có tổng số.` })
  async assignmentPage(
    @Parent() unit: UnitRef,
    @CurrentIdentity() identity: Identity,
    @Args() filter: UnitFieldAssignmentsArgs,
    @Args('limit', { type: () => Int, nullable: true, description: `Số dòng của trang (1–${ASSIGNMENT_PAGE_MAX}; mặc định ${ASSIGNMENT_PAGE_MAX}).` })
    limit?: number | null,
  ): Promise<Page<AssignmentView>> {
    const { listed, window } = await this.assignmentsOf(unit, identity, filter, limit);
    return pageOf(listed.items.map(viewOf), listed.total, window);
  }

  private async assignmentsOf(unit: UnitRef, identity: Identity, { status, overdue, offset }: UnitFieldAssignmentsArgs, limit: number | null | undefined) {
    await this.access.assert(identity, 'read', unit.code);
    const window = pageWindow({ offset, limit }, ASSIGNMENT_PAGE_MAX);
    return { listed: await this.list.ofUnit(unit.code, { status, overdue }, { day: todayOf(this.clock) }, window), window };
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => PlanProgressType, {
    nullable: true,
    description: 'Tiến độ của một kế hoạch trong phạm vi đơn vị (gồm đơn vị trực thuộc), theo cây đơn vị của kế hoạch (tree).',
  })
  async planProgress(
    @Parent() unit: UnitRef,
    @CurrentIdentity() identity: Identity,
    @Args('planId', { type: () => ID }) planId: string,
    @Args('tree', { type: () => UnitTreeEnum, nullable: true, description: PROGRESS_TREE }) tree?: UnitTreeMode | null,
  ): Promise<PlanProgress> {
    await this.access.assert(identity, 'read', unit.code);
    return this.progressQuery.of(planId, unit.code, todayOf(this.clock), tree ?? 'ISSUE_DAY');
  }
}

/** Fields this subgraph adds to the plans service's Plan. */
@Resolver(() => PlanRef)
export class PlanAssignmentsResolver extends ForeignEntityFields {
  @SignedIn()
  @ResolveReference()
  resolveReference(@Parent() reference: { id: string }): PlanRef {
    return { id: reference.id };
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => PlanProgressType, {
    nullable: true,
    description: 'Tiến độ thực hiện kế hoạch trong phạm vi một đơn vị (mặc định: đơn vị ban hành), theo cây đơn vị của kế hoạch (tree).',
  })
  async progress(
    @Parent() plan: PlanRef,
    @CurrentIdentity() identity: Identity,
    @Args('unitCode', { type: () => ID, nullable: true }) unitCode?: string | null,
    @Args('tree', { type: () => UnitTreeEnum, nullable: true, description: PROGRESS_TREE }) tree?: UnitTreeMode | null,
  ): Promise<PlanProgress | null> {
    const scope = unitCode ?? (await this.list.issuerOf(plan.id));
    if (!scope) return null;
    await this.access.assert(identity, 'read', scope);
    return this.progressQuery.of(plan.id, scope, todayOf(this.clock), tree ?? 'ISSUE_DAY');
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => [ObligationType], { description: 'Nghĩa vụ ban hành kế hoạch triển khai của các đơn vị cấp dưới.' })
  async obligations(@Parent() plan: PlanRef, @CurrentIdentity() identity: Identity): Promise<ObligationType[]> {
    const issuer = await this.list.issuerOf(plan.id);
    if (!issuer) throw new DomainError('PLAN.NOT_FOUND', 'Không tìm thấy kế hoạch.', { kind: 'NOT_FOUND', field: 'id' });
    await this.access.assert(identity, 'read', issuer);
    const day = todayOf(this.clock);
    return (await this.list.obligationsOf(plan.id)).map((obligation) => ({
      unit: { code: obligation.unitCode },
      assignmentId: obligation.id,
      dueOn: obligation.dueOn,
      status: obligation.status,
      fulfilledBy: obligation.fulfilledBy?.number ?? null,
      fulfilledByPlanId: obligation.fulfilledBy?.planId ?? null,
      late: obligation.late || (OPEN_STATUSES.includes(obligation.status) && obligation.dueOn !== null && obligation.dueOn < day),
    }));
  }
}
