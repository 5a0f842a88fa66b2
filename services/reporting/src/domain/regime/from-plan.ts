/* Pure (type:domain): a plan's reporting requirement, as written, read into a regime. */
import { DeadlineRule } from '../period/deadlines';
import { PeriodType } from '../period/period';
import { assignmentCount, percentItem, RegimeDefinition, RegimeKind, ReportForm } from './regime';

/**
 * What a requirement's text says about when to report: periodic ("định kỳ hằng quý, 6 tháng, 9
 * tháng và năm": each period type it names) or one ad hoc report by a day ("báo cáo sơ kết …
 * trước ngày 15/9/2021"; a day without a year takes the plan's). Null when it says neither: no
 * regime is made up from a text that does not give one.
 */
export type RequirementSchedule =
  { readonly kind: 'PERIODIC'; readonly periodTypes: readonly PeriodType[] } | { readonly kind: 'AD_HOC'; readonly dueOn: string; readonly title: string };

/** Lower case, one space, "hàng" read as "hằng" (both spellings are in use). */
const normal = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').replace(/hàng/g, 'hằng').trim();

const ORDER: readonly PeriodType[] = ['MONTH', 'QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR'];

/** Each part of a list starts with the period it names ("quý", "6 tháng", "năm"…); longer names first. */
const PERIOD_WORDS: ReadonlyArray<[RegExp, PeriodType]> = [
  [/^(06|6|sáu) tháng/, 'HALF_YEAR'],
  [/^nửa năm/, 'HALF_YEAR'],
  [/^(09|9|chín) tháng/, 'NINE_MONTHS'],
  [/^(03|3|ba) tháng/, 'QUARTER'],
  [/^quý/, 'QUARTER'],
  [/^((01|1|một) )?tháng/, 'MONTH'],
  [/^(cả |cuối )?năm/, 'YEAR'],
];

/** The period types a list such as "quý, 6 tháng, 9 tháng và năm" names. */
function periodTypesIn(list: string): PeriodType[] {
  const found = new Set<PeriodType>();
  for (const raw of list.split(/,|;| và | hoặc /)) {
    const part = raw.trim().replace(/^((định kỳ|hằng|mỗi|theo)\s+)+/, '');
    const hit = PERIOD_WORDS.find(([word]) => word.test(part));
    if (hit) found.add(hit[1]);
  }
  return ORDER.filter((type) => found.has(type));
}

const pad = (n: number) => String(n).padStart(2, '0');
const DATED = /(?:trước|chậm nhất|hạn chót|không quá)\s*(?:là\s*)?(?:ngày\s*)?(\d{1,2})\s*(?:\/|-|\.|tháng)\s*(\d{1,2})(?:\s*(?:\/|-|\.|năm)\s*(\d{4}))?/g;

export function parseRequirement(text: string, planYear: number): RequirementSchedule | null {
  const t = normal(text);
  // A dated report: "báo cáo sơ kết … (trước ngày 15/9/2021)", "chậm nhất ngày 15 tháng 9"; the
  // first date whose clause (since the last ";") speaks of a report, not of another duty's.
  for (const dated of t.matchAll(DATED)) {
    const clause = t.slice(t.lastIndexOf(';', dated.index) + 1, dated.index);
    if (!/báo cáo/.test(clause)) continue;
    const [day, month, year] = [Number(dated[1]), Number(dated[2]), dated[3] ? Number(dated[3]) : planYear];
    if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) continue;
    const title = /sơ kết/.test(clause) ? 'Báo cáo sơ kết' : /tổng kết/.test(clause) ? 'Báo cáo tổng kết' : 'Báo cáo';
    return { kind: 'AD_HOC', dueOn: `${year}-${pad(month)}-${pad(day)}`, title };
  }
  // A periodic one: the list after "định kỳ" / "hằng", up to the end of the sentence.
  for (const periodic of t.matchAll(/(?:định kỳ|hằng)\s+([^.()]*)/g)) {
    const types = periodTypesIn(periodic[1]);
    if (types.length) return { kind: 'PERIODIC', periodTypes: types };
  }
  return null;
}

