import { Inject } from '@nestjs/common';
import { Field, Float, ID, ObjectType, Parent, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity, Identity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import {
  Achievement,
  AchievementStatus,
  AssignmentFact,
  evaluateTarget,
  ReportedFigure,
  Target,
  TrailEntry,
} from '../../domain/target-achievement/target-achievement';
import { SCORING_GRAPHQL_TYPES } from '../../graphql-types';
import { SCORING_SCHEMA as S } from '../../schema';
import { ScoringPlanRef } from '../plan-papi-scores/plan-papi-scores.graphql';

export const TargetStatusEnum = Object.freeze({ ACHIEVED: 'ACHIEVED', NOT_ACHIEVED: 'NOT_ACHIEVED', UNKNOWN: 'UNKNOWN' } as const);
registerEnumType(TargetStatusEnum, {
  name: 'TargetStatus',
  description: 'ACHIEVED: đạt; NOT_ACHIEVED: không đạt; UNKNOWN: chưa có số liệu (hoặc chỉ tiêu không so sánh được).',
});

@ObjectType('TargetTrailEntry', {
  registerIn: SCORING_GRAPHQL_TYPES,
  description: 'Một số liệu đã dùng để đánh giá: số liệu của một báo cáo đã được chấp nhận, hoặc một nhiệm vụ được giao (1: đã hoàn thành, 0: chưa).',
})
export class TargetTrailEntryType {
  @Field({ description: 'REPORT hoặc ASSIGNMENT.' }) source!: string;
  @Field(() => ID, { description: 'Mã báo cáo (<chế độ>~<kỳ>~<đơn vị>) hoặc mã nhiệm vụ được giao.' }) id!: string;
  @Field(() => ID) unitCode!: string;
  @Field(() => Float) figure!: number;
  @Field(() => String, { nullable: true, description: 'Ngày số liệu được chấp nhận, hoặc ngày hoàn thành.' }) on!: string | null;
  @Field(() => String, { nullable: true }) period!: string | null;
  @Field(() => String, { nullable: true, description: 'Mã chỉ tiêu báo cáo.' }) itemCode!: string | null;
}

@ObjectType('TargetAchievementPart', { registerIn: SCORING_GRAPHQL_TYPES, description: 'Một chỉ tiêu thành phần khi ô chỉ tiêu có nhiều chỉ tiêu.' })
export class TargetAchievementPartType {
  @Field(() => TargetStatusEnum) status!: AchievementStatus;
  @Field({ description: 'percentage, count, coverage, rank, text.' }) kind!: string;
  @Field({ description: 'Chỉ tiêu như văn bản viết.' }) target!: string;
  @Field(() => String, { nullable: true, description: 'gt, gte, eq, lte, lt.' }) comparator!: string | null;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float, { nullable: true, description: 'Số liệu thực tế đem so sánh.' }) actual!: number | null;
  @Field({ description: 'Cách tính số liệu thực tế.' }) basis!: string;
  @Field(() => [TargetTrailEntryType]) trail!: TargetTrailEntryType[];
}

@ObjectType('TaskTargetAchievement', {
  registerIn: SCORING_GRAPHQL_TYPES,
  description: 'Chỉ tiêu của một nhiệm vụ so với số liệu thực tế: đạt, không đạt, hoặc chưa có số liệu, với các số liệu đã dùng.',
})
export class TaskTargetAchievementType extends TargetAchievementPartType {
  @Field(() => ID, { description: 'Mã nhiệm vụ trong kế hoạch (t1, t2...).' }) taskId!: string;
  @Field() taskText!: string;
  @Field(() => String, { nullable: true }) sectionCode!: string | null;
  @Field(() => [TargetAchievementPartType]) parts!: TargetAchievementPartType[];
}

const view = (a: Achievement): TargetAchievementPartType => ({
  status: a.status,
  kind: a.kind,
  target: a.target,
  comparator: a.comparator,
  value: a.value,
  actual: a.actual,
  basis: a.basis,
  trail: a.trail.map((t: TrailEntry) => ({ ...t })),
});

