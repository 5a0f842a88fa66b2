import { assertNever } from '@reform/decider';

/**
 * The timeframe of a plan's task ("Thời gian thực hiện"), read from the text its issuer wrote.
 *
 * Pure and total: no I/O, no clock, never throws. The original text is always kept in `text`,
 * exactly as written; what cannot be read is `unspecified` (a plan must be enterable as written).
 * Reading is forgiving: Unicode (NFC), whitespace, case, "hàng"/"hằng", roman or arabic quarter
 * numbers, spaces around "/" and the kind of dash do not matter. A year missing from the text is
 * the plan's year, and the result says so (`yearFromPlan: true`).
 *
 * Beyond the kinds of issue 4, the seeds need:
 * - `every` on `ongoing`: "Theo định kỳ 06 tháng", "định kỳ hằng quý, 6 tháng, 9 tháng và năm"
 *   name the reporting periods (Decree 09/2019), which the tasks service needs to set due dates;
 * - `within`: "chậm nhất 30 ngày kể từ ngày kế hoạch ... được ban hành" (seed 002) is a number of
 *   days after an event; its due date is known once the event's date is (`dueDate(t, { since })`).
 * "Trước ngày 15/12/2021" is read as due on 15/12/2021: the date the issuer wrote is the deadline.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

export const REPORTING_PERIODS = ['month', 'quarter', 'half', 'nine-months', 'year'] as const;
export type ReportingPeriod = (typeof REPORTING_PERIODS)[number];

interface Written {
  /** The text as written, untouched. */
  readonly text: string;
}
interface FromPlan {
  /** Present when the text gave no year and the plan's year was used. */
  readonly yearFromPlan?: true;
}

export type Timeframe =
  /** "Thường xuyên", "Theo định kỳ", "Hàng quý, 6 tháng, năm": reported each period. */
  | (Written & { readonly kind: 'ongoing'; readonly every?: readonly ReportingPeriod[] })
  /** "23/5/2021", "Trước ngày 15/12/2021". */
  | (Written & FromPlan & { readonly kind: 'due'; readonly on: Day })
  /** "Từ tháng 3 đến tháng 6/2021", "Quý I đến Quý III năm 2021", "giai đoạn 2018 – 2021": first and last day. */
  | (Written & FromPlan & { readonly kind: 'range'; readonly from: Day; readonly to: Day })
  /** "Quý III/2020", "Quý I năm 2021". */
  | (Written & FromPlan & { readonly kind: 'quarter'; readonly year: number; readonly quarter: 1 | 2 | 3 | 4 })
  /** "6 tháng đầu năm 2021" (1), "6 tháng cuối năm 2021" (2). */
  | (Written & FromPlan & { readonly kind: 'half'; readonly year: number; readonly half: 1 | 2 })
  /** "Tháng 12/2020", "trong tháng 10". */
  | (Written & FromPlan & { readonly kind: 'month'; readonly year: number; readonly month: number })
  /** "Tháng 12 hàng năm" (month 12), "Hàng năm". */
  | (Written & { readonly kind: 'yearly'; readonly month?: number })
  /** "Năm 2021", "Trong năm 2021", "Đến năm 2024", "vào cuối năm". */
  | (Written & FromPlan & { readonly kind: 'year'; readonly year: number })
  /** "chậm nhất 30 ngày kể từ ngày kế hoạch ... được ban hành": days after an event, `after` as written. */
  | (Written & { readonly kind: 'within'; readonly days: number; readonly workingDays?: true; readonly after?: string })
  /** "Theo Kế hoạch của UBND huyện", "đúng thời gian quy định": set by something else, `to` as written. */
  | (Written & { readonly kind: 'relative'; readonly to: string })
  /** Empty, or not understood. */
  | (Written & { readonly kind: 'unspecified' });

export type TimeframeKind = Timeframe['kind'];

export interface TimeframeContext {
  /** The year of the plan the task belongs to: fills a year the text leaves out. */
  readonly planYear: number;
}

type Reading = Timeframe extends infer T ? (T extends unknown ? Omit<T, 'text'> : never) : never;

export function parseTimeframe(text: string, context: TimeframeContext): Timeframe {
  const clean = tidy(text);
  return { ...read(clean, lower(clean), context.planYear), text } as Timeframe;
}

export interface DueContext {
  /** For `yearly`: the year whose occurrence is wanted. */
  readonly year?: number;
  /** For `within`: the day of the event the days count from. */
  readonly since?: Day;
}

/**
 * The last day by which the task is due: the date itself, the last day of the month, quarter,
 * half or year, the end of a range. `yearly` needs a year and `within` a starting day (else null);
 * `within` in working days needs a holiday calendar, so null. Ongoing, relative and unspecified
 * timeframes have no single due date: null (the tasks service makes them due each period).
 */
