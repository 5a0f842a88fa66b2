/* Pure (type:domain): a plan task's target compared with the figures reported for it. */

/**
 * A task's target as the plans service read it and published it (PlanIssued's `parsedTarget`,
 * the same shape as services/plans domain/target.ts). Declared here again: the domain depends on
 * no contract, and the consumer hands it over as received.
 */
export type Comparator = 'gt' | 'gte' | 'eq' | 'lte' | 'lt';
export type CountPeriod = 'year' | 'quarter' | 'month' | 'period';
export type SingleTarget =
  | { readonly kind: 'percentage'; readonly text: string; readonly comparator: Comparator; readonly value: number; readonly subject?: string }
  | {
      readonly kind: 'count';
      readonly text: string;
      readonly comparator: Comparator;
      readonly value: number;
      readonly unit: string;
      readonly per: CountPeriod;
      readonly subject?: string;
    }
  | { readonly kind: 'coverage'; readonly text: string; readonly value: 100; readonly of: string }
  | { readonly kind: 'rank'; readonly text: string; readonly top: number; readonly among: string; readonly subject?: string }
  | { readonly kind: 'text'; readonly text: string };
export type Target = SingleTarget | { readonly kind: 'all'; readonly text: string; readonly parts: readonly SingleTarget[] };

/** An accepted (or approved) report's figure for a data item that measures the task. */
export interface ReportedFigure {
  readonly reportId: string;
  readonly itemCode: string;
  readonly itemType: 'NUMBER' | 'PERCENT' | 'COUNT' | 'YES_NO' | 'TEXT';
  readonly unitCode: string;
  /** The period key: "2021", "2021-Q3", "2021-H1", "2021-M9", "2021-09", "AD_HOC". */
  readonly period: string;
  readonly value: number;
  /** The day it was accepted (approved, for a consolidated report). */
  readonly on: string;
}

/** One of the task's assignments (tasks service): the unit, and whether and when it completed. */
export interface AssignmentFact {
  readonly assignmentId: string;
  readonly unitCode: string;
  readonly completedOn: string | null;
  readonly cancelled: boolean;
}

export type AchievementStatus = 'ACHIEVED' | 'NOT_ACHIEVED' | 'UNKNOWN';

/** A figure the judgement used: a report's data item, or an assignment (1 completed, 0 not). */
export interface TrailEntry {
  readonly source: 'REPORT' | 'ASSIGNMENT';
  /** The report id (`<regime>~<period>~<unit>`) or the assignment id. */
  readonly id: string;
  readonly unitCode: string;
  readonly figure: number;
  /** The day the figure stood: accepted, or completed (null: an assignment not completed). */
  readonly on: string | null;
  readonly period: string | null;
  readonly itemCode: string | null;
}

export interface Achievement {
  readonly status: AchievementStatus;
  readonly kind: Target['kind'];
  readonly target: string;
  readonly comparator: Comparator | null;
  readonly value: number | null;
  /** The figure compared with the target (a percentage, a count); null when there is none. */
  readonly actual: number | null;
  /** How the actual was formed, in Vietnamese, for the user (e.g. "trung bình 3 đơn vị, kỳ 2021"). */
  readonly basis: string;
  readonly trail: readonly TrailEntry[];
  readonly parts: readonly Achievement[];
}

export interface TargetFacts {
  readonly figures: readonly ReportedFigure[];
  readonly assignments: readonly AssignmentFact[];
  /**
   * When the task is due (its due day, else the last day of the plan's last year; null: the plan
   * runs on with no last year) and today: coverage not complete before then is still in progress.
   * Absent: judged as of now, with no due day.
   */
  readonly dueOn?: string | null;
  readonly today?: string;
}

