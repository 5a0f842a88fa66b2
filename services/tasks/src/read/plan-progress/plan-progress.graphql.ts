import { Inject } from '@nestjs/common';
import { Args, ID, Parent, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity, SignedIn } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { AssignmentStatus, OPEN_STATUSES } from '../../domain/assignment/assignment.decider';
import { AssignmentList } from '../assignments/assignment-list';
import { AssignmentStatusEnum, AssignmentType, AssignmentView, ObligationType, PlanProgressType, PlanRef, UnitRef, viewOf } from '../assignments/assignment.types';
import { PlanProgress, PlanProgressQuery } from './plan-progress';

/** Fields this subgraph adds to the directory's Unit. */
@Resolver(() => UnitRef)
export class UnitAssignmentsResolver {
  constructor(
    private readonly list: AssignmentList,
    private readonly progressQuery: PlanProgressQuery,
    private readonly access: AccessControl,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // A reference carries only the key; what it may show is checked on each field.
  @SignedIn()
  @ResolveReference()
  resolveReference(@Parent() reference: { code: string }): UnitRef {
    return { code: reference.code };
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => [AssignmentType], { description: 'Nhiệm vụ được giao cho đơn vị.' })
  async assignments(
    @Parent() unit: UnitRef,
    @CurrentIdentity() identity: Identity,
    @Args('status', { type: () => [AssignmentStatusEnum], nullable: true }) status?: AssignmentStatus[] | null,
    @Args('overdue', { type: () => Boolean, nullable: true }) overdue?: boolean | null,
  ): Promise<AssignmentView[]> {
    await this.access.assert(identity, 'read', unit.code);
    return (await this.list.ofUnit(unit.code, { status, overdue }, { day: todayOf(this.clock) })).map(viewOf);
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => PlanProgressType, { nullable: true, description: 'Tiến độ của một kế hoạch trong phạm vi đơn vị (gồm đơn vị trực thuộc).' })
  async planProgress(@Parent() unit: UnitRef, @CurrentIdentity() identity: Identity, @Args('planId', { type: () => ID }) planId: string): Promise<PlanProgress> {
    await this.access.assert(identity, 'read', unit.code);
    return this.progressQuery.of(planId, unit.code, todayOf(this.clock));
  }
}

/** Fields this subgraph adds to the plans service's Plan. */
@Resolver(() => PlanRef)
export class PlanAssignmentsResolver {
  constructor(
    private readonly list: AssignmentList,
    private readonly progressQuery: PlanProgressQuery,
    private readonly access: AccessControl,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @SignedIn()
  @ResolveReference()
  resolveReference(@Parent() reference: { id: string }): PlanRef {
    return { id: reference.id };
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => PlanProgressType, { nullable: true, description: 'Tiến độ thực hiện kế hoạch trong phạm vi một đơn vị (mặc định: đơn vị ban hành).' })
  async progress(@Parent() plan: PlanRef, @CurrentIdentity() identity: Identity, @Args('unitCode', { type: () => ID, nullable: true }) unitCode?: string | null): Promise<PlanProgress | null> {
    const scope = unitCode ?? (await this.list.issuerOf(plan.id));
    if (!scope) return null;
    await this.access.assert(identity, 'read', scope);
    return this.progressQuery.of(plan.id, scope, todayOf(this.clock));
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
