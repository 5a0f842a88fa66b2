import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, historyTypes, JSONScalar } from '@reform/subgraph';
import { REPORTING_LEVELS } from '../../domain/period/deadlines';
import { PERIOD_TYPES } from '../../domain/period/period';
import { CONSOLIDATION_RULES, ITEM_TYPES, PREFILL_RULES, REGIME_KINDS } from '../../domain/regime/regime';
import { changesAgainstPrefill, lockOf, Report, REPORT_STATUSES } from '../../domain/report/report.decider';
import { REPORTING_GRAPHQL_TYPES as T } from '../../graphql-types';

const enumOf = <V extends string>(values: readonly V[]) => Object.fromEntries(values.map((value) => [value, value])) as Record<V, V>;
export const ReportStatusEnum = enumOf(REPORT_STATUSES);
export const ReportRoleEnum = enumOf(['UNIT', 'CONSOLIDATED'] as const);
export const RegimeKindEnum = enumOf(REGIME_KINDS);
export const PeriodTypeEnum = enumOf(PERIOD_TYPES);
export const ItemTypeEnum = enumOf(ITEM_TYPES);
export const ConsolidationRuleEnum = enumOf(CONSOLIDATION_RULES);
export const PrefillRuleEnum = enumOf(PREFILL_RULES);
export const ReportingLevelEnum = enumOf(REPORTING_LEVELS);
export const SelectorLevelEnum = enumOf(['COMMUNE', 'DISTRICT'] as const);
export const DeadlineRuleKindEnum = enumOf(['WORKING_DAYS_AFTER_CUT_OFF', 'DAY_OF_MONTH'] as const);
export const CutOffRuleKindEnum = enumOf(['DECREE_09', 'FROM_DAY', 'CALENDAR', 'FIXED'] as const);
export const ExportFormatEnum = enumOf(['DOCX', 'XLSX'] as const);
export const ReminderKindEnum = enumOf(['BEFORE_DEADLINE', 'AFTER_DEADLINE'] as const);
registerEnumType(ReportStatusEnum, {
  registerIn: T,
  name: 'ReportStatus',
  description:
    'EXPECTED (phải báo cáo), DRAFT (đang soạn), SUBMITTED (đã gửi), ACCEPTED (đã chấp nhận), RETURNED (trả lại), WAIVED (không báo cáo), APPROVED (đã phê duyệt).',
});
registerEnumType(ReportRoleEnum, {
  registerIn: T,
  name: 'ReportRole',
  description: 'UNIT (báo cáo của đơn vị), CONSOLIDATED (báo cáo tổng hợp của cấp mình).',
});
registerEnumType(RegimeKindEnum, { registerIn: T, name: 'ReportRegimeKind', description: 'PERIODIC (định kỳ), THEMATIC (chuyên đề), AD_HOC (đột xuất).' });
registerEnumType(PeriodTypeEnum, {
  registerIn: T,
  name: 'ReportPeriodType',
  description: 'MONTH, QUARTER, HALF_YEAR (6 tháng), NINE_MONTHS (9 tháng), YEAR, AD_HOC (một kỳ đột xuất).',
});
registerEnumType(ItemTypeEnum, { registerIn: T, name: 'ReportItemType', description: 'NUMBER, PERCENT, COUNT, YES_NO, TEXT.' });
registerEnumType(ConsolidationRuleEnum, {
  registerIn: T,
  name: 'ConsolidationRule',
  description: 'SUM (cộng), MEAN (bình quân), WEIGHTED_MEAN (bình quân gia quyền), MIN, MAX, COUNT_YES (đếm "có"), NONE (không tổng hợp).',
});
registerEnumType(PrefillRuleEnum, {
  registerIn: T,
  name: 'ReportPrefillRule',
  description:
    'Điền sẵn từ nhiệm vụ được giao: ASSIGNMENTS (số nhiệm vụ), COMPLETED (hoàn thành), OVERDUE (quá hạn), COMPLETED_PERCENT (% hoàn thành), MEAN_PROGRESS (tiến độ bình quân).',
});
registerEnumType(ReportingLevelEnum, { registerIn: T, name: 'ReportingLevel' });
registerEnumType(SelectorLevelEnum, { registerIn: T, name: 'ReportingUnitLevel' });
registerEnumType(DeadlineRuleKindEnum, {
  registerIn: T,
  name: 'DeadlineRuleKind',
  description: 'WORKING_DAYS_AFTER_CUT_OFF (số ngày làm việc sau ngày chốt số liệu), DAY_OF_MONTH (ngày trong tháng cuối kỳ, hoặc tháng sau).',
});
registerEnumType(CutOffRuleKindEnum, {
  registerIn: T,
  name: 'CutOffRuleKind',
  description: 'DECREE_09 (Nghị định 09/2019), FROM_DAY (từ ngày khác trong tháng), CALENDAR (tháng dương lịch), FIXED (ngày cố định).',
});
registerEnumType(ExportFormatEnum, { registerIn: T, name: 'ExportFormat', description: 'DOCX (Word, thể thức Nghị định 30/2020), XLSX (Excel).' });
registerEnumType(ReminderKindEnum, { registerIn: T, name: 'ReportReminderKind' });