/**
 * Decisions:
 * - percentage: the accepted PERCENT (or NUMBER) figures of the items measuring the task, in the
 *   latest period that has any; several units' figures for that period are averaged (one figure
 *   is itself). None: UNKNOWN.
 * - count per period: the COUNT (or NUMBER) figures of the latest period of the target's kind (a
 *   year "2021" for /năm, a quarter for /quý, a month for /tháng; any period for "kỳ", "đợt"),
 *   summed over the units that reported ("Không có trường hợp ..." holds when none occurred
 *   anywhere). None of that kind: UNKNOWN.
 * - coverage ("100% các xã, thị trấn"): the completed share of the task's assignments, cancelled
 *   ones left out; ACHIEVED when every one completed, NOT_ACHIEVED when some are not after the
 *   task's due day, UNKNOWN (in progress, the share shown) until then. No assignment: UNKNOWN.
 * - rank and free text are not compared here: UNKNOWN, with nothing in the trail.
 * - several targets in one cell (`all`): NOT_ACHIEVED when a part is not, ACHIEVED when every
 *   part that can be compared is and none is unknown, else UNKNOWN; free-text parts are ignored
 *   unless nothing else is there.
 * - a comparison of decimals is exact to 1e-9 (99.5 reported for "trên 99,5%" is not above it).
 */
export function evaluateTarget(target: Target, facts: TargetFacts): Achievement {
  if (target.kind === 'all') {
    const parts = target.parts.map((part) => evaluateTarget(part, facts));
    const judged = parts.filter((part) => part.kind !== 'text');
    const status: AchievementStatus =
      judged.length === 0
        ? 'UNKNOWN'
        : judged.some((part) => part.status === 'NOT_ACHIEVED')
          ? 'NOT_ACHIEVED'
          : judged.every((part) => part.status === 'ACHIEVED')
            ? 'ACHIEVED'
            : 'UNKNOWN';
    const trail = dedupe(parts.flatMap((part) => part.trail));
    return {
      status,
      kind: 'all',
      target: target.text,
      comparator: null,
      value: null,
      actual: null,
      basis: `${judged.length} chỉ tiêu thành phần`,
      trail,
      parts,
    };
  }
  switch (target.kind) {
    case 'percentage': {
      const figures = latestPeriod(facts.figures.filter((f) => f.itemType === 'PERCENT' || f.itemType === 'NUMBER'));
      if (figures.length === 0) return unknown(target, target.comparator, target.value, 'Chưa có số liệu báo cáo được chấp nhận');
      const actual = round(figures.reduce((sum, f) => sum + f.value, 0) / figures.length);
      const basis = figures.length === 1 ? `báo cáo kỳ ${figures[0].period}` : `trung bình ${figures.length} đơn vị, kỳ ${figures[0].period}`;
      return judged(target, target.comparator, target.value, actual, basis, figures.map(reportEntry));
    }
    case 'count': {
      const figures = latestPeriod(facts.figures.filter((f) => (f.itemType === 'COUNT' || f.itemType === 'NUMBER') && periodFits(f.period, target.per)));
      if (figures.length === 0) return unknown(target, target.comparator, target.value, 'Chưa có số liệu báo cáo được chấp nhận cho kỳ phù hợp');
      const actual = round(figures.reduce((sum, f) => sum + f.value, 0));
      const basis = figures.length === 1 ? `báo cáo kỳ ${figures[0].period}` : `tổng ${figures.length} đơn vị, kỳ ${figures[0].period}`;
      return judged(target, target.comparator, target.value, actual, basis, figures.map(reportEntry));
    }
    case 'coverage': {
      const counted = facts.assignments.filter((a) => !a.cancelled);
      if (counted.length === 0) return unknown(target, 'gte', 100, 'Chưa có nhiệm vụ được giao');
      const completed = counted.filter((a) => a.completedOn !== null).length;
      const actual = round((completed * 100) / counted.length);
      const trail = [...counted]
        .sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.assignmentId.localeCompare(b.assignmentId))
        .map((a): TrailEntry => ({
          source: 'ASSIGNMENT',
          id: a.assignmentId,
          unitCode: a.unitCode,
          figure: a.completedOn ? 1 : 0,
          on: a.completedOn,
          period: null,
          itemCode: null,
        }));
      const basis = `${completed}/${counted.length} nhiệm vụ được giao đã hoàn thành`;
      const inProgress =
        completed < counted.length && facts.today !== undefined && (facts.dueOn === null || (facts.dueOn !== undefined && facts.today <= facts.dueOn));
      if (inProgress) {
        const until = facts.dueOn ? `, hạn ${facts.dueOn.split('-').reverse().join('/')}` : '';
        return {
          status: 'UNKNOWN',
          kind: target.kind,
          target: target.text,
          comparator: 'gte',
          value: 100,
          actual,
          basis: `Đang thực hiện${until}: ${basis}`,
          trail,
          parts: [],
        };
      }
      return judged(target, 'gte', 100, actual, basis, trail);
    }
    case 'rank':
      return unknown(target, null, target.top, 'Chỉ tiêu xếp hạng: chưa so sánh tự động');
    default:
      return unknown(target, null, null, 'Chỉ tiêu không định lượng');
  }
}

