import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, historyTypes, pageType } from '@reform/subgraph';
import { UNIT_TREE_MODES } from '../plan-progress/plan-tree';
import {
  ASSIGNMENT_KINDS,
  ASSIGNMENT_ROLES,
  ASSIGNMENT_STATUSES,
  Assignment,
  AssignmentKind,
  AssignmentRole,
  AssignmentStatus,
  nextDueOn,
} from '../../domain/assignment/assignment.decider';
import { TASKS_GRAPHQL_TYPES } from '../../graphql-types';
import { periodsOf } from '../../domain/assignment/schedule';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
export const AssignmentStatusEnum = enumOf(ASSIGNMENT_STATUSES);
export const AssignmentRoleEnum = enumOf(ASSIGNMENT_ROLES);
export const AssignmentKindEnum = enumOf(ASSIGNMENT_KINDS);
export const ExtensionStatusEnum = enumOf(['REQUESTED', 'GRANTED', 'REFUSED'] as const);
registerEnumType(AssignmentStatusEnum, {
  registerIn: TASKS_GRAPHQL_TYPES,
  name: 'AssignmentStatus',
  description: 'ASSIGNED (đã giao), ACCEPTED (đã tiếp nhận), IN_PROGRESS (đang thực hiện), COMPLETED (hoàn thành), CANCELLED (đã hủy).',
});
registerEnumType(AssignmentRoleEnum, {
  registerIn: TASKS_GRAPHQL_TYPES,
  name: 'AssignmentRole',
  description: 'IMPLEMENTING (đơn vị thực hiện), LEAD (đơn vị chủ trì).',
});
registerEnumType(AssignmentKindEnum, {
  registerIn: TASKS_GRAPHQL_TYPES,
  name: 'AssignmentKind',
  description: 'TASK (nhiệm vụ của kế hoạch), IMPLEMENTING_PLAN (ban hành kế hoạch triển khai).',
});
registerEnumType(ExtensionStatusEnum, { registerIn: TASKS_GRAPHQL_TYPES, name: 'ExtensionStatus' });
export const UnitTreeEnum = enumOf(UNIT_TREE_MODES);
registerEnumType(UnitTreeEnum, {
  registerIn: TASKS_GRAPHQL_TYPES,
  name: 'UnitTree',
  description:
    'Cây đơn vị mà tiến độ và danh sách của một kế hoạch theo: ISSUE_DAY (mặc định) — các đơn vị kế hoạch đã giao, dưới đơn vị cấp trên của chúng vào ngày ban hành (huyện đã sáp nhập sau đó vẫn có nhiệm vụ của các xã); TODAY — cùng các nhiệm vụ ấy, xếp theo đơn vị hiện nay qua quan hệ kế thừa (đơn vị đã kết thúc tính vào đơn vị kế thừa). Tổng số luôn bằng số nhiệm vụ được giao.',
});
export const TREE_ARGUMENT = 'Cây đơn vị của kế hoạch (khi có planId và includeSubtree): ISSUE_DAY (mặc định) hoặc TODAY.';
export const OFFSET_ARGUMENT = 'Số dòng bỏ qua từ đầu danh sách (mặc định 0).';

/** A unit as the directory subgraph resolves it (by code); this subgraph adds `assignments` and `planProgress`. */
@ObjectType('Unit', { registerIn: TASKS_GRAPHQL_TYPES })
@Directive('@key(fields: "code")')
export class UnitRef {
  @Field(() => ID) code!: string;
}

/** History types of this subgraph: `actor.unit` is its `Unit` stub (libs/subgraph historyTypes). */
export const { HistoryEntryType, HistoryActorType, HistoryPageType } = historyTypes(TASKS_GRAPHQL_TYPES, () => UnitRef);

/** A plan as the plans subgraph resolves it (by id); this subgraph adds `progress` and `obligations`. */
@ObjectType('Plan', { registerIn: TASKS_GRAPHQL_TYPES })
@Directive('@key(fields: "id")')
export class PlanRef {
  @Field(() => ID) id!: string;
}

@ObjectType('AssignmentExtension', { registerIn: TASKS_GRAPHQL_TYPES, description: 'Đề nghị gia hạn gần nhất.' })
export class ExtensionType {
  @Field(() => DateScalar) requestedDueOn!: string;
  @Field() reason!: string;
  @Field(() => ExtensionStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: 'Ý kiến khi đồng ý hoặc lý do từ chối.' }) answer!: string | null;
}

/** The GraphQL view of an assignment: its state (current or as of an instant). */
export type AssignmentView = Assignment & { readonly dueDays: string[] };

/** How many of a schedule's due days the view lists (a schedule of a plan without an end has no last). */
export const DUE_DAYS_SHOWN = 12;

/** The schedule's due days in order, the first DUE_DAYS_SHOWN of them. */
function dueDaysOf(state: Assignment): string[] {
  if (state.schedule.kind === 'once') return state.dueOn ? [state.dueOn] : [];
  if (state.schedule.kind === 'none') return [];
  const days: string[] = [];
  for (const period of periodsOf(state.schedule)) {
    days.push(period.to);
    if (days.length === DUE_DAYS_SHOWN) break;
  }
  return days;
}

/** `dueOn` answers "when is it next due" (the schedule's next unsettled day), not only a fixed day. */
export const viewOf = (state: Assignment): AssignmentView => ({
  ...state,
  dueOn: nextDueOn(state),
  dueDays: dueDaysOf(state),
  formerUnitCodes: state.formerUnitCodes ?? [],
  offeredTo: state.offeredTo ?? null,
});