/** A unit as the directory subgraph resolves it (by code); this subgraph adds `reports` and `reportingCompleteness`. */
@ObjectType('Unit', { registerIn: T })
@Directive('@key(fields: "code")')
export class UnitRef {
  @Field(() => ID) code!: string;
}

/** An assignment as the tasks subgraph resolves it (by id): what a report's pre-fill cites. */
@ObjectType('Assignment', { registerIn: T })
@Directive('@key(fields: "id", resolvable: false)')
export class AssignmentRef {
  @Field(() => ID) id!: string;
}

export const { HistoryEntryType, HistoryActorType } = historyTypes(T, () => UnitRef);

@ObjectType('ReportFormSection', { registerIn: T })
export class FormSectionType {
  @Field() code!: string;
  @Field() title!: string;
}

@ObjectType('ReportItemMeasures', { registerIn: T, description: 'Nhiệm vụ của kế hoạch mà chỉ tiêu báo cáo đo kết quả.' })
export class ItemMeasuresType {
  @Field(() => ID) planId!: string;
  @Field(() => ID) taskId!: string;
}

@ObjectType('ReportDataItem', { registerIn: T, description: 'Chỉ tiêu số liệu của biểu mẫu.' })
export class DataItemType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'Đơn vị tính.' }) unit!: string | null;
  @Field(() => ItemTypeEnum) type!: string;
  @Field() required!: boolean;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => ConsolidationRuleEnum) rule!: string;
  @Field(() => String, { nullable: true }) weightItem!: string | null;
  @Field(() => PrefillRuleEnum, { nullable: true }) prefill!: string | null;
  @Field(() => ItemMeasuresType, { nullable: true, description: 'Nhiệm vụ có chỉ tiêu được so với số liệu này (chấm điểm: Plan.targetAchievement).' })
  measures?: ItemMeasuresType | null;
}

@ObjectType('ReportForm', { registerIn: T })
export class FormType {
  @Field(() => [FormSectionType]) sections!: FormSectionType[];
  @Field(() => [DataItemType]) items!: DataItemType[];
}

@ObjectType('ReportCutOffRule', { registerIn: T })
export class CutOffRuleType {
  @Field(() => CutOffRuleKindEnum) rule!: string;
  @Field(() => Int, { nullable: true }) day?: number | null;
  @Field(() => DateScalar, { nullable: true }) from?: string | null;
  @Field(() => DateScalar, { nullable: true }) to?: string | null;
}

@ObjectType('ReportDeadlineRule', { registerIn: T })
export class DeadlineRuleType {
  @Field(() => ReportingLevelEnum) level!: string;
  @Field(() => DeadlineRuleKindEnum) rule!: string;
  @Field(() => Int, { nullable: true }) days?: number | null;
  @Field(() => Int, { nullable: true }) day?: number | null;
  @Field(() => Int, { nullable: true }) monthsAfter?: number | null;
}

@ObjectType('ReportingUnitSelector', { registerIn: T })
export class SelectorType {
  @Field() text!: string;
  @Field(() => [SelectorLevelEnum]) levels!: string[];
  @Field(() => [ID]) unitCodes!: string[];
}

@ObjectType('ReportingLevelDeadline', { registerIn: T })
export class LevelDeadlineType {
  @Field(() => ReportingLevelEnum) level!: string;
  @Field(() => DateScalar, { description: 'Hạn gửi báo cáo của cấp.' }) dueOn!: string;
  @Field(() => DateScalar, { description: 'Ngày cuối được nhập liệu; sau ngày này báo cáo bị khóa.' }) closesOn!: string;
}

@ObjectType('ReportingPeriod', { registerIn: T, description: 'Một kỳ báo cáo đã mở của một chế độ báo cáo.' })
export class CycleType {
  @Field(() => ID) regimeId!: string;
  @Field() period!: string;
  @Field(() => DateScalar) cutOffFrom!: string;
  @Field(() => DateScalar) cutOffTo!: string;
  @Field(() => [LevelDeadlineType]) deadlines!: LevelDeadlineType[];
  @Field(() => Int, { description: 'Số đơn vị phải báo cáo.' }) expected!: number;
  @Field(() => DateScalar) openedOn!: string;
}

