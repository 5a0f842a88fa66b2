/* Pure (type:domain): working days from a holiday calendar kept as data. */
import { DomainError } from '@reform/decider';
import { HOLIDAYS, HolidayYear } from './holidays';

const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** "2021-09-23" → "23/09/2021", as Vietnamese documents write days. */
export function vietnameseDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A working calendar: Monday to Friday, less the days off of its holiday years, plus the Saturdays
 * worked to make up a swapped day. A day of a year the calendar holds no data for is refused
 * rather than guessed (a deadline computed from a missing year would be silently wrong).
 */
export class WorkingCalendar {
  private readonly off = new Map<string, string>();
  private readonly worked = new Set<string>();
  private readonly years = new Set<number>();

  constructor(years: readonly HolidayYear[] = HOLIDAYS) {
    for (const year of years) {
      this.years.add(year.year);
      for (const { day, name } of year.daysOff) this.off.set(day, name);
      for (const day of year.workingWeekendDays ?? []) this.worked.add(day);
    }
  }

  covers(day: string): boolean {
    return this.years.has(Number(day.slice(0, 4)));
  }

  /** The holiday's name when `day` is a day off for one. */
  holiday(day: string): string | null {
    return this.off.get(day) ?? null;
  }

  isWorkingDay(day: string): boolean {
    if (!this.covers(day))
      throw new DomainError('CALENDAR.YEAR_MISSING', `Chưa có lịch nghỉ lễ năm ${day.slice(0, 4)}: cần bổ sung dữ liệu ngày nghỉ trước khi tính hạn báo cáo.`, {
        kind: 'BAD_USER_INPUT',
        field: 'calendar',
      });
    if (this.worked.has(day)) return true;
    const w = weekday(day);
    return w !== 0 && w !== 6 && !this.off.has(day);
  }

  /** `day` itself when it is a working day, else the next working day. */
  onOrAfter(day: string): string {
    let d = day;
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** The `n`-th working day after `day` (n ≥ 1; `day` itself not counted). */
  addWorkingDays(day: string, n: number): string {
    let d = day;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** Working days strictly after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }
}

export const DEFAULT_CALENDAR = new WorkingCalendar();
