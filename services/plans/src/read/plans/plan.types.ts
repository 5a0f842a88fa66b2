import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, historyTypes, JSONScalar, pageType } from '@reform/subgraph';
import { PLANS_GRAPHQL_TYPES } from '../../graphql-types';

export enum PlanStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  CLOSED = 'CLOSED',
}
registerEnumType(PlanStatus, {
  registerIn: PLANS_GRAPHQL_TYPES,
  name: 'PlanStatus',
  description: 'DRAFT (dự thảo), ISSUED (đã ban hành), CLOSED (đã kết thúc).',
});

/** The directory's Unit, referenced by code; the directory subgraph resolves its fields. */
@ObjectType('Unit', { registerIn: PLANS_GRAPHQL_TYPES })
@Directive('@key(fields: "code", resolvable: false)')
export class UnitReference {
  @Field(() => ID) code!: string;
}

/** History types of this subgraph: `actor.unit` is its `Unit` reference (libs/subgraph historyTypes). */
export const { HistoryEntryType, HistoryActorType, HistoryPageType } = historyTypes(PLANS_GRAPHQL_TYPES, () => UnitReference);

@ObjectType('PlanIndicator', { registerIn: PLANS_GRAPHQL_TYPES, description: 'Chỉ số / tiêu chí thành phần của bộ chỉ số mà mục phục vụ.' })
export class PlanIndicatorType {
  @Field({
    description:
      'Mã bộ chỉ số trong danh mục (do dịch vụ chấm điểm công bố): PAPI, PAR_INDEX, SIPAS, ICT_INDEX, DDCI, OTHER, hoặc mã một bộ chỉ số CCHC đã nạp.',
  })
  framework!: string;
  @Field() code!: string;
  /** Not a field: the plan's year, for the edition the name is read from (PlanIndicatorResolver). */
  year!: number;
}

@ObjectType('PlanTarget', { registerIn: PLANS_GRAPHQL_TYPES, description: 'Chỉ tiêu như đã viết, và cách hệ thống hiểu.' })
export class PlanTargetType {
  @Field() text!: string;
  @Field({ description: 'percentage, count, coverage, rank, all, text' }) kind!: string;
  @Field(() => JSONScalar) parsed!: unknown;
}

@ObjectType('PlanTimeframe', { registerIn: PLANS_GRAPHQL_TYPES, description: 'Thời gian thực hiện như đã viết, cách hệ thống hiểu, và hạn (nếu có).' })
export class PlanTimeframeType {
  @Field() text!: string;
  @Field({ description: 'ongoing, due, range, quarter, half, month, yearly, year, within, relative, unspecified' }) kind!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Hạn hoàn thành, khi thời gian thực hiện cho một ngày cụ thể.' }) dueOn!: string | null;
  @Field(() => JSONScalar) parsed!: unknown;
}

@ObjectType('PlanUnitCell', {
  registerIn: PLANS_GRAPHQL_TYPES,
  description: 'Một ô đơn vị (chủ trì, thực hiện, theo dõi): như đã viết, và các đơn vị đã xác định khi ban hành.',
})
export class PlanUnitCellType {
  @Field() text!: string;
  @Field(() => [ID], { description: 'Mã đơn vị người soạn chọn thêm.' }) unitCodes!: string[];
  @Field(() => [UnitReference], { description: 'Đơn vị đã xác định vào ngày ban hành (trống khi còn dự thảo).' }) units!: UnitReference[];
  @Field(() => [String], { description: 'Phần chữ không xác định được đơn vị nào.' }) unresolved!: string[];
}

@ObjectType('PlanTask', { registerIn: PLANS_GRAPHQL_TYPES, description: 'Một nhiệm vụ (một dòng của phụ lục).' })
export class PlanTaskType {
  @Field(() => ID, { description: 'Mã ổn định trong kế hoạch: t1, t2...' }) id!: string;
  @Field(() => String, { nullable: true }) ordinal!: string | null;
  @Field() text!: string;
  @Field(() => PlanTargetType, { nullable: true }) target!: PlanTargetType | null;
  @Field(() => PlanTimeframeType, { nullable: true }) timeframe!: PlanTimeframeType | null;
  @Field(() => PlanUnitCellType, { nullable: true }) lead!: PlanUnitCellType | null;
  @Field(() => PlanUnitCellType, { nullable: true }) implementing!: PlanUnitCellType | null;
  @Field(() => PlanUnitCellType, { nullable: true }) monitoring!: PlanUnitCellType | null;
  @Field(() => String, { nullable: true }) expectedResult!: string | null;
}

