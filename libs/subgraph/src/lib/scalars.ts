import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new GraphQLError(`Ngày "${String(value)}" không hợp lệ: dùng định dạng YYYY-MM-DD.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** `Date` of API.md: a calendar day (`2025-01-01`), kept as a string so no time zone can shift it. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day, ISO 8601 (YYYY-MM-DD).',
  serialize: (value) => parseDay(value),
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** The calendar day of an instant in Viet Nam: one definition, in @reform/clock. */
export { vietnamDay } from '@reform/clock';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(value: unknown): Date {
  const date = typeof value === 'string' && INSTANT.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError(`Thời điểm "${String(value)}" không hợp lệ: dùng ISO 8601 có múi giờ, ví dụ 2020-07-01T00:00:00Z.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}

/** `DateTime` of API.md: an instant, ISO 8601 with a zone; a malformed one is BAD_USER_INPUT. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with a time zone (2020-07-01T00:00:00Z).',
  serialize: (value) => (value instanceof Date ? value : parseInstant(value)).toISOString(),
  parseValue: (value) => parseInstant(value),
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});
