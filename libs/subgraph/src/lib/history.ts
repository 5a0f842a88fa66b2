import { Type } from '@nestjs/common';
import { ArgsType, Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { DateTimeScalar } from './scalars';
import { HISTORY_PAGE_MAX, PageArgs, pageType } from './paging';

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literal(field.value)]));
    case Kind.LIST:
      return ast.values.map(literal);
    default:
      return null;
  }
}

/** Event data and states in readable form. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literal,
});

/** An entity reference to a unit: what a subgraph answers for `unit`; the directory resolves the rest. */
export interface UnitReference {
  readonly code: string;
}

/** Who did it, as `HistoryEntry.actor` answers it (API.md: `actor { username unit { code } }`). */
export interface HistoryActorView {
  readonly accountId: string;
  readonly username: string;
  readonly unitCode: string | null;
  readonly unit: UnitReference | null;
}

export interface HistoryEntryView {
  readonly version: number;
  readonly type: string;
  readonly recordedAt: Date;
  readonly actor: HistoryActorView;
  readonly data: unknown;
  readonly state: unknown;
  readonly correlationId: string;
  readonly causationId: string | null;
}

/** A stored actor as the GraphQL view: the unit as an entity reference, resolved by the directory. */
export function actorView(actor: { accountId: string; username: string; unitCode: string | null }): HistoryActorView {
  return { accountId: actor.accountId, username: actor.username, unitCode: actor.unitCode, unit: actor.unitCode ? { code: actor.unitCode } : null };
}

/** A history (libs/event-store `historyOf`) as the GraphQL view. */
export function historyView<T extends { actor: { accountId: string; username: string; unitCode: string | null } }>(
  entries: readonly T[],
): Array<Omit<T, 'actor'> & { actor: HistoryActorView }> {
  return entries.map((entry) => ({ ...entry, actor: actorView(entry.actor) }));
}

/**
 * `HistoryActor` and `HistoryEntry`, declared once here and built into each subgraph with its own
 * `Unit` type (registerIn, ADR 0009): `actor.unit` is a `Unit` entity, so every subgraph needs
 * the actor type to point at the `Unit` it declares. Shareable: every event-sourced subgraph
 * answers `history` with these same types.
 */
export function historyTypes(registerIn: Type<unknown>, unit: () => Type<unknown>) {
  @Directive('@shareable')
  @ObjectType('HistoryActor', { registerIn, description: 'Ai đã thực hiện: tài khoản và đơn vị.' })
  class HistoryActorType implements HistoryActorView {
    @Field() accountId!: string;
    @Field() username!: string;
    @Field(() => String, { nullable: true, description: 'Mã đơn vị (cũng là unit.code).' }) unitCode!: string | null;
    @Field(unit, { nullable: true, description: 'Đơn vị mà tài khoản thay mặt (trống với thao tác của hệ thống).' }) unit!: UnitReference | null;
  }

  @Directive('@shareable')
  @ObjectType('HistoryEntry', { registerIn, description: 'Một sự kiện trong lịch sử của một đối tượng, và trạng thái sau sự kiện đó.' })
  class HistoryEntryType implements HistoryEntryView {
    @Field(() => Int) version!: number;
    @Field() type!: string;
    @Field(() => DateTimeScalar) recordedAt!: Date;
    @Field(() => HistoryActorType) actor!: HistoryActorType;
    @Field(() => JSONScalar) data!: unknown;
    @Field(() => JSONScalar, { description: 'Trạng thái của đối tượng ngay sau sự kiện.' }) state!: unknown;
    @Field() correlationId!: string;
    @Field(() => String, { nullable: true }) causationId!: string | null;
  }

  const HistoryPageType = pageType<HistoryEntryType>('HistoryPage', () => HistoryEntryType, {
    registerIn,
    shareable: true,
    description: `Một trang lịch sử (tối đa ${HISTORY_PAGE_MAX} sự kiện): các sự kiện, tổng số, còn trang sau hay không.`,
  });

  return { HistoryActorType, HistoryEntryType, HistoryPageType };
}

/** The arguments of `history` and `historyPage` on every event-sourced entity: which events of its history. */
@ArgsType()
export class HistoryWindowArgs implements PageArgs {
  @Field(() => Int, { nullable: true, description: 'Số sự kiện bỏ qua từ đầu (mặc định 0).' }) offset?: number | null;
  @Field(() => Int, { nullable: true, description: `Số sự kiện tối đa trả về (1–${HISTORY_PAGE_MAX}).` }) limit?: number | null;
}

/** `integrity` on every event-sourced entity (API.md): the entity's hash chain checked. */
@Directive('@shareable')
@ObjectType('IntegrityReport', { description: 'Kết quả kiểm tra chuỗi băm các sự kiện của đối tượng.' })
export class IntegrityReportType {
  @Field() ok!: boolean;
  @Field(() => Int, { description: 'Số sự kiện đã kiểm tra.' }) checkedEvents!: number;
  @Field(() => Int, { nullable: true, description: 'Phiên bản đầu tiên bị sai lệch (trống nếu chuỗi nguyên vẹn).' }) firstBrokenVersion!: number | null;
}

/** The GraphQL view of an event store's stream check (only the fields clients see). */
export function integrityReport(report: { ok: boolean; checkedEvents: number; firstBrokenVersion: number | null }): IntegrityReportType {
  return { ok: report.ok, checkedEvents: report.checkedEvents, firstBrokenVersion: report.firstBrokenVersion };
}
