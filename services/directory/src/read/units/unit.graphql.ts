import { Inject } from '@nestjs/common';
import { Args, Directive, Field, ID, Int, ObjectType, Parent, Query, registerEnumType, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { SignedIn } from '@reform/auth';
import { EVENT_STORE, EventStore } from '@reform/event-store';
import { DateScalar, DateTimeScalar, Page, pageOf, pageType, pageWindow, refuseSilentCut, vietnamDay, windowOf } from '@reform/subgraph';
import { UNIT_LEVELS, UnitLevel } from '../../domain/unit/unit.decider';
import { UnitDirectory, UnitView } from './unit-directory';
import { UnitsAsRecorded } from './unit-as-recorded';
import { DIRECTORY_GRAPHQL_TYPES } from '../../graphql-types';
import { CLOCK, Clock, todayOf } from '@reform/clock';

export const UnitLevelEnum = Object.fromEntries(UNIT_LEVELS.map((level) => [level, level])) as Record<UnitLevel, UnitLevel>;
registerEnumType(UnitLevelEnum, {
  registerIn: DIRECTORY_GRAPHQL_TYPES,
  name: 'UnitLevel',
  description: 'PROVINCE (tỉnh), DISTRICT (huyện), COMMUNE (xã), AGENCY (cơ quan, đơn vị trực thuộc: Sở, Phòng, Bộ phận, UBMTTQ, Công an...)',
});

@ObjectType('Unit', {
  registerIn: DIRECTORY_GRAPHQL_TYPES,
  description:
    'Đơn vị hành chính hoặc cơ quan trực thuộc, như tại một ngày (asOf) hoặc như ghi nhận gần nhất; với recordedAsOf: như nền tảng đã ghi nhận tại thời điểm đó.',
})
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
  @Field(() => [String], {
    description: 'Các tên gọi khác, viết tắt mà văn bản hay dùng ("Sở LĐ-TB&XH"); kế hoạch khớp tên đơn vị theo cả tên chính thức và các tên này.',
  })
  aliases!: string[];
  @Field(() => String, { nullable: true, description: 'Văn bản đã chấm dứt đơn vị (sáp nhập, chia tách, giải thể), nếu có ghi nhận.' }) endSource!:
    string | null;
}

/** The most units one answer of `units` holds (a level of the whole country is 10,047 communes); `unitPage` pages them. */
export const UNIT_PAGE_MAX = 1_000;

export const UnitPageType = pageType<UnitView>('UnitPage', () => UnitType, {
  registerIn: DIRECTORY_GRAPHQL_TYPES,
  description: 'Một trang đơn vị: các đơn vị, tổng số, còn trang sau hay không.',
});

export const LineageRelationEnum = { MERGED_INTO: 'MERGED_INTO', SPLIT_INTO: 'SPLIT_INTO' } as const;
registerEnumType(LineageRelationEnum, {
  registerIn: DIRECTORY_GRAPHQL_TYPES,
  name: 'LineageRelation',
  description: 'MERGED_INTO: toàn bộ đơn vị nhập vào đơn vị kia; SPLIT_INTO: một phần của đơn vị chuyển vào đơn vị kia (chia tách).',
});

/** One step of lineage: the unit at the other end, with the relation and the act. */
interface LineageView {
  readonly relation: keyof typeof LineageRelationEnum;
  readonly effectiveOn: string;
  readonly source: string | null;
  readonly code: string;
  /** Whom to ask: the unit at the other end is read as last recorded, answering for `day`. */
  readonly day: string;
}

@ObjectType('UnitLineage', {
  registerIn: DIRECTORY_GRAPHQL_TYPES,
  description: 'Một quan hệ kế thừa giữa đơn vị cũ và đơn vị mới (sắp xếp đơn vị hành chính).',
})
export class UnitLineageType {
  @Field(() => LineageRelationEnum) relation!: keyof typeof LineageRelationEnum;
  @Field(() => DateScalar, { description: 'Ngày có hiệu lực.' }) effectiveOn!: string;
  @Field(() => String, { nullable: true, description: 'Văn bản quyết định (nghị quyết, luật...).' }) source!: string | null;
}