@ObjectType('ReportRegimeFromPlan', {
  registerIn: T,
  description: 'Chế độ báo cáo do nền tảng tạo từ yêu cầu báo cáo của một kế hoạch khi kế hoạch được ban hành.',
})
export class RegimeFromPlanType {
  @Field(() => ID) planId!: string;
  @Field() planNumber!: string;
  @Field(() => Int, { description: 'Thứ tự của yêu cầu báo cáo trong kế hoạch (từ 1).' }) requirement!: number;
}

@ObjectType('ReportRegime', { registerIn: T, description: 'Chế độ báo cáo của một đơn vị.' })
export class RegimeType {
  @Field(() => ID) id!: string;
  @Field(() => ID) ownerCode!: string;
  @Field() name!: string;
  @Field(() => RegimeKindEnum) kind!: string;
  @Field(() => [PeriodTypeEnum]) periodTypes!: string[];
  @Field(() => CutOffRuleType) cutOff!: CutOffRuleType;
  @Field(() => [DeadlineRuleType]) deadlines!: DeadlineRuleType[];
  @Field(() => Int) lockAfterDays!: number;
  @Field(() => SelectorType) selector!: SelectorType;
  @Field(() => FormType) form!: FormType;
  @Field(() => [ID], { description: 'Kế hoạch có yêu cầu báo cáo này: nhiệm vụ được giao của chúng được điền sẵn vào báo cáo.' }) planIds!: string[];
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => RegimeFromPlanType, { nullable: true, description: 'Tạo tự động từ yêu cầu báo cáo của kế hoạch (trống: do người dùng định nghĩa).' })
  fromPlan!: RegimeFromPlanType | null;
  @Field(() => DateScalar) definedOn!: string;
}

@ObjectType('ReportSectionText', { registerIn: T })
export class SectionValueType {
  @Field() code!: string;
  @Field() title!: string;
  @Field() text!: string;
}

@ObjectType('ReportItemValue', { registerIn: T })
export class ItemValueType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => ItemTypeEnum) type!: string;
  @Field(() => Float, { nullable: true }) number!: number | null;
  @Field(() => Boolean, { nullable: true }) yes!: boolean | null;
  @Field(() => String, { nullable: true }) text!: string | null;
}

@ObjectType('ReportAssignmentProgress', { registerIn: T })
export class ProgressLineType {
  @Field(() => DateScalar) on!: string;
  @Field(() => Int) percent!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('ReportAssignmentExtension', { registerIn: T })
export class ExtensionLineType {
  @Field(() => DateScalar) on!: string;
  @Field(() => DateScalar) dueOn!: string;
}

@ObjectType('ReportAssignmentLine', {
  registerIn: T,
  description: 'Một nhiệm vụ được giao của đơn vị, như trong thời gian chốt số liệu (điền sẵn từ dịch vụ nhiệm vụ).',
})
export class AssignmentLineType {
  @Field(() => ID) assignmentId!: string;
  @Field(() => AssignmentRef) assignment!: AssignmentRef;
  @Field(() => ID) planId!: string;
  @Field() planNumber!: string;
  @Field() taskText!: string;
  @Field() status!: string;
  @Field(() => Int) percent!: number;
  @Field(() => [ProgressLineType]) progress!: ProgressLineType[];
  @Field(() => DateScalar, { nullable: true }) completedOn!: string | null;
  @Field() late!: boolean;
  @Field(() => [ExtensionLineType]) extensions!: ExtensionLineType[];
  @Field(() => [DateScalar]) overdueDays!: string[];
}

@ObjectType('ReportChange', { registerIn: T, description: 'Điều đơn vị đã sửa so với phần điền sẵn (để cấp trên thấy).' })
export class ChangeType {
  @Field({ description: 'items.<mã> hoặc sections.<mã>.' }) key!: string;
  @Field(() => JSONScalar, { nullable: true }) prefilled!: unknown;
  @Field(() => JSONScalar, { nullable: true }) entered!: unknown;
}

@ObjectType('ReportReminder', { registerIn: T })
export class ReminderType {
  @Field(() => ReminderKindEnum) kind!: string;
  @Field(() => DateScalar) on!: string;
}

@ObjectType('ReportReopening', { registerIn: T })
export class ReopeningType {
  @Field() reason!: string;
  @Field(() => DateScalar) on!: string;
  @Field(() => DateScalar) until!: string;
}

@ObjectType('Report', { registerIn: T, description: 'Báo cáo của một đơn vị cho một kỳ của một chế độ báo cáo.' })
@Directive('@key(fields: "id")')
export class ReportType {
  @Field(() => ID) id!: string;
  @Field(() => ID) regimeId!: string;
  @Field() regimeName!: string;
  @Field() period!: string;
  @Field(() => ID) unitCode!: string;
  @Field() unitName!: string;
  @Field(() => ReportingLevelEnum) level!: string;
  @Field(() => ReportRoleEnum) role!: string;
  @Field(() => ID, { description: 'Đơn vị xem xét (cấp trên).' }) reviewerCode!: string;
  @Field(() => DateScalar) cutOffFrom!: string;
  @Field(() => DateScalar) cutOffTo!: string;
  @Field(() => DateScalar) dueOn!: string;
  @Field(() => DateScalar) closesOn!: string;
  @Field(() => ReportStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: 'Vì sao và từ ngày nào báo cáo bị khóa (trống khi còn nhập được).' }) lockReason!: string | null;
  @Field(() => [SectionValueType]) sections!: SectionValueType[];
  @Field(() => [ItemValueType]) items!: ItemValueType[];
  @Field(() => [AssignmentLineType]) prefilledAssignments!: AssignmentLineType[];
  @Field(() => [ChangeType]) changes!: ChangeType[];
  @Field(() => DateScalar, { nullable: true }) submittedOn!: string | null;
  @Field({ description: 'Lần gửi đầu sau hạn.' }) late!: boolean;
  @Field(() => DateScalar, { nullable: true }) lastSubmittedOn!: string | null;
  @Field(() => Int) submissions!: number;
  @Field(() => String, { nullable: true }) returnReason!: string | null;
  @Field(() => String, { nullable: true }) waivedReason!: string | null;
  @Field(() => DateScalar, { nullable: true }) acceptedOn!: string | null;
  @Field(() => DateScalar, { nullable: true }) approvedOn!: string | null;
  @Field(() => ReopeningType, { nullable: true }) reopened!: ReopeningType | null;
  @Field(() => [ReminderType]) reminders!: ReminderType[];
  /** For field resolvers: the state behind the view. */
  state!: Report;
}

