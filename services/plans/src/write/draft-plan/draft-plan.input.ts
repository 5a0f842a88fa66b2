import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '@reform/subgraph';
import { PLANS_GRAPHQL_TYPES } from '../../graphql-types';

export enum CascadeLevel {
  COMMUNE = 'COMMUNE',
  DISTRICT = 'DISTRICT',
  AGENCY = 'AGENCY',
}
registerEnumType(CascadeLevel, {
  registerIn: PLANS_GRAPHQL_TYPES,
  name: 'CascadeLevel',
  description: 'Cấp của đơn vị trực thuộc phải ban hành kế hoạch thực hiện.',
});

@InputType({ registerIn: PLANS_GRAPHQL_TYPES, description: 'Một ô đơn vị như đã viết ("UBND các xã, thị trấn"), và mã đơn vị chọn thêm.' })
export class UnitCellInput {
  @Field() text!: string;
  @Field(() => [ID], { nullable: true, description: 'Đơn vị chọn thêm (mã), cộng vào những đơn vị xác định từ chữ.' }) unitCodes?: string[] | null;
}

@InputType({ registerIn: PLANS_GRAPHQL_TYPES, description: 'Một nhiệm vụ (một dòng của phụ lục).' })
export class DraftTaskInput {
  @Field(() => ID, { nullable: true, description: 'Mã ổn định; để trống thì hệ thống cấp t1, t2... theo thứ tự.' }) taskId?: string | null;
  @Field(() => String, { nullable: true }) ordinal?: string | null;
  @Field() text!: string;
  @Field(() => String, { nullable: true, description: 'Chỉ tiêu như đã viết.' }) target?: string | null;
  @Field(() => UnitCellInput, { nullable: true, description: 'Đơn vị / đầu mối chủ trì.' }) lead?: UnitCellInput | null;
  @Field(() => UnitCellInput, { nullable: true, description: 'Đơn vị thực hiện.' }) implementing?: UnitCellInput | null;
  @Field(() => UnitCellInput, { nullable: true, description: 'Cơ quan theo dõi.' }) monitoring?: UnitCellInput | null;
  @Field(() => String, { nullable: true, description: 'Thời gian thực hiện như đã viết ("Quý III/2020", "Thường xuyên").' }) timeframe?: string | null;
  @Field(() => String, { nullable: true }) expectedResult?: string | null;
}

@InputType({ registerIn: PLANS_GRAPHQL_TYPES })
export class IndicatorInput {
  @Field({ description: 'PAPI, PAR_INDEX, SIPAS, ICT_INDEX, DDCI, OTHER' }) framework!: string;
  @Field({ description: 'Ví dụ "1.1".' }) code!: string;
}

@InputType({ registerIn: PLANS_GRAPHQL_TYPES, description: 'Một mục của phụ lục (chỉ số nội dung / tiêu chí thành phần).' })
export class DraftSectionInput {
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field() title!: string;
  @Field(() => IndicatorInput, { nullable: true }) indicator?: IndicatorInput | null;
  @Field(() => [DraftTaskInput], { defaultValue: [] }) tasks!: DraftTaskInput[];
  @Field(() => [DraftSectionInput], { nullable: true }) sections?: DraftSectionInput[] | null;
}

@InputType({ registerIn: PLANS_GRAPHQL_TYPES })
export class AppendixColumnsInput {
  @Field(() => String, { nullable: true }) lead?: string | null;
  @Field(() => String, { nullable: true }) implementing?: string | null;
  @Field(() => String, { nullable: true }) monitoring?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Một cột vừa chủ trì vừa theo dõi ("Đơn vị chủ trì theo dõi").' }) leadMonitors?: boolean | null;
}

@InputType({ registerIn: PLANS_GRAPHQL_TYPES, description: 'Yêu cầu đơn vị trực thuộc ban hành kế hoạch thực hiện: trong số ngày, hoặc trước một ngày.' })
export class CascadeInput {
  @Field() text!: string;
  @Field(() => Int, { nullable: true }) withinDays?: number | null;
  @Field(() => DateScalar, { nullable: true }) dueOn?: string | null;
  @Field(() => [CascadeLevel], { nullable: true, description: 'Mặc định: xã và cơ quan trực thuộc.' }) levels?: CascadeLevel[] | null;
}

@InputType({
  registerIn: PLANS_GRAPHQL_TYPES,
  description: 'Một yêu cầu báo cáo của kế hoạch, như văn bản đã viết; khi ban hành, dịch vụ báo cáo tạo chế độ báo cáo từ đó (hoặc gắn với chế độ đã có).',
})
export class ReportingRequirementInput {
  @Field({ description: 'Ví dụ: "báo cáo kết quả về UBND huyện định kỳ hằng quý, 6 tháng, 9 tháng và năm", "báo cáo sơ kết trước ngày 15/9/2021".' })
  text!: string;
  @Field(() => ID, { nullable: true, description: 'Chế độ báo cáo đã có mà yêu cầu này gắn vào (không tạo chế độ mới).' }) regimeId?: string | null;
}

@InputType({ registerIn: PLANS_GRAPHQL_TYPES, description: 'Dự thảo kế hoạch, như văn bản đã viết.' })
export class DraftPlanInput {
  @Field({ description: 'Số kế hoạch, ví dụ "154/KH-UBND".' }) number!: string;
  @Field() title!: string;
  @Field(() => ID) issuerCode!: string;
  @Field(() => DateScalar, { nullable: true }) documentDate?: string | null;
  @Field(() => Int) year!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      'Năm cuối của kế hoạch. Không nhập: đọc từ tên ("giai đoạn 2021 - 2025"; "năm 2023 và những năm tiếp theo" là không có năm cuối); null: không có năm cuối, nhiệm vụ thường xuyên lặp lại đến khi kết thúc kế hoạch.',
  })
  endYear?: number | null;
  @Field(() => [String], { description: 'Mã bộ chỉ số: PAPI, PAR_INDEX, SIPAS, ICT_INDEX, DDCI, OTHER.' }) frameworks!: string[];
  @Field(() => ID, { nullable: true }) implementsPlanId?: string | null;
  @Field(() => String, { nullable: true }) implementsText?: string | null;
  @Field(() => String, { nullable: true }) purposes?: string | null;
  @Field(() => String, { nullable: true }) requirements?: string | null;
  @Field(() => AppendixColumnsInput, { nullable: true }) columns?: AppendixColumnsInput | null;
  @Field(() => [DraftSectionInput]) sections!: DraftSectionInput[];
  @Field(() => CascadeInput, { nullable: true }) cascade?: CascadeInput | null;
  @Field(() => [ReportingRequirementInput], { nullable: true, description: 'Yêu cầu báo cáo (mục tổ chức thực hiện).' }) reportingRequirements?:
    ReportingRequirementInput[] | null;
}