/**
 * What `Plan.targetAchievement` answers, by task in the appendix's order, from the figures and
 * assignments of the units `mayRead` lets through only (the reader's own and those below, or an
 * auditor's province): the actual figure and status are judged from those alone, so nothing of a
 * unit hidden from the reader can be read or worked out from the answer.
 */
export async function planTargetAchievement(
  dataSource: DataSource,
  planId: string,
  today: string,
  mayRead: (unitCodes: string[]) => Promise<Set<string>>,
): Promise<TaskTargetAchievementType[]> {
  const tasks: Array<{
    task_id: string;
    text: string;
    section_code: string | null;
    target: string;
    parsed: Target | null;
    due_on: string | null;
    due_known: boolean;
  }> = await dataSource.query(
    `SELECT task_id, text, section_code, target, parsed, due_on, due_known FROM "${S}".target_tasks WHERE plan_id = $1 AND parsed IS NOT NULL AND parsed->>'kind' <> 'text' ORDER BY position`,
    [planId],
  );
  if (tasks.length === 0) return [];
  const figures: Array<ReportedFigure & { task_id: string }> = await dataSource.query(
    `SELECT i.task_id, r.report_id AS "reportId", i.code AS "itemCode", i.type AS "itemType", r.unit_code AS "unitCode", r.period, (f->>'value')::float8 AS value, r.accepted_on AS "on"
       FROM "${S}".target_items i
       JOIN "${S}".target_reports r ON r.regime_id = i.regime_id AND r.accepted_on IS NOT NULL
       CROSS JOIN LATERAL jsonb_array_elements(r.figures) f
      WHERE i.plan_id = $1 AND f->>'code' = i.code`,
    [planId],
  );
  const assignments: Array<AssignmentFact & { task_id: string }> = await dataSource.query(
    `SELECT task_id, assignment_id AS "assignmentId", unit_code AS "unitCode", completed_on AS "completedOn", cancelled FROM "${S}".target_assignments WHERE plan_id = $1`,
    [planId],
  );
  const readable = await mayRead([...figures.map((f) => f.unitCode), ...assignments.map((a) => a.unitCode)]);
  return tasks.map((task) => {
    const achievement = evaluateTarget(task.parsed as Target, {
      figures: figures.filter((f) => f.task_id === task.task_id && readable.has(f.unitCode)),
      assignments: assignments.filter((a) => a.task_id === task.task_id && readable.has(a.unitCode)),
      ...(task.due_known ? { dueOn: task.due_on, today } : {}),
    });
    return { ...view(achievement), taskId: task.task_id, taskText: task.text, sectionCode: task.section_code, parts: achievement.parts.map(view) };
  });
}

@Resolver(() => ScoringPlanRef)
export class TargetAchievementResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: AccessControl,
  ) {}

  /**
   * Each task with a target the plans service could read (percentage, count per period,
   * coverage, rank; several in one cell), compared with the accepted reports' figures of the data
   * items that measure it, or with its assignments' completion. The plan was checked by the query
   * that reached it; the figures are those its readers see beside the plan.
   */
  @AccessCheckedInResolver('read')
  @ResolveField(() => [TaskTargetAchievementType], {
    description:
      'Chỉ tiêu của từng nhiệm vụ so với số liệu báo cáo được chấp nhận hoặc kết quả thực hiện: đạt, không đạt, chưa có số liệu. ' +
      'Chỉ gồm số liệu và nhiệm vụ được giao của các đơn vị mà người hỏi được xem báo cáo (đơn vị mình, các đơn vị cấp dưới, hoặc thanh tra trong phạm vi được giao); ' +
      'số liệu thực tế và kết quả đạt/không đạt chỉ tính từ các số liệu đó.',
  })
  async targetAchievement(@Parent() plan: ScoringPlanRef, @CurrentIdentity() identity: Identity): Promise<TaskTargetAchievementType[]> {
    return planTargetAchievement(this.dataSource, plan.id, todayOf(this.clock), (units) => this.access.allowedUnits(identity, 'read', units));
  }
}