/** Whether `actual` meets `comparator value`. */
export function meets(actual: number, comparator: Comparator, value: number): boolean {
  const EPSILON = 1e-9;
  switch (comparator) {
    case 'gt':
      return actual > value + EPSILON;
    case 'gte':
      return actual >= value - EPSILON;
    case 'eq':
      return Math.abs(actual - value) <= EPSILON;
    case 'lte':
      return actual <= value + EPSILON;
    case 'lt':
      return actual < value - EPSILON;
  }
}

/** The last day of a period key, to order periods; AD_HOC and unknown keys sort first. */
export function periodEnd(key: string): string {
  let m = /^(\d{4})$/.exec(key);
  if (m) return `${m[1]}-12-31`;
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return `${m[1]}-${String(Number(m[2]) * 3).padStart(2, '0')}-31`;
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return `${m[1]}-${m[2] === '1' ? '06' : '12'}-31`;
  m = /^(\d{4})-M(\d{1,2})$/.exec(key);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-31`;
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return `${m[1]}-${m[2]}-31`;
  return '0000-00-00';
}

function periodFits(key: string, per: CountPeriod): boolean {
  switch (per) {
    case 'year':
      return /^\d{4}$/.test(key);
    case 'quarter':
      return /^\d{4}-Q[1-4]$/.test(key);
    case 'month':
      return /^\d{4}-\d{2}$/.test(key);
    default:
      return true;
  }
}

/** The figures of the latest period (by its end, then by the day accepted), one per unit: the latest accepted. */
function latestPeriod(figures: readonly ReportedFigure[]): ReportedFigure[] {
  if (figures.length === 0) return [];
  const ordered = [...figures].sort((a, b) => periodEnd(b.period).localeCompare(periodEnd(a.period)) || b.on.localeCompare(a.on));
  const period = ordered[0].period;
  const byUnit = new Map<string, ReportedFigure>();
  for (const f of ordered) if (f.period === period && !byUnit.has(f.unitCode)) byUnit.set(f.unitCode, f);
  return [...byUnit.values()].sort((a, b) => a.unitCode.localeCompare(b.unitCode));
}

const reportEntry = (f: ReportedFigure): TrailEntry => ({
  source: 'REPORT',
  id: f.reportId,
  unitCode: f.unitCode,
  figure: f.value,
  on: f.on,
  period: f.period,
  itemCode: f.itemCode,
});
const round = (n: number) => Math.round(n * 1000) / 1000;

function judged(target: SingleTarget, comparator: Comparator, value: number, actual: number, basis: string, trail: TrailEntry[]): Achievement {
  return {
    status: meets(actual, comparator, value) ? 'ACHIEVED' : 'NOT_ACHIEVED',
    kind: target.kind,
    target: target.text,
    comparator,
    value,
    actual,
    basis,
    trail,
    parts: [],
  };
}

function unknown(target: SingleTarget, comparator: Comparator | null, value: number | null, basis: string): Achievement {
  return { status: 'UNKNOWN', kind: target.kind, target: target.text, comparator, value, actual: null, basis, trail: [], parts: [] };
}

function dedupe(trail: readonly TrailEntry[]): TrailEntry[] {
  const seen = new Set<string>();
  return trail.filter((entry) => {
    const key = `${entry.source}|${entry.id}|${entry.itemCode ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
