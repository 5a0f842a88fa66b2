import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@reform/subgraph';
import { SCORING_GRAPHQL_TYPES } from '../../graphql-types';

@ObjectType('ScoringTier', { registerIn: SCORING_GRAPHQL_TYPES })
export class ScoringTierType {
  @Field() label!: string;
  @Field(() => Float) score!: number;
}

@ObjectType('FrameworkCriterion', {
  registerIn: SCORING_GRAPHQL_TYPES,
  description: 'Một lĩnh vực, tiêu chí hoặc tiêu chí thành phần (danh sách phẳng theo thứ tự; parentCode chỉ cấp trên).',
})
export class FrameworkCriterionType {
  @Field() code!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => Int, { description: '0: lĩnh vực; 1: tiêu chí; 2: tiêu chí thành phần…' }) depth!: number;
  @Field() name!: string;
  @Field(() => Float) maxScore!: number;
  @Field({ description: 'Được chấm điểm trực tiếp (không có tiêu chí con).' }) scored!: boolean;
  @Field({ description: 'FIXED (chấm điểm 0 – tối đa), YES_NO (có/không), TIERS (theo mức), PERCENT_SCALE (theo tỷ lệ %).' }) rule!: string;
  @Field(() => [ScoringTierType]) tiers!: ScoringTierType[];
  @Field(() => String, { nullable: true, description: 'Tài liệu kiểm chứng cần có.' }) evidence!: string | null;
  @Field({ description: 'UNIT (đơn vị tự chấm), COUNCIL (hội đồng thẩm định), SURVEY (điều tra xã hội học).' }) scoredBy!: string;
  @Field({ description: 'Đơn vị không có chức năng tương ứng được bỏ qua (tổng điểm quy đổi lại).' }) skippable!: boolean;
  @Field({ description: 'MINH HỌA: không lấy từ văn bản chính thức.' }) illustrative!: boolean;
}

@ObjectType('GradeBand', { registerIn: SCORING_GRAPHQL_TYPES })
export class GradeBandType {
  @Field() name!: string;
  @Field(() => Float) minPercent!: number;
}

@ObjectType('PapiEditionIndicator', { registerIn: SCORING_GRAPHQL_TYPES })
export class PapiEditionIndicatorType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Int, { description: 'Năm khảo sát đầu tiên của phiên bản.' }) fromYear!: number;
}

@ObjectType('Framework', { registerIn: SCORING_GRAPHQL_TYPES, description: 'Một bộ chỉ số (CCHC) hoặc phiên bản chỉ số PAPI, theo phiên bản đã công bố.' })
export class FrameworkType {
  @Field(() => ID) code!: string;
  @Field(() => Int) version!: number;
  @Field({ description: 'PAR_INDEX_SET, PAPI_EDITION hoặc LISTED (bộ chỉ số kế hoạch có thể dẫn chiếu, nền tảng không liệt kê tiêu chí).' }) kind!: string;
  @Field() name!: string;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => String, { nullable: true, description: 'Cấp được đánh giá: COMMUNE, DISTRICT, DEPARTMENT.' }) level!: string | null;
  @Field(() => ID, { nullable: true }) issuerCode!: string | null;
  @Field(() => Float, { nullable: true }) maxTotal!: number | null;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field({ description: 'Có giá trị minh họa (không lấy từ văn bản chính thức).' }) illustrative!: boolean;
  @Field(() => [GradeBandType]) grades!: GradeBandType[];
  @Field(() => [FrameworkCriterionType]) criteria!: FrameworkCriterionType[];
  @Field(() => [PapiEditionIndicatorType], { description: 'Chỉ số nội dung và nội dung thành phần của PAPI theo năm.' })
  papiIndicators!: PapiEditionIndicatorType[];
  @Field(() => DateScalar) publishedOn!: string;
  @Field(() => String, { nullable: true, description: 'Tệp đã nạp (Excel).' }) fileName!: string | null;
}
