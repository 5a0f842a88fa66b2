import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('vi');

/** Viet Nam's time zone: every date and time on screen and in exports is shown in it. */
export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';

const numberFormat = new Intl.NumberFormat('vi-VN');
// Two decimals: one completion among 5,000 assignments (0,02 %) shows (issue 15).
const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** 2021-09-15 → 15/09/2021 (a calendar day: no time zone shift). */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An instant → dd/MM/yyyy HH:mm in Viet Nam's time. */
export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return '';
  return dayjs(instant).tz(VIETNAM_TZ).format('DD/MM/YYYY HH:mm');
}

/** 1234 → 1.234 */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A change against the year before: +3, -1,5, "—" when there is nothing to compare with; `unit` after the number (" bậc"). */
export function formatChange(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined) return '—';
  return `${value > 0 ? '+' : ''}${formatNumber(value)}${unit}`;
}

/** 2021-09-01, 2021-09-15 → 01/09/2021 – 15/09/2021 */
export function formatDayRange(from: string | null | undefined, to: string | null | undefined): string {
  return `${formatDay(from)} – ${formatDay(to)}`;
}

/** 85.5 → 85,5% */
export function formatPercent(value: number): string {
  return `${percentFormat.format(value)}%`;
}

export { dayjs };