const valueOf = (value: unknown) => ({
  number: typeof value === 'number' ? value : null,
  yes: typeof value === 'boolean' ? value : null,
  text: typeof value === 'string' ? value : null,
});

/** The GraphQL view of a report on `today` (the lock is the day's). */
export function reportView(report: Report, today: string): ReportType {
  return {
    ...report,
    cutOffFrom: report.cutOff.from,
    cutOffTo: report.cutOff.to,
    lockReason: ['EXPECTED', 'DRAFT', 'RETURNED'].includes(report.status) ? lockOf(report, today) : null,
    sections: report.form.sections.map((section) => ({ code: section.code, title: section.title, text: report.content.sections[section.code] ?? '' })),
    items: report.form.items.map((item) => ({
      code: item.code,
      name: item.name,
      unit: item.unit,
      type: item.type,
      ...valueOf(report.content.items[item.code]),
    })),
    prefilledAssignments: report.prefill.assignments.map((line) => ({
      ...line,
      assignment: { id: line.assignmentId },
      progress: [...line.progress],
      extensions: [...line.extensions],
      overdueDays: [...line.overdueDays],
    })),
    changes: changesAgainstPrefill(report),
    reminders: [...report.reminders],
    state: report,
  };
}

// ── inputs ────────────────────────────────────────────────────────────────────────────────────

@InputType('ReportSectionInput', { registerIn: T })
export class SectionInput {
  @Field() code!: string;
  @Field() text!: string;
}

@InputType('ReportItemInput', {
  registerIn: T,
  description: 'Một giá trị: number cho số, tỷ lệ, đếm; yes cho có/không; text cho văn bản; không có giá trị nào: để trống.',
})
export class ItemInput {
  @Field() code!: string;
  @Field(() => Float, { nullable: true }) number?: number | null;
  @Field(() => Boolean, { nullable: true }) yes?: boolean | null;
  @Field(() => String, { nullable: true }) text?: string | null;
}

@InputType('ReportInput', { registerIn: T })
export class ReportInput {
  @Field(() => [SectionInput], { nullable: true }) sections?: SectionInput[] | null;
  @Field(() => [ItemInput], { nullable: true }) items?: ItemInput[] | null;
}

/** The input as content: a field left out keeps its current value. */
export function contentOf(input: ReportInput, current: Report['content']): Report['content'] {
  const sections = { ...current.sections };
  for (const section of input.sections ?? []) sections[section.code] = section.text;
  const items = { ...current.items };
  for (const item of input.items ?? []) items[item.code] = item.number ?? item.yes ?? item.text ?? null;
  return { sections, items };
}