@ObjectType('Assignment', {
  registerIn: TASKS_GRAPHQL_TYPES,
  description: 'Nhiệm vụ giao cho một đơn vị theo một nhiệm vụ của kế hoạch (hoặc nghĩa vụ ban hành kế hoạch triển khai).',
})
@Directive('@key(fields: "id")')
export class AssignmentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) planId!: string;
  @Field(() => ID) taskId!: string;
  @Field() planNumber!: string;
  @Field() planTitle!: string;
  @Field(() => ID) unitCode!: string;
  @Field(() => [ID], { description: 'Các đơn vị đã giữ nhiệm vụ trước khi sắp xếp đơn vị hành chính chuyển nó cho đơn vị hiện tại (cũ trước).' })
  formerUnitCodes!: string[];
  @Field(() => [ID], { nullable: true, description: 'Đơn vị đã chia tách: các đơn vị kế thừa để đơn vị giao chọn một (phân giao).' }) offeredTo!:
    string[] | null;
  @Field(() => AssignmentRoleEnum) role!: AssignmentRole;
  @Field(() => AssignmentKindEnum) kind!: AssignmentKind;
  @Field(() => AssignmentStatusEnum) status!: AssignmentStatus;
  @Field(() => Int) percent!: number;
  @Field(() => String, { nullable: true, description: 'Ghi chú của lần báo cáo gần nhất.' }) note!: string | null;
  @Field(() => [String], { description: 'Tài liệu kiểm chứng (số hiệu văn bản, đường dẫn).' }) evidence!: string[];
  @Field(() => String, { nullable: true }) result!: string | null;
  @Field(() => DateScalar, { nullable: true }) completedOn!: string | null;
  @Field({ description: 'Hoàn thành sau hạn.' }) late!: boolean;
  @Field(() => DateScalar, { nullable: true, description: 'Hạn kế tiếp: hạn của nhiệm vụ (sau gia hạn), hoặc cuối kỳ báo cáo chưa báo cáo.' })
  dueOn!: string | null;
  @Field({ description: 'Đã quá hạn mà chưa hoàn thành (hoặc hết kỳ mà chưa báo cáo).' }) overdue!: boolean;
  @Field(() => String, { nullable: true }) cancelledReason!: string | null;
  @Field(() => ExtensionType, { nullable: true }) extension!: ExtensionType | null;
  @Field() taskText!: string;
  @Field(() => String, { nullable: true }) target!: string | null;
  @Field() timeframeText!: string;
  @Field(() => ID, { description: 'Đơn vị giao (đơn vị ban hành kế hoạch).' }) assignerCode!: string;
  @Field(() => [ID]) leadCodes!: string[];
  @Field(() => [ID]) monitoringCodes!: string[];
  @Field(() => DateScalar) assignedOn!: string;
  @Field(() => [DateScalar], {
    description:
      'Các hạn theo lịch, theo thứ tự (tối đa 12): một hạn với việc làm một lần; cuối mỗi kỳ báo cáo với việc thường xuyên, sang cả các năm sau khi kế hoạch không có năm cuối.',
  })
  dueDays!: string[];
}

export const AssignmentPageType = pageType<AssignmentView>('AssignmentPage', () => AssignmentType, {
  registerIn: TASKS_GRAPHQL_TYPES,
  description: 'Một trang nhiệm vụ được giao: các dòng, tổng số, còn trang sau hay không.',
});

@ObjectType('PlanProgress', {
  registerIn: TASKS_GRAPHQL_TYPES,
  description: 'Tiến độ thực hiện kế hoạch trong phạm vi một đơn vị (gồm các đơn vị trực thuộc).',
})
export class PlanProgressType {
  @Field(() => UnitRef) unit!: UnitRef;
  @Field(() => ID) unitCode!: string;
  @Field(() => Int) assigned!: number;
  @Field(() => Int) accepted!: number;
  @Field(() => Int) inProgress!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Int) cancelled!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => Int) total!: number;
  @Field(() => Float, {
    description: 'Hoàn thành / (tổng − đã hủy), theo phần trăm, ba chữ số thập phân: nhích lên khi một trong 100.000 nhiệm vụ hoàn thành.',
  })
  percentComplete!: number;
  @Field(() => [PlanProgressType], { description: 'Các đơn vị trực thuộc có nhiệm vụ của kế hoạch.' }) children!: PlanProgressType[];
}

@ObjectType('Obligation', { registerIn: TASKS_GRAPHQL_TYPES, description: 'Nghĩa vụ ban hành kế hoạch triển khai của một đơn vị.' })
export class ObligationType {
  @Field(() => UnitRef) unit!: UnitRef;
  @Field(() => ID) assignmentId!: string;
  @Field(() => DateScalar, { nullable: true }) dueOn!: string | null;
  @Field(() => AssignmentStatusEnum) status!: AssignmentStatus;
  @Field(() => String, { nullable: true, description: 'Số hiệu kế hoạch triển khai đã ban hành.' }) fulfilledBy!: string | null;
  @Field(() => ID, { nullable: true }) fulfilledByPlanId!: string | null;
  @Field({ description: 'Ban hành sau hạn (hoặc đã quá hạn mà chưa ban hành).' }) late!: boolean;
}
