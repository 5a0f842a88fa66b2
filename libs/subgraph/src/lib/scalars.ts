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

/** The calendar day of an instant in Viet Nam (UTC+7, no daylight saving): what "as of" means to users. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
