import { Args, Directive, Field, ID, ObjectType, Parent, Query, registerEnumType, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { SignedIn } from '@reform/auth';
import { DateScalar, DateTimeScalar, vietnamDay } from '@reform/subgraph';
import { UNIT_LEVELS, UnitLevel } from '../../domain/unit/unit.decider';
import { UnitDirectory, UnitView } from './unit-directory';
import { DIRECTORY_GRAPHQL_TYPES } from '../../graphql-types';

export const UnitLevelEnum = Object.fromEntries(UNIT_LEVELS.map((level) => [level, level])) as Record<UnitLevel, UnitLevel>;
registerEnumType(UnitLevelEnum, { registerIn: DIRECTORY_GRAPHQL_TYPES,
  name: 'UnitLevel',
  description: 'PROVINCE (tỉnh), DISTRICT (huyện), COMMUNE (xã), AGENCY (cơ quan, đơn vị trực thuộc: Sở, Phòng, Bộ phận, UBMTTQ, Công an...)',
});

@ObjectType('Unit', { registerIn: DIRECTORY_GRAPHQL_TYPES, description: 'Đơn vị hành chính hoặc cơ quan trực thuộc, như tại một ngày (asOf) hoặc như ghi nhận gần nhất.' })
@Directive('@key(fields: "code")')
export class UnitType {
  @Field(() => ID) code!: string;
  @Field({ description: 'Tên đầy đủ, ví dụ "Huyện Thăng Bình".' }) name!: string;
  @Field({ description: 'Loại: Tỉnh, Thành phố Trung ương, Huyện, Quận, Thị xã, Thành phố, Xã, Phường, Thị trấn, hoặc loại cơ quan.' }) type!: string;
  @Field(() => UnitLevelEnum) level!: UnitLevel;
  @Field(() => String, { nullable: true, description: 'Loại cơ quan (Sở, Phòng, Bộ phận...) khi level = AGENCY.' }) kind!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Ngày bắt đầu hiệu lực; trống nếu trước thời điểm có dữ liệu.' }) validFrom!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Ngày hết hiệu lực (sáp nhập, giải thể).' }) validTo!: string | null;
  @Field() dissolved!: boolean;
}

const dayOf = (asOf: Date | null | undefined) => (asOf ? vietnamDay(asOf) : null);
const today = () => vietnamDay(new Date());

/**
 * `unit` and `units` of API.md. Nested fields answer for the same day as the query that reached
 * the unit (its `asOf`, else today).
 */
@Resolver(() => UnitType)
export class UnitResolver {
  constructor(private readonly directory: UnitDirectory) {}

  // The list of units (names and structure) is readable by any signed-in user.
  @SignedIn()
  @Query(() => UnitType, { nullable: true, description: 'Một đơn vị theo mã; với asOf: như tại thời điểm đó (null nếu khi đó chưa có hoặc đã hết hiệu lực).' })
  unit(@Args('code', { type: () => ID }) code: string, @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: Date | null): Promise<UnitView | null> {
    return this.directory.unit(code, dayOf(asOf), today());
  }

  @SignedIn()
  @Query(() => [UnitType], { description: 'Các đơn vị theo đơn vị cấp trên và/hoặc cấp, tại thời điểm asOf (mặc định: hôm nay).' })
  units(
    @Args('parentCode', { type: () => ID, nullable: true }) parentCode?: string | null,
    @Args('level', { type: () => UnitLevelEnum, nullable: true }) level?: UnitLevel | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: Date | null,
  ): Promise<UnitView[]> {
    return this.directory.units({ parentCode, level }, dayOf(asOf) ?? today());
  }

  @SignedIn()
  @ResolveField(() => UnitType, { nullable: true, description: 'Đơn vị cấp trên tại cùng ngày.' })
  parent(@Parent() unit: UnitView): Promise<UnitView | null> {
    return unit.parentCode ? this.directory.unit(unit.parentCode, unit.day, unit.day) : Promise.resolve(null);
  }

  @SignedIn()
  @ResolveField(() => [UnitType], { description: 'Đơn vị hành chính trực thuộc tại cùng ngày (không gồm cơ quan; xem agencies).' })
  children(@Parent() unit: UnitView, @Args('level', { type: () => UnitLevelEnum, nullable: true }) level?: UnitLevel | null): Promise<UnitView[]> {
    return this.directory.units({ parentCode: unit.code, level, agencies: level === 'AGENCY' ? true : level ? undefined : false }, unit.day);
  }

  @SignedIn()
  @ResolveField(() => [UnitType], { description: 'Cơ quan, đơn vị trực thuộc (Sở, Phòng, Bộ phận, UBMTTQ, Công an...).' })
  agencies(@Parent() unit: UnitView): Promise<UnitView[]> {
    return this.directory.units({ parentCode: unit.code, agencies: true }, unit.day);
  }

  @SignedIn()
  @ResolveField(() => [UnitType], { description: 'Các cấp trên, từ gần đến xa, tại cùng ngày.' })
  async ancestors(@Parent() unit: UnitView): Promise<UnitView[]> {
    return unit.parentCode ? this.directory.ancestry(unit.parentCode, unit.day) : [];
  }

  @SignedIn()
  @ResolveField(() => UnitType, { nullable: true, description: 'Đơn vị đã nhận sáp nhập đơn vị này.' })
  mergedInto(@Parent() unit: UnitView): Promise<UnitView | null> {
    return unit.mergedInto ? this.directory.unit(unit.mergedInto, null, today()) : Promise.resolve(null);
  }

  @SignedIn()
  @ResolveReference()
  resolveReference(@Parent() reference: { code: string }): Promise<UnitView | null> {
    return this.directory.unit(reference.code, null, today());
  }
}