@ObjectType('PlanSection', { registerIn: PLANS_GRAPHQL_TYPES, description: 'Một mục của phụ lục: chỉ số nội dung / tiêu chí thành phần.' })
export class PlanSectionType {
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field() title!: string;
  @Field(() => PlanIndicatorType, { nullable: true }) indicator!: PlanIndicatorType | null;
  @Field(() => [PlanTaskType]) tasks!: PlanTaskType[];
  @Field(() => [PlanSectionType]) sections!: PlanSectionType[];
}

@ObjectType('AppendixColumns', { registerIn: PLANS_GRAPHQL_TYPES, description: 'Tên các cột của phụ lục như kế hoạch ghi.' })
export class AppendixColumnsType {
  @Field(() => String, { nullable: true }) lead!: string | null;
  @Field(() => String, { nullable: true }) implementing!: string | null;
  @Field(() => String, { nullable: true }) monitoring!: string | null;
  @Field({ description: 'Một cột vừa chủ trì vừa theo dõi.' }) leadMonitors!: boolean;
}

@ObjectType('PlanCascade', { registerIn: PLANS_GRAPHQL_TYPES, description: 'Yêu cầu đơn vị cấp dưới ban hành kế hoạch thực hiện.' })
export class PlanCascadeType {
  @Field() text!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Hạn, khi đã ban hành.' }) dueOn!: string | null;
  @Field(() => [UnitReference], { description: 'Đơn vị cấp dưới phải ban hành (xác định khi ban hành).' }) units!: UnitReference[];
}

@ObjectType('PlanReportingRequirement', {
  registerIn: PLANS_GRAPHQL_TYPES,
  description: 'Một yêu cầu báo cáo của kế hoạch; khi ban hành, dịch vụ báo cáo tạo (hoặc gắn) chế độ báo cáo tương ứng.',
})
export class PlanReportingRequirementType {
  @Field() text!: string;
  @Field(() => ID, { nullable: true, description: 'Chế độ báo cáo đã có được gắn; trống: tạo chế độ mới khi ban hành.' }) regimeId!: string | null;
}

@ObjectType('PlanAmendment', { registerIn: PLANS_GRAPHQL_TYPES, description: 'Một lần điều chỉnh kế hoạch.' })
export class PlanAmendmentType {
  @Field(() => Int) revision!: number;
  @Field() reason!: string;
  @Field(() => DateScalar) amendedOn!: string;
}

@ObjectType('Plan', { registerIn: PLANS_GRAPHQL_TYPES, description: 'Kế hoạch (Kế hoạch số .../KH-UBND) của một đơn vị, với phụ lục nhiệm vụ.' })
@Directive('@key(fields: "id")')
export class PlanType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Số kế hoạch, ví dụ "154/KH-UBND".' }) number!: string;
  @Field() title!: string;
  @Field(() => UnitReference) issuer!: UnitReference;
  @Field(() => ID) issuerCode!: string;
  @Field(() => DateScalar, { nullable: true }) documentDate!: string | null;
  @Field(() => DateScalar, { nullable: true }) issuedOn!: string | null;
  @Field(() => Int) year!: number;
  @Field(() => Int, { nullable: true, description: 'Năm cuối của kế hoạch; trống: không có năm cuối ("và những năm tiếp theo").' }) endYear!: number | null;
  @Field(() => PlanStatus) status!: PlanStatus;
  @Field(() => Int, { nullable: true, description: '1 khi ban hành, 2, 3... sau mỗi lần điều chỉnh; trống khi còn dự thảo.' }) revision!: number | null;
  @Field(() => [String]) frameworks!: string[];
  @Field(() => ID, { nullable: true }) implementsPlanId!: string | null;
  @Field(() => String, { nullable: true, description: 'Văn bản cấp trên như đã viết.' }) implementsText!: string | null;
  @Field(() => String, { nullable: true }) purposes!: string | null;
  @Field(() => String, { nullable: true }) requirements!: string | null;
  @Field(() => AppendixColumnsType, { nullable: true }) columns!: AppendixColumnsType | null;
  @Field(() => [PlanSectionType]) sections!: PlanSectionType[];
  @Field(() => PlanCascadeType, { nullable: true }) cascade!: PlanCascadeType | null;
  @Field(() => [PlanReportingRequirementType]) reportingRequirements!: PlanReportingRequirementType[];
  @Field(() => [PlanAmendmentType]) amendments!: PlanAmendmentType[];
  @Field(() => DateScalar, { nullable: true }) closedOn!: string | null;
  @Field(() => String, { nullable: true }) closeReason!: string | null;
}

/** The most plans one answer of a plan list holds; more are paged (API.md). */
export const PLAN_PAGE_MAX = 500;

export const PlanPageType = pageType<PlanType>('PlanPage', () => PlanType, {
  registerIn: PLANS_GRAPHQL_TYPES,
  description: 'Một trang kế hoạch: các kế hoạch, tổng số, còn trang sau hay không.',
});
