import { Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { DateTimeScalar } from './scalars';

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

// Shareable: every event-sourced subgraph answers `history` with these same types.
@Directive('@shareable')
@ObjectType('HistoryActor', { description: 'Ai đã thực hiện: tài khoản và đơn vị.' })
export class HistoryActorType {
  @Field() accountId!: string;
  @Field() username!: string;
  @Field(() => String, { nullable: true }) unitCode!: string | null;
}

@Directive('@shareable')
@ObjectType('HistoryEntry', { description: 'Một sự kiện trong lịch sử của một đối tượng, và trạng thái sau sự kiện đó.' })
export class HistoryEntryType {
  @Field(() => Int) version!: number;
  @Field() type!: string;
  @Field(() => DateTimeScalar) recordedAt!: Date;
  @Field(() => HistoryActorType) actor!: HistoryActorType;
  @Field(() => JSONScalar) data!: unknown;
  @Field(() => JSONScalar, { description: 'Trạng thái của đối tượng ngay sau sự kiện.' }) state!: unknown;
  @Field() correlationId!: string;
  @Field(() => String, { nullable: true }) causationId!: string | null;
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