export function dueDate(timeframe: Timeframe, context: DueContext = {}): Day | null {
  switch (timeframe.kind) {
    case 'due':
      return timeframe.on;
    case 'range':
      return timeframe.to;
    case 'quarter':
      return lastDayOfMonth(timeframe.year, timeframe.quarter * 3);
    case 'half':
      return lastDayOfMonth(timeframe.year, timeframe.half * 6);
    case 'month':
      return lastDayOfMonth(timeframe.year, timeframe.month);
    case 'year':
      return lastDayOfMonth(timeframe.year, 12);
    case 'yearly':
      return context.year === undefined ? null : lastDayOfMonth(context.year, timeframe.month ?? 12);
    case 'within':
      return context.since === undefined || timeframe.workingDays ? null : addDays(context.since, timeframe.days);
    case 'ongoing':
    case 'relative':
    case 'unspecified':
      return null;
    default:
      return assertNever(timeframe, 'timeframe');
  }
}

// ---------------------------------------------------------------------------------------------
// Reading. `clean` keeps the case (for `to` and `after`); `key` is the same text in lower case,
// character for character, so that an index into one is an index into the other.

const ROMAN: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const QUARTER = '(iv|iii|ii|i|[1-4])';
const YEAR = '(\\d{4})';
/** "/2021", " năm 2021", " 2021" after a month or a quarter. */
const OF_YEAR = `(?:(?:/| năm | )${YEAR})?`;
const DATE = `(\\d{1,2})[/.-](\\d{1,2})(?:[/.-]${YEAR})?`;
const DATE_WORDS = `(\\d{1,2}) tháng (\\d{1,2})(?: năm ${YEAR})?`;

function read(clean: string, key: string, planYear: number): Reading {
  if (key === '') return { kind: 'unspecified' };

  const ongoing = readOngoing(key);
  if (ongoing) return ongoing;

  const within = new RegExp(
    `^(?:thời gian ban hành |ban hành |hoàn thành )?(?:chậm nhất|trong vòng|trong thời hạn|trong|không quá) (\\d+) ngày( làm việc)?(?:,? (?:kể từ|tính từ|từ) (?:ngày )?(.+))?$`,
    'd',
  ).exec(key);
  if (within) {
    const after = within.indices?.[3];
    return {
      kind: 'within',
      days: Number(within[1]),
      ...(within[2] ? { workingDays: true as const } : {}),
      ...(after ? { after: clean.slice(after[0], after[1]) } : {}),
    };
  }

  const theo = /^theo (.+)$/d.exec(key);
  if (theo) return { kind: 'relative', to: slice(clean, theo, 1) };
  const onTime = /^(?:đảm bảo )?đúng (?:thời gian|thời hạn)(?: (?:do )?(.+?))? quy định$/d.exec(key);
  if (onTime) return { kind: 'relative', to: onTime[1] ? slice(clean, onTime, 1) : 'quy định' };

  return readDated(key.replace(/^(?:(?:dự kiến|sẽ|hoàn thành|thực hiện|trong|vào) )+/, ''), planYear) ?? { kind: 'unspecified' };
}

function slice(clean: string, match: RegExpExecArray, group: number): string {
  const at = match.indices?.[group];
  return at ? clean.slice(at[0], at[1]) : (match[group] ?? '');
}

function readOngoing(key: string): Reading | null {
  if (/^(?:thường xuyên|liên tục|thường xuyên, liên tục|hàng ngày|hằng ngày)$/.test(key)) return { kind: 'ongoing' };
  const periodic = /^(?:theo )?định kỳ(?: (.+))?$/.exec(key);
  if (periodic) {
    const every = periodic[1] === undefined ? null : periods(periodic[1]);
    return every ? { kind: 'ongoing', every } : { kind: 'ongoing' };
  }
  const each = /^(?:hàng|hằng|mỗi|theo) (.+)$/.exec(key);
  const every = each ? periods(each[1]) : null;
  if (!every) return null;
  return every.length === 1 && every[0] === 'year' ? { kind: 'yearly' } : { kind: 'ongoing', every };
}

/** "quý, 6 tháng, 9 tháng và năm" → quarter, half, nine-months, year; null if any item is not a period. */
function periods(list: string): ReportingPeriod[] | null {
  const found: ReportingPeriod[] = [];
  for (const raw of list.split(/\s*,\s*|\s+và\s+/)) {
    const item = raw.replace(/^(?:hàng|hằng|mỗi) /, '').trim();
    const period: ReportingPeriod | null =
      item === 'tháng'
        ? 'month'
        : item === 'quý'
          ? 'quarter'
          : /^(?:0?6|sáu) tháng$/.test(item)
            ? 'half'
            : /^(?:0?9|chín) tháng$/.test(item)
              ? 'nine-months'
              : item === 'năm'
                ? 'year'
                : null;
    if (!period) return null;
    if (!found.includes(period)) found.push(period);
  }
  return found.length ? found : null;
}