/** The form a regime made from a plan uses: the three sections plans ask for, and the figures its assignments pre-fill. */
export const STANDARD_FORM: ReportForm = {
  sections: [
    { code: 'ket-qua', title: 'Kết quả đạt được' },
    { code: 'ton-tai', title: 'Tồn tại, hạn chế' },
    { code: 'phuong-huong', title: 'Phương hướng, nhiệm vụ kỳ tới' },
  ],
  items: [
    assignmentCount('NV_GIAO', 'Số nhiệm vụ được giao', true, 'ASSIGNMENTS'),
    assignmentCount('NV_HT', 'Số nhiệm vụ đã hoàn thành', true, 'COMPLETED'),
    assignmentCount('NV_QH', 'Số nhiệm vụ quá hạn', false, 'OVERDUE'),
    percentItem('TIEN_DO', 'Tiến độ bình quân các nhiệm vụ', 'WEIGHTED_MEAN', 'NV_GIAO', 'MEAN_PROGRESS'),
  ],
};

/** Decree 09's usual steps: the commune two working days after the cut-off, the district four, the province six. */
export const STANDARD_DEADLINES: readonly DeadlineRule[] = [
  { level: 'COMMUNE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 2 },
  { level: 'DISTRICT', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 4 },
  { level: 'PROVINCE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 6 },
];

/** The plan as the regime needs it (from the plans service's PlanIssued). */
export interface IssuedPlanFacts {
  readonly planId: string;
  readonly number: string;
  readonly issuerCode: string;
  readonly issuedOn: string;
  readonly year: number;
  /** Every unit an implementing cell of the plan resolved to, on the issue day. */
  readonly implementingUnitCodes: readonly string[];
}

/** The regime's id for the plan's n-th requirement (1-based): the same on every redelivery. */
export const regimeIdFromPlan = (planId: string, n: number) => `${planId}~bc${n}`;

const addDay = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The regime a plan's requirement makes: owned by the issuer, its reporting units the plan's
 * implementing units (followed to their successors when a period opens), the plan linked so its
 * assignments pre-fill the reports, the standard form and deadlines. An ad hoc report covers the
 * plan's issue day to the day before its deadline, which is its reporters' deadline (the level
 * above consolidates on the next working days). Null when the text gives no schedule.
 */
export function regimeFromRequirement(plan: IssuedPlanFacts, requirement: { readonly text: string }, n: number): RegimeDefinition | null {
  const schedule = parseRequirement(requirement.text, plan.year);
  if (!schedule) return null;
  const units = [...new Set(plan.implementingUnitCodes)].filter((code) => code !== plan.issuerCode).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (!units.length) return null;
  const kind: RegimeKind = schedule.kind;
  const common = {
    id: regimeIdFromPlan(plan.planId, n),
    ownerCode: plan.issuerCode,
    lockAfterDays: 5,
    selector: { text: `Các đơn vị thực hiện Kế hoạch ${plan.number}`, levels: [], unitCodes: units },
    form: STANDARD_FORM,
    planIds: [plan.planId],
    source: `Kế hoạch ${plan.number}: ${requirement.text.trim()}`,
    fromPlan: { planId: plan.planId, planNumber: plan.number, requirement: n },
  };
  if (schedule.kind === 'PERIODIC') {
    return {
      ...common,
      name: `Báo cáo định kỳ kết quả thực hiện Kế hoạch ${plan.number}`,
      kind,
      periodTypes: schedule.periodTypes,
      cutOff: { rule: 'DECREE_09' },
      deadlines: STANDARD_DEADLINES,
    };
  }
  const to = addDay(schedule.dueOn, -1);
  return {
    ...common,
    name: `${schedule.title} kết quả thực hiện Kế hoạch ${plan.number}`,
    kind,
    periodTypes: ['AD_HOC'],
    cutOff: { rule: 'FIXED', from: plan.issuedOn < to ? plan.issuedOn : to, to },
    // The first working day after the cut-off: the day written, or the next working one.
    deadlines: [
      { level: 'COMMUNE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 1 },
      { level: 'DISTRICT', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 3 },
      { level: 'PROVINCE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 5 },
    ],
  };
}