@Resolver(() => UnitLineageType)
export class UnitLineageResolver {
  constructor(
    private readonly directory: UnitDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @SignedIn()
  @ResolveField(() => UnitType, { nullable: true, description: 'Đơn vị ở đầu kia của quan hệ, như ghi nhận gần nhất.' })
  unit(@Parent() lineage: LineageView): Promise<UnitView | null> {
    return this.directory.unit(lineage.code, null, todayOf(this.clock));
  }
}

const dayOf = (asOf: Date | null | undefined) => (asOf ? vietnamDay(asOf) : null);

/**
 * `unit` and `units` of API.md. Nested fields answer for the same day as the query that reached
 * the unit (its `asOf`, else today). Two times (ADR 0012): `asOf` is valid time (the unit as it
 * legally was on that day), `recordedAsOf` record time (the unit as the platform had recorded it
 * at that instant, folded from its stream with the decider's evolve, not from the read model).
 */
@Resolver(() => UnitType)
export class UnitResolver {
  private readonly asRecorded: UnitsAsRecorded;

  constructor(
    private readonly directory: UnitDirectory,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.asRecorded = new UnitsAsRecorded(store);
  }

  // The list of units (names and structure) is readable by any signed-in user.
  @SignedIn()
  @Query(() => UnitType, {
    nullable: true,
    description:
      'Một đơn vị theo mã; với asOf: như tại ngày đó (null nếu khi đó chưa có hoặc đã hết hiệu lực); với recordedAsOf: như đã ghi nhận tại thời điểm đó (null nếu khi đó chưa được ghi nhận).',
  })
  unit(
    @Args('code', { type: () => ID }) code: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true, description: 'Thời gian hiệu lực: đơn vị như về mặt pháp lý tại ngày này (giờ Việt Nam).' })
    asOf?: Date | null,
    @Args('recordedAsOf', {
      type: () => DateTimeScalar,
      nullable: true,
      description:
        'Thời gian ghi nhận: đơn vị như nền tảng đã ghi nhận tại thời điểm này, tính bằng cách gấp các sự kiện của đơn vị đến thời điểm đó. Kết hợp được với asOf (ngày hiệu lực).',
    })
    recordedAsOf?: Date | null,
  ): Promise<UnitView | null> {
    if (recordedAsOf) return this.asRecorded.unit(code, recordedAsOf, { day: dayOf(asOf), today: todayOf(this.clock) });
    return this.directory.unit(code, dayOf(asOf), todayOf(this.clock));
  }

  @SignedIn()
  @Query(() => [UnitType], {
    description: `Các đơn vị theo đơn vị cấp trên và/hoặc cấp, tại thời điểm asOf (mặc định: hôm nay), theo bản ghi hiện tại (thời gian ghi nhận recordedAsOf: chỉ ở unit). Tối đa ${UNIT_PAGE_MAX} đơn vị một lần (limit, offset; hoặc unitPage).`,
  })
  async units(
    @Args('parentCode', { type: () => ID, nullable: true }) parentCode?: string | null,
    @Args('level', { type: () => UnitLevelEnum, nullable: true }) level?: UnitLevel | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: Date | null,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số đơn vị bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số đơn vị tối đa trả về (1–${UNIT_PAGE_MAX}).` }) limit?: number | null,
  ): Promise<UnitView[]> {
    const window = pageWindow({ offset, limit }, UNIT_PAGE_MAX);
    const all = await this.directory.units({ parentCode, level }, dayOf(asOf) ?? todayOf(this.clock));
    refuseSilentCut(all.length, window, 'đơn vị', 'unitPage');
    return windowOf(all, window);
  }

  @SignedIn()
  @Query(() => UnitPageType, { description: `Như units, theo trang (tối đa ${UNIT_PAGE_MAX} đơn vị), có tổng số.` })
  async unitPage(
    @Args('parentCode', { type: () => ID, nullable: true }) parentCode?: string | null,
    @Args('level', { type: () => UnitLevelEnum, nullable: true }) level?: UnitLevel | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: Date | null,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số đơn vị bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số đơn vị của trang (1–${UNIT_PAGE_MAX}; mặc định ${UNIT_PAGE_MAX}).` })
    limit?: number | null,
  ): Promise<Page<UnitView>> {
    const window = pageWindow({ offset, limit }, UNIT_PAGE_MAX);
    const all = await this.directory.units({ parentCode, level }, dayOf(asOf) ?? todayOf(this.clock));
    return pageOf(windowOf(all, window), all.length, window);
  }

  @SignedIn()
  @ResolveField(() => UnitType, { nullable: true, description: 'Đơn vị cấp trên tại cùng ngày (và như ghi nhận tại cùng thời điểm recordedAsOf).' })
  parent(@Parent() unit: UnitView): Promise<UnitView | null> {
    if (!unit.parentCode) return Promise.resolve(null);
    if (unit.recordedAsOf) return this.asRecorded.unit(unit.parentCode, unit.recordedAsOf, { day: unit.day, today: unit.day });
    return this.directory.unit(unit.parentCode, unit.day, unit.day);
  }

  @SignedIn()
  @ResolveField(() => [UnitType], {
    description:
      'Đơn vị hành chính trực thuộc tại cùng ngày (không gồm cơ quan; xem agencies). Luôn theo bản ghi hiện tại, kể cả khi đơn vị được truy vấn với recordedAsOf.',
  })
  children(@Parent() unit: UnitView, @Args('level', { type: () => UnitLevelEnum, nullable: true }) level?: UnitLevel | null): Promise<UnitView[]> {
    return this.directory.units({ parentCode: unit.code, level, agencies: level === 'AGENCY' ? true : level ? undefined : false }, unit.day);
  }

  @SignedIn()
  @ResolveField(() => [UnitType], {
    description: 'Cơ quan, đơn vị trực thuộc (Sở, Phòng, Bộ phận, UBMTTQ, Công an...) tại cùng ngày. Luôn theo bản ghi hiện tại, kể cả với recordedAsOf.',
  })
  agencies(@Parent() unit: UnitView): Promise<UnitView[]> {
    return this.directory.units({ parentCode: unit.code, agencies: true }, unit.day);
  }

  @SignedIn()
  @ResolveField(() => [UnitType], { description: 'Các cấp trên, từ gần đến xa, tại cùng ngày (và như ghi nhận tại cùng thời điểm recordedAsOf).' })
  async ancestors(@Parent() unit: UnitView): Promise<UnitView[]> {
    if (!unit.parentCode) return [];
    if (unit.recordedAsOf) return this.asRecorded.ancestry(unit.parentCode, unit.recordedAsOf, unit.day);
    return this.directory.ancestry(unit.parentCode, unit.day);
  }

  @SignedIn()
  @ResolveField(() => UnitType, {
    nullable: true,
    description: 'Đơn vị đã nhận sáp nhập đơn vị này (như ghi nhận gần nhất, hoặc tại cùng thời điểm recordedAsOf).',
  })
  mergedInto(@Parent() unit: UnitView): Promise<UnitView | null> {
    if (!unit.mergedInto) return Promise.resolve(null);
    if (unit.recordedAsOf) return this.asRecorded.unit(unit.mergedInto, unit.recordedAsOf, { day: null, today: todayOf(this.clock) });
    return this.directory.unit(unit.mergedInto, null, todayOf(this.clock));
  }

  @SignedIn()
  @ResolveField(() => [UnitLineageType], {
    description:
      'Các đơn vị đã nhận đơn vị này hoặc một phần của nó (sáp nhập, chia tách), theo thứ tự ghi nhận. Với chia tách: mọi đơn vị nhận; mergedInto chỉ có khi nhập toàn bộ vào một đơn vị.',
  })
  successors(@Parent() unit: UnitView): LineageView[] {
    return unit.successors.map((s) => ({ relation: s.relation, effectiveOn: s.effectiveOn, source: s.source, code: s.code, day: unit.day }));
  }

  @SignedIn()
  @ResolveField(() => [UnitLineageType], { description: 'Các đơn vị đã nhập vào đơn vị này, toàn bộ hoặc một phần (theo bản ghi hiện tại).' })
  async predecessors(@Parent() unit: UnitView): Promise<LineageView[]> {
    return (await this.directory.predecessors(unit.code)).map(({ code, successor: s }) => ({
      relation: s.relation,
      effectiveOn: s.effectiveOn,
      source: s.source,
      code,
      day: unit.day,
    }));
  }

  @SignedIn()
  @ResolveReference()
  resolveReference(@Parent() reference: { code: string }): Promise<UnitView | null> {
    return this.directory.unit(reference.code, null, todayOf(this.clock));
  }
}
