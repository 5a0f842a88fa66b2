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
  /**
   * Due at the end of each period (ongoing / recurring tasks, "hằng năm"). `continues`: the plan
   * has no end year ("năm 2023 và những năm tiếp theo"): after the listed periods (whose last year
   * is always whole) the same periods recur a year later each year, until the plan is closed.
   */
  | { readonly kind: 'periodic'; readonly every: ReportingPeriod; readonly periods: readonly Period[]; readonly continues?: true }
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
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  );
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

/** The years a plan runs: `to` null when it has no end ("và những năm tiếp theo"). */
export interface PlanYears {
  readonly from: number;
  readonly to: number | null;
}

/** What a schedule depends on besides the task: the plan's years and the day the assignment exists. */
export interface ScheduleContext {
  readonly years: PlanYears;
  /** No period ends, and no once-due day falls, before this day (the assignment did not exist then). */
  readonly assignedOn?: Day;
}

/** Periods a year a reporting period has. */
const PER_YEAR: Record<ReportingPeriod, number> = { month: 12, quarter: 4, half: 2, 'nine-months': 1, year: 1 };

/**
 * - a due day from the plans service → once (not before the assignment exists: a written day
 *   already gone when the plan was issued falls on the issue day);
 * - ongoing → periodic by `every` (its finest period), quarterly when the text names none, in
 *   every year of the plan;
 * - yearly → periodic, due each year of the plan on the last day of its month, else at the annual cut-off;
 * - anything else → none.
 * Periods that end before the assignment exists are left out. A plan year alone (a number) is a
 * plan of that one year.
 */
export function scheduleFor(task: { readonly dueOn: Day | null; readonly timeframe: TimeframeLike }, plan: number | ScheduleContext): Schedule {
  const context: ScheduleContext = typeof plan === 'number' ? { years: { from: plan, to: plan } } : plan;
  const { assignedOn } = context;
  if (task.dueOn) return { kind: 'once', dueOn: assignedOn && task.dueOn < assignedOn ? assignedOn : task.dueOn };
  const { timeframe } = task;
  const open = context.years.to === null;
  // An open plan lists its periods up to a whole year after the later of its first year and the assignment's.
  const last = context.years.to ?? Math.max(context.years.from, assignedOn ? Number(assignedOn.slice(0, 4)) : context.years.from) + 1;
  const years = Array.from({ length: Math.max(0, last - context.years.from + 1) }, (_, i) => context.years.from + i);
  const existing = (period: Period) => !assignedOn || period.to >= assignedOn;
  if (timeframe.kind === 'ongoing') {
    const every = finestPeriod(timeframe['every']) ?? 'quarter';
    return {
      kind: 'periodic',
      every,
      periods: years.flatMap((year) => reportingPeriods(every, year)).filter(existing),
      ...(open ? { continues: true as const } : {}),
    };
  }
  if (timeframe.kind === 'yearly') {
    const month = typeof timeframe['month'] === 'number' && timeframe['month'] >= 1 && timeframe['month'] <= 12 ? timeframe['month'] : null;
    const periodOf = (year: number) => (month === null ? reportingPeriods('year', year) : [{ from: dayOf(year - 1, 12, 15), to: endOfMonth(year, month) }]);
    return { kind: 'periodic', every: 'year', periods: years.flatMap(periodOf).filter(existing), ...(open ? { continues: true as const } : {}) };
  }
  return { kind: 'none' };
}

/** A day a year later; the last day of a month stays the last (29/2 → 28/2). */
function nextYear(day: Day): Day {
  const [y, m, d] = day.split('-').map(Number);
  return endOfMonth(y, m) === day ? endOfMonth(y + 1, m) : dayOf(y + 1, m, Math.min(d, Number(endOfMonth(y + 1, m).slice(8))));
}

/**
 * The periods of a schedule in order, the listed ones and then, for a continuing schedule, the
 * last listed year's again a year later each year (lazily: an open plan has no last period).
 */
export function* periodsOf(schedule: Extract<Schedule, { kind: 'periodic' }>): Generator<Period> {
  yield* schedule.periods;
  if (!schedule.continues || schedule.periods.length === 0) return;
  let cycle = schedule.periods.slice(-Math.min(PER_YEAR[schedule.every], schedule.periods.length));
  for (;;) {
    cycle = cycle.map((period) => ({ from: nextYear(period.from), to: nextYear(period.to) }));
    yield* cycle;
  }
}
