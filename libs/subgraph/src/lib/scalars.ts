import { isValid, parseISO } from 'date-fns';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Years the platform's records can concern (PostgreSQL has no year 0; nobody plans for 10000). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;

/** A real calendar day (date-fns refuses 2021-02-29, where Date.parse rolls it to 1 March) in the platform's years. */
function isCalendarDay(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return DAY.test(value) && isValid(parseISO(value)) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDay(value)) {
    throw new GraphQLError(
      `Ngày "${String(value).slice(0, 40)}" không hợp lệ: dùng định dạng YYYY-MM-DD, một ngày có thật từ năm ${FIRST_YEAR} đến ${LAST_YEAR}.`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return value;
}

/** `Date` of API.md: a calendar day (`2025-01-01`), kept as a string so no time zone can shift it. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day, ISO 8601 (YYYY-MM-DD).',
  // Days already recorded are answered as they are; the strict check is for what comes in.
  serialize: (value) => (typeof value === 'string' && DAY.test(value) ? value : parseDay(value)),
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** The calendar day of an instant in Viet Nam: one definition, in @reform/clock. */
export { vietnamDay } from '@reform/clock';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(value: unknown): Date {
  // The day part must be a real calendar day in the platform's years, whatever the zone.
  const date = typeof value === 'string' && INSTANT.test(value) && isCalendarDay(value.slice(0, 10)) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError(
      `Thời điểm "${String(value).slice(0, 40)}" không hợp lệ: dùng ISO 8601 có múi giờ, ví dụ 2020-07-01T00:00:00Z, từ năm ${FIRST_YEAR} đến ${LAST_YEAR}.`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
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

/**
 * `FileContent`: a file carried in a GraphQL argument — text (a CSV) or base64 (an .xlsx, a scanned
 * document). The input policy's MAX_STRING does not apply to it; MAX_FILE_CHARS does (the
 * gateway's body limit is the real bound; ADR 0023). What the file must be is the resolver's rule.
 */
export const FileContentScalar = new GraphQLScalarType<string, string>({
  name: 'FileContent',
  description: 'A file: its text (CSV) or its bytes in base64 (XLSX, PDF, images), as the argument says.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('Nội dung tệp phải là một chuỗi (văn bản hoặc base64).', { extensions: { code: 'BAD_USER_INPUT' } });
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Nội dung tệp phải là một chuỗi (văn bản hoặc base64).', { extensions: { code: 'BAD_USER_INPUT' } });
    return ast.value;
  },
});
