import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '@reform/subgraph';
import { QUARTILE_GROUPS, QuartileGroup } from '../../domain/ranking';
import { SCORING_GRAPHQL_TYPES } from '../../graphql-types';

export const QuartileGroupEnum = Object.fromEntries(QUARTILE_GROUPS.map((g) => [g, g])) as Record<QuartileGroup, QuartileGroup>;
registerEnumType(QuartileGroupEnum, {
  registerIn: SCORING_GRAPHQL_TYPES,
  name: 'QuartileGroup',
  description: 'Nhóm theo tứ phân vị: HIGHEST (cao nhất, ≥ 75%), HIGH_AVERAGE (trung bình cao), LOW_AVERAGE (trung bình thấp), LOWEST (thấp nhất, < 25%).',
});
export const ImportFormatEnum = { CSV: 'CSV', XLSX: 'XLSX' } as const;
registerEnumType(ImportFormatEnum, { registerIn: SCORING_GRAPHQL_TYPES, name: 'ImportFormat', description: 'CSV (văn bản UTF-8) hoặc XLSX (base64).' });

/** A unit as the directory subgraph resolves it (by code). */
@ObjectType('Unit', { registerIn: SCORING_GRAPHQL_TYPES })
@Directive('@key(fields: "code")')
export class UnitRef {
  @Field(() => ID) code!: string;
}

@ObjectType('PapiSubDimensionScore', { registerIn: SCORING_GRAPHQL_TYPES })
export class PapiSubDimensionScoreType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Float, { nullable: true }) score!: number | null;
}

@ObjectType('PapiDimensionResult', { registerIn: SCORING_GRAPHQL_TYPES, description: 'Điểm một chỉ số nội dung, thứ hạng và nhóm của nó trong năm.' })
export class PapiDimensionResultType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Int, { nullable: true }) rank!: number | null;
  @Field(() => QuartileGroupEnum, { nullable: true }) group!: QuartileGroup | null;
  @Field(() => [PapiSubDimensionScoreType]) subDimensions!: PapiSubDimensionScoreType[];
}

@ObjectType('PapiProvinceResult', {
  registerIn: SCORING_GRAPHQL_TYPES,
  description: 'Kết quả PAPI của một tỉnh trong một năm; tỉnh không có tổng điểm là "không xếp hạng", không phải 0 điểm.',
})
export class PapiProvinceResultType {
  @Field(() => Int) year!: number;
  @Field(() => ID) provinceCode!: string;
  @Field() provinceName!: string;
  @Field(() => UnitRef) province!: UnitRef;
  @Field({ description: 'Được xếp hạng trong năm (có đủ 8 chỉ số nội dung).' }) ranked!: boolean;
  @Field(() => Float, { nullable: true }) total!: number | null;
  @Field(() => Int, { nullable: true }) rank!: number | null;
  @Field(() => Int, { description: 'Số tỉnh được xếp hạng trong năm.' }) rankedCount!: number;
  @Field(() => QuartileGroupEnum, { nullable: true }) group!: QuartileGroup | null;
  @Field(() => [PapiDimensionResultType]) dimensions!: PapiDimensionResultType[];
  @Field(() => Float, { nullable: true, description: 'Tổng điểm năm trước.' }) previousTotal!: number | null;
  @Field(() => Int, { nullable: true, description: 'Thứ hạng năm trước.' }) previousRank!: number | null;
  @Field(() => Float, { nullable: true, description: 'Tăng (+) / giảm (−) tổng điểm so với năm trước.' }) totalChange!: number | null;
  @Field(() => Int, { nullable: true, description: 'Số bậc tăng (+) / giảm (−) so với năm trước.' }) rankChange!: number | null;
}

@ObjectType('PapiYear', { registerIn: SCORING_GRAPHQL_TYPES, description: 'Kết quả PAPI một năm đã nhập.' })
export class PapiYearType {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'Lần nhập (tăng khi nhập lại bảng đã sửa).' }) revision!: number;
  @Field(() => Int) provinces!: number;
  @Field(() => Int) ranked!: number;
  @Field() fileName!: string;
  @Field() sha256!: string;
  @Field(() => DateScalar) importedOn!: string;
}
