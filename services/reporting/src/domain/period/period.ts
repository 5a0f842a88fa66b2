/* Pure (type:domain): reporting periods and Decree 09's data cut-off. */
import { DomainError } from '@reform/decider';
import { addDays } from '../calendar/working-days';

export const PERIOD_TYPES = ['MONTH', 'QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR', 'AD_HOC'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/**
 * A period as a key (API.md): "2021-09" a month, "2021-Q3" a quarter, "2021-H1" the first half,
 * "2021-M9" the first nine months, "2021" the year, "AD_HOC" the one period of an ad hoc regime.
 */
export interface Period {
  readonly key: string;
  readonly type: PeriodType;
  readonly year: number;
  /** The period's first and last calendar months (1–12); both 0 for AD_HOC. */
  readonly firstMonth: number;
  readonly lastMonth: number;
}

export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/**
 * How a regime cuts off its data: Decree 09's (from the 15th of the month before the period to
 * the 14th of its last month; half-year, nine months and year from 15/12 of the year before), the
 * same shape from another day of the month, the calendar months themselves, or fixed days (an ad
 * hoc report).
 */
export type CutOffRule =
  | { readonly rule: 'DECREE_09' }
  | { readonly rule: 'FROM_DAY'; readonly day: number }
  | { readonly rule: 'CALENDAR' }
  | { readonly rule: 'FIXED'; readonly from: string; readonly to: string };

const bad = (message: string, field = 'period') => new DomainError('REPORTING.INVALID_PERIOD', message, { kind: 'BAD_USER_INPUT', field });

export function parsePeriod(key: string): Period {
  const k = key.trim().toUpperCase();
  if (k === 'AD_HOC') return { key: k, type: 'AD_HOC', year: 0, firstMonth: 0, lastMonth: 0 };
  let m = /^(\d{4})$/.exec(k);
  if (m) return { key: k, type: 'YEAR', year: Number(m[1]), firstMonth: 1, lastMonth: 12 };
  m = /^(\d{4})-(\d{2})$/.exec(k);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { key: k, type: 'MONTH', year: Number(m[1]), firstMonth: Number(m[2]), lastMonth: Number(m[2]) };
  m = /^(\d{4})-Q([1-4])$/.exec(k);
  if (m) return { key: k, type: 'QUARTER', year: Number(m[1]), firstMonth: Number(m[2]) * 3 - 2, lastMonth: Number(m[2]) * 3 };
  m = /^(\d{4})-H1$/.exec(k);
  if (m) return { key: k, type: 'HALF_YEAR', year: Number(m[1]), firstMonth: 1, lastMonth: 6 };
  m = /^(\d{4})-M9$/.exec(k);
  if (m) return { key: k, type: 'NINE_MONTHS', year: Number(m[1]), firstMonth: 1, lastMonth: 9 };
  throw bad(
    `Kỳ báo cáo "${key}" không hợp lệ: dùng "2021-09" (tháng), "2021-Q3" (quý), "2021-H1" (6 tháng), "2021-M9" (9 tháng), "2021" (năm) hoặc "AD_HOC" (đột xuất).`,
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
/** The month before (year, month), possibly in the year before. */
const monthBefore = (year: number, month: number): [number, number] => (month === 1 ? [year - 1, 12] : [year, month - 1]);
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The days whose data a period's report covers. */
export function cutOffOf(period: Period, rule: CutOffRule = { rule: 'DECREE_09' }): DayRange {
  if (period.type === 'AD_HOC') {
    if (rule.rule !== 'FIXED') throw bad('Báo cáo đột xuất cần thời gian chốt số liệu cố định (từ ngày, đến ngày).', 'cutOff');
    return { from: rule.from, to: rule.to };
  }
  switch (rule.rule) {
    case 'FIXED':
      return { from: rule.from, to: rule.to };
    case 'CALENDAR':
      return { from: dayOf(period.year, period.firstMonth, 1), to: dayOf(period.year, period.lastMonth, lastDayOfMonth(period.year, period.lastMonth)) };
    case 'DECREE_09':
    case 'FROM_DAY': {
      const start = rule.rule === 'DECREE_09' ? 15 : rule.day;
      if (!Number.isInteger(start) || start < 2 || start > 28) throw bad(`Ngày bắt đầu chốt số liệu ${start} không hợp lệ: từ 2 đến 28.`, 'cutOff.day');
      // Decree 09, art. 12: a month and a quarter start in the month before their first month;
      // the half-year, nine months and year all start on the 15th of December of the year before.
      const [fy, fm] = monthBefore(period.year, period.firstMonth);
      return { from: dayOf(fy, fm, start), to: addDays(dayOf(period.year, period.lastMonth, start), -1) };
    }
  }
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "quý III năm 2021", "tháng 9 năm 2021", "6 tháng đầu năm 2021", "9 tháng năm 2021", "năm 2021". */
export function periodLabel(key: string): string {
  const period = parsePeriod(key);
  switch (period.type) {
    case 'MONTH':
      return `tháng ${period.lastMonth} năm ${period.year}`;
    case 'QUARTER':
      return `quý ${ROMAN[period.lastMonth / 3 - 1]} năm ${period.year}`;
    case 'HALF_YEAR':
      return `6 tháng đầu năm ${period.year}`;
    case 'NINE_MONTHS':
      return `9 tháng năm ${period.year}`;
    case 'YEAR':
      return `năm ${period.year}`;
    case 'AD_HOC':
      return '';
  }
}
