import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { DateScalar } from '@reform/subgraph';
import { PLANS_GRAPHQL_TYPES } from '../../graphql-types';
import { previewIssue, tasksOf } from '../../domain/plan.decider';
import { UnitReference } from '../../read/plans/plan.types';
import { PlanCommands } from '../common/plan-commands';

@ObjectType('PlanProblem', { registerIn: PLANS_GRAPHQL_TYPES, description: 'Một vấn đề ngăn ban hành kế hoạch.' })
export class PlanProblemType {
  @Field({ description: 'Vị trí trong kế hoạch, ví dụ "sections[0].tasks[3].implementing".' }) field!: string;
  @Field({ description: 'Mã quy tắc, ví dụ PLAN.NO_IMPLEMENTING_UNIT.' }) rule!: string;
  @Field() message!: string;
}

@ObjectType('PlanCellPreview', { registerIn: PLANS_GRAPHQL_TYPES })
export class PlanCellPreviewType {
  @Field(() => String, { nullable: true, description: 'Ô như đã viết; trống khi không có.' }) text!: string | null;
  @Field(() => [UnitReference], { description: 'Đơn vị xác định được vào ngày ban hành.' }) units!: UnitReference[];
  @Field(() => [String], { description: 'Phần chữ không xác định được đơn vị nào.' }) unresolved!: string[];
}

@ObjectType('PlanTaskPreview', { registerIn: PLANS_GRAPHQL_TYPES })
export class PlanTaskPreviewType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Vị trí của nhiệm vụ, ví dụ "sections[0].tasks[3]".' }) path!: string;
  @Field() text!: string;
  @Field(() => PlanCellPreviewType) lead!: PlanCellPreviewType;
  @Field(() => PlanCellPreviewType) implementing!: PlanCellPreviewType;
  @Field(() => PlanCellPreviewType) monitoring!: PlanCellPreviewType;
  @Field(() => Int, { description: 'Số giao việc sẽ tạo: một cho mỗi đơn vị thực hiện, một cho mỗi đơn vị chủ trì.' }) assignments!: number;
}

@ObjectType('PlanIssuePreview', {
  registerIn: PLANS_GRAPHQL_TYPES,
  description: 'Kế hoạch sẽ được ban hành thế nào vào một ngày, tính bằng đúng quy tắc của việc ban hành; không ghi gì.',
})
export class PlanIssuePreviewType {
  @Field(() => ID) planId!: string;
  @Field(() => DateScalar) issuedOn!: string;
  @Field({ description: 'Ban hành được: không có vấn đề nào.' }) issuable!: boolean;
  @Field(() => [PlanProblemType], { description: 'Mọi vấn đề, như issuePlan sẽ báo.' }) problems!: PlanProblemType[];
  @Field(() => [PlanTaskPreviewType]) tasks!: PlanTaskPreviewType[];
  @Field(() => [UnitReference], { description: 'Đơn vị cấp dưới phải ban hành kế hoạch thực hiện.' }) cascadeUnits!: UnitReference[];
  @Field(() => DateScalar, { nullable: true }) cascadeDueOn!: string | null;
  @Field(() => Int, { description: 'Tổng số giao việc sẽ tạo (nhiệm vụ và nghĩa vụ ban hành kế hoạch cấp dưới).' }) assignments!: number;
}

const refs = (codes: readonly string[]) => codes.map((code) => ({ code }));

/** Issuing is irreversible (assignments go out): the official sees its effect first, computed by the decider's own code. */
@Resolver(() => PlanIssuePreviewType)
export class IssuePreviewResolver {
  constructor(private readonly commands: PlanCommands) {}

  @AccessCheckedInResolver('manage')
  @Query(() => PlanIssuePreviewType, {
    description: 'Xem trước việc ban hành dự thảo vào một ngày (mặc định: hôm nay): đơn vị của từng ô, phần chưa xác định, số giao việc, mọi vấn đề.',
  })
  async planIssuePreview(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('issuedOn', { type: () => DateScalar, nullable: true }) issuedOn?: string | null,
  ): Promise<PlanIssuePreviewType> {
    const plan = await this.commands.load(id);
    await this.commands.assertManage(identity, plan.draft.issuerCode);
    if (plan.status !== 'draft') throw new DomainError('PLAN.ALREADY_ISSUED', 'Kế hoạch đã được ban hành.', { field: 'id', kind: 'CONFLICT' });
    const day = issuedOn ?? this.commands.today();
    const preview = previewIssue(plan.draft, day, await this.commands.neighbourhood(plan.draft.issuerCode, day, plan.draft.sections));
    const problems = [...preview.problems, ...(await this.commands.numberProblems(plan.planId, plan.draft, day))];
    const empty = { unitCodes: [], unresolved: [] };
    const tasks = tasksOf(plan.draft.sections).map(({ task, path }) => {
      const units = preview.units[task.taskId as string] ?? { lead: empty, implementing: empty, monitoring: empty };
      const cell = (role: 'lead' | 'implementing' | 'monitoring') => ({
        text: task[role]?.text ?? null,
        units: refs(units[role].unitCodes),
        unresolved: units[role].unresolved,
      });
      return {
        id: task.taskId as string,
        path,
        text: task.text,
        lead: cell('lead'),
        implementing: cell('implementing'),
        monitoring: cell('monitoring'),
        assignments: units.implementing.unitCodes.length + units.lead.unitCodes.length,
      };
    });
    const cascadeUnits = preview.cascade?.unitCodes ?? [];
    return {
      planId: plan.planId,
      issuedOn: day,
      issuable: problems.length === 0,
      problems,
      tasks,
      cascadeUnits: refs(cascadeUnits),
      cascadeDueOn: preview.cascade?.dueOn ?? null,
      assignments: tasks.reduce((sum, task) => sum + task.assignments, 0) + cascadeUnits.length,
    };
  }
}
