/**
 * How close an open assignment is to its due day, for reminders and the amber colour. The API says
 * whether it is overdue (the tasks service's own mark, kept by its scheduler on the platform's
 * clock); "due within 7 days" is counted here from its next due day and today in Viet Nam.
 */
export const DUE_SOON_DAYS = 7;

export type DueState = 'overdue' | 'soon' | null;

/** Today in Viet Nam's time zone, as YYYY-MM-DD. */
export function vietnamToday(now: number = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole days from `today` to `day` (both YYYY-MM-DD): 0 on the day itself, negative after it. */
export function daysUntil(day: string, today: string): number {
  return Math.round((Date.parse(`${day.slice(0, 10)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function dueState(a: { status: string; overdue: boolean; dueOn?: string | null }, today: string): DueState {
  if (a.status === 'COMPLETED' || a.status === 'CANCELLED') return null;
  if (a.overdue) return 'overdue';
  if (!a.dueOn) return null;
  const left = daysUntil(a.dueOn, today);
  return left >= 0 && left <= DUE_SOON_DAYS ? 'soon' : null;
}

/** "hôm nay", "còn 1 ngày", "còn 6 ngày". */
export function daysLeftText(dueOn: string, today: string): string {
  const left = daysUntil(dueOn, today);
  return left === 0 ? 'đến hạn hôm nay' : `còn ${left} ngày`;
}