function readDated(key: string, planYear: number): Reading | null {
  const fromPlan = (year: string | undefined) => (year === undefined ? { year: planYear, yearFromPlan: true as const } : { year: Number(year) });

  const range = readRange(key, planYear);
  if (range !== undefined) return range;

  let m = new RegExp(`^(?:(?:trước|chậm nhất|hạn chót|hạn|không quá|đến|trước hoặc trong) )?(?:ngày )?(?:${DATE}|${DATE_WORDS})$`).exec(key);
  if (m) {
    const [d, mo, y] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
    const { year, ...flag } = fromPlan(y);
    const on = isoDay(year, Number(mo), Number(d));
    return on ? { kind: 'due', on, ...flag } : null;
  }

  m = new RegExp(`^quý ${QUARTER}${OF_YEAR}$`).exec(key);
  if (m) return { kind: 'quarter', ...fromPlan(m[2]), quarter: ROMAN[m[1]] };

  m = new RegExp(`^(?:0?6|sáu) tháng (đầu|cuối) năm${OF_YEAR}$`).exec(key);
  if (m) return { kind: 'half', ...fromPlan(m[2]), half: m[1] === 'đầu' ? 1 : 2 };

  m = /^(?:tháng (\d{1,2}) )?(?:hàng|hằng|mỗi) năm$/.exec(key);
  if (m) {
    if (m[1] === undefined) return { kind: 'yearly' };
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? { kind: 'yearly', month } : null;
  }

  m = new RegExp(`^(?:cuối )?tháng (\\d{1,2})${OF_YEAR}$`).exec(key);
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? { kind: 'month', ...fromPlan(m[2]), month } : null;
  }

  m = new RegExp(`^(?:(?:đến hết|đến|hết|cuối|trong) )?(?:năm )?${YEAR}$|^(?:cuối )?năm$`).exec(key);
  if (m && (m[1] !== undefined || key.includes('năm'))) return { kind: 'year', ...fromPlan(m[1]) };

  return null;
}

interface Endpoint {
  readonly year: number | null;
  readonly first: (year: number) => Day | null;
  readonly last: (year: number) => Day | null;
}

const ENDPOINT = `(?:ngày )?\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{4})?|quý (?:iv|iii|ii|i|[1-4])(?:(?:/| năm )\\d{4})?|tháng \\d{1,2}(?:(?:/| năm )\\d{4})?|(?:năm )?\\d{4}`;

/** undefined: not a range; null: a range that makes no sense (a bad date, an end before its start). */
function readRange(key: string, planYear: number): Reading | null | undefined {
  const m = new RegExp(`^(?:từ |giai đoạn |trong giai đoạn )?(${ENDPOINT}) ?(?:đến|tới|-) ?(?:hết )?(${ENDPOINT})$`).exec(key);
  if (!m) return undefined;
  const start = endpoint(m[1]);
  const end = endpoint(m[2]);
  if (!start || !end) return null;
  const endYear = end.year ?? start.year ?? planYear;
  const startYear = start.year ?? end.year ?? planYear;
  const from = start.first(startYear);
  const to = end.last(endYear);
  if (!from || !to || from > to) return null;
  return { kind: 'range', from, to, ...(start.year === null && end.year === null ? { yearFromPlan: true as const } : {}) };
}

function endpoint(text: string): Endpoint | null {
  let m = /^(?:ngày )?(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?$/.exec(text);
  if (m) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    const at = (y: number) => isoDay(y, mo, d);
    return { year: m[3] ? Number(m[3]) : null, first: at, last: at };
  }
  m = /^quý (iv|iii|ii|i|[1-4])(?:(?:\/| năm )(\d{4}))?$/.exec(text);
  if (m) {
    const q = ROMAN[m[1]];
    return { year: m[2] ? Number(m[2]) : null, first: (y) => isoDay(y, q * 3 - 2, 1), last: (y) => lastDayOfMonth(y, q * 3) };
  }
  m = /^tháng (\d{1,2})(?:(?:\/| năm )(\d{4}))?$/.exec(text);
  if (m) {
    const mo = Number(m[1]);
    if (mo < 1 || mo > 12) return null;
    return { year: m[2] ? Number(m[2]) : null, first: (y) => isoDay(y, mo, 1), last: (y) => lastDayOfMonth(y, mo) };
  }
  m = /^(?:năm )?(\d{4})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    return { year, first: () => isoDay(year, 1, 1), last: () => isoDay(year, 12, 31) };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Text and calendar helpers.

/** NFC, one space for any run of whitespace, none around "/", no label ("Thời gian:"), no trailing punctuation or brackets. */
function tidy(text: string): string {
  let s = text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();
  s = s.replace(/^thời (?:gian|hạn)(?: thực hiện| hoàn thành)?\s*:\s*/i, '');
  for (let before = ''; before !== s;) {
    before = s;
    s = s
      .replace(/^[([*"“]+|[)\]*"”]+$/g, '')
      .replace(/[.;,:]+$/, '')
      .trim();
  }
  return s;
}

/** Lower case and plain dashes, keeping every character in place (Vietnamese letters map one to one). */
function lower(clean: string): string {
  const key = clean
    .toLocaleLowerCase('vi')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/qúy/g, 'quý');
  return key.length === clean.length ? key : clean.toLowerCase();
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isoDay(year: number, month: number, day: number): Day | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function lastDayOfMonth(year: number, month: number): Day {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
