/**
 * When an assignment is due, from the task's timeframe as the plans service parsed it. Pure:
 * calendar arithmetic only, no clock.
 *
 * Reporting periods follow the data cut-off of Decree 09/2019/NĐ-CP (FACTS.md): a quarter runs
 * from the 15th of the month before it to the 14th of its last month, and so on. A periodic
 * assignment is due at the end (cut-off) of each period of the plan's year: the unit must report
 * progress at least once inside each period.
 */
export type Day = string;

export const REPORTING_PERIODS = ['month', 'quarter', 'half', 'nine-months', 'year'] as const;
export type ReportingPeriod = (typeof REPORTING_PERIODS)[number];

export interface Period {
  readonly from: Day;
  readonly to: Day;
}

export type Schedule =
  /** Due once, on the task's day. */
  | { readonly kind: 'once'; readonly dueOn: Day }
  /** Due at the end of each period (ongoing / recurring tasks, "hằng năm"). */
  | { readonly kind: 'periodic'; readonly every: ReportingPeriod; readonly periods: readonly Period[] }
  /** No due day can be known (relative, unspecified, "within N days" of an unknown event). */
  | { readonly kind: 'none' };

/** The task's timeframe as published (kind, text and the kind's own fields). */
export interface TimeframeLike {
  readonly kind: string;
  readonly text?: string;
  readonly [field: string]: unknown;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (year: number, month: number, day: number): Day => `${year}-${pad(month)}-${pad(day)}`;

/** The last day of a month (month 1–12). */
export function endOfMonth(year: number, month: number): Day {
  return dayOf(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

export function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function isDay(value: unknown): value is Day {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** The period from the 15th of the month before `firstMonth` to the 14th of `lastMonth` (Decree 09 cut-off). */
function cutOff(year: number, firstMonth: number, lastMonth: number): Period {
  const from = firstMonth === 1 ? dayOf(year - 1, 12, 15) : dayOf(year, firstMonth - 1, 15);
  return { from, to: dayOf(year, lastMonth, 14) };
}

/** The reporting periods of a year, in order. */
export function reportingPeriods(every: ReportingPeriod, year: number): Period[] {
  switch (every) {
    case 'month':
      return Array.from({ length: 12 }, (_, i) => cutOff(year, i + 1, i + 1));
    case 'quarter':
      return [1, 2, 3, 4].map((q) => cutOff(year, 3 * q - 2, 3 * q));
    case 'half':
      return [cutOff(year, 1, 6), cutOff(year, 7, 12)];
    case 'nine-months':
      return [cutOff(year, 1, 9)];
    case 'year':
      return [cutOff(year, 1, 12)];
  }
}

/** The finest of the periods a task names ("hằng quý, 6 tháng và năm" → quarter): reporting at it satisfies the coarser ones. */
export function finestPeriod(every: unknown): ReportingPeriod | null {
  if (!Array.isArray(every)) return null;
  const known = REPORTING_PERIODS.filter((period) => every.includes(period));
  return known[0] ?? null;
}

/**
 * - a due day from the plans service → once;
 * - ongoing → periodic by `every` (its finest period), quarterly when the text names none;
 * - yearly → periodic, due each year on the last day of its month, else at the annual cut-off;
 * - anything else → none.
 */
export function scheduleFor(task: { readonly dueOn: Day | null; readonly timeframe: TimeframeLike }, planYear: number): Schedule {
  if (task.dueOn) return { kind: 'once', dueOn: task.dueOn };
  const { timeframe } = task;
  if (timeframe.kind === 'ongoing') {
    const every = finestPeriod(timeframe['every']) ?? 'quarter';
    return { kind: 'periodic', every, periods: reportingPeriods(every, planYear) };
  }
  if (timeframe.kind === 'yearly') {
    const month = typeof timeframe['month'] === 'number' && timeframe['month'] >= 1 && timeframe['month'] <= 12 ? timeframe['month'] : null;
    const periods = month === null ? reportingPeriods('year', planYear) : [{ from: dayOf(planYear - 1, 12, 15), to: endOfMonth(planYear, month) }];
    return { kind: 'periodic', every: 'year', periods };
  }
  return { kind: 'none' };
}
