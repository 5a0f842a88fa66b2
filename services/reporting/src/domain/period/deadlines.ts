/* Pure (type:domain): each level's deadline and the entry window of a period. */
import { DomainError } from '@reform/decider';
import { addDays, WorkingCalendar } from '../calendar/working-days';
import { DayRange, Period } from './period';

/** Levels that report, lowest first: a commune's report goes to its district, a district's to its province. */
export const REPORTING_LEVELS = ['COMMUNE', 'DISTRICT', 'PROVINCE'] as const;
export type ReportingLevel = (typeof REPORTING_LEVELS)[number];

/**
 * A level's deadline, as regimes write them: "within N working days after the cut-off", or "by
 * day D of the period's last month" (monthsAfter: of a later month, e.g. 1 for "by the 5th of the
 * next month"). A deadline that falls on a day off moves to the next working day.
 */
export type DeadlineRule =
  | { readonly level: ReportingLevel; readonly rule: 'WORKING_DAYS_AFTER_CUT_OFF'; readonly days: number }
  | { readonly level: ReportingLevel; readonly rule: 'DAY_OF_MONTH'; readonly day: number; readonly monthsAfter?: number };

export interface LevelDeadline {
  readonly level: ReportingLevel;
  readonly dueOn: string;
  /** The last day of entry: after it the level's reports are locked (until reopened). */
  readonly closesOn: string;
}

const rank = (level: ReportingLevel) => REPORTING_LEVELS.indexOf(level);

/** Checks a regime's deadline rules: known levels, each once, sensible numbers. */
export function checkDeadlineRules(rules: readonly DeadlineRule[]): void {
  const bad = (message: string, field: string) => new DomainError('REGIME.INVALID_DEADLINE', message, { kind: 'BAD_USER_INPUT', field });
  if (rules.length === 0) throw bad('Chế độ báo cáo cần ít nhất một thời hạn gửi báo cáo.', 'deadlines');
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (!REPORTING_LEVELS.includes(rule.level)) throw bad(`Cấp "${rule.level}" không hợp lệ: COMMUNE, DISTRICT hoặc PROVINCE.`, `deadlines[${i}].level`);
    if (seen.has(rule.level)) throw bad(`Cấp ${rule.level} có hai thời hạn: mỗi cấp một thời hạn.`, `deadlines[${i}].level`);
    seen.add(rule.level);
    if (rule.rule === 'WORKING_DAYS_AFTER_CUT_OFF' && (!Number.isInteger(rule.days) || rule.days < 0 || rule.days > 60))
      throw bad('Số ngày làm việc sau ngày chốt số liệu phải từ 0 đến 60.', `deadlines[${i}].days`);
    if (rule.rule === 'DAY_OF_MONTH' && (!Number.isInteger(rule.day) || rule.day < 1 || rule.day > 31))
      throw bad('Ngày trong tháng phải từ 1 đến 31.', `deadlines[${i}].day`);
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Each level's deadline for a period, lowest level first. A later level's deadline is at least
 * one working day after the level below it (Decree 09: the district consolidates what the
 * communes sent): when the rules or a holiday bring them closer, the upper one moves on.
 */
export function deadlinesOf(
  period: Period,
  cutOff: DayRange,
  rules: readonly DeadlineRule[],
  lockAfterDays: number,
  calendar: WorkingCalendar,
): LevelDeadline[] {
  checkDeadlineRules(rules);
  const sorted = [...rules].sort((a, b) => rank(a.level) - rank(b.level));
  const out: LevelDeadline[] = [];
  let previous: string | null = null;
  for (const rule of sorted) {
    let due: string;
    if (rule.rule === 'WORKING_DAYS_AFTER_CUT_OFF') due = rule.days === 0 ? calendar.onOrAfter(cutOff.to) : calendar.addWorkingDays(cutOff.to, rule.days);
    else {
      const lastMonth = period.type === 'AD_HOC' ? Number(cutOff.to.slice(5, 7)) : period.lastMonth;
      const year = period.type === 'AD_HOC' ? Number(cutOff.to.slice(0, 4)) : period.year;
      const index = year * 12 + (lastMonth - 1) + (rule.monthsAfter ?? 0);
      const y = Math.floor(index / 12);
      const m = (index % 12) + 1;
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      due = calendar.onOrAfter(`${y}-${pad(m)}-${pad(Math.min(rule.day, last))}`);
    }
    if (previous !== null && calendar.workingDaysBetween(previous, due) < 1) due = calendar.addWorkingDays(previous, 1);
    out.push({ level: rule.level, dueOn: due, closesOn: addDays(due, lockAfterDays) });
    previous = due;
  }
  return out;
}
