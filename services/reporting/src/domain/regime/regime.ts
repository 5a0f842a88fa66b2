/* Pure (type:domain): a report regime (chế độ báo cáo) as data, and its checks. */
import { DomainError } from '@reform/decider';
import { checkDeadlineRules, DeadlineRule } from '../period/deadlines';
import { CutOffRule, PERIOD_TYPES, PeriodType } from '../period/period';

export const REGIME_KINDS = ['PERIODIC', 'THEMATIC', 'AD_HOC'] as const;
export type RegimeKind = (typeof REGIME_KINDS)[number];
export const ITEM_TYPES = ['NUMBER', 'PERCENT', 'COUNT', 'YES_NO', 'TEXT'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];
export const CONSOLIDATION_RULES = ['SUM', 'MEAN', 'WEIGHTED_MEAN', 'MIN', 'MAX', 'COUNT_YES', 'NONE'] as const;
export type ConsolidationRule = (typeof CONSOLIDATION_RULES)[number];
/**
 * How the pre-fill computes an item from the unit's assignments of the regime's plans inside the
 * cut-off: how many, how many completed, how many overdue, the share completed (%), the mean
 * progress (%).
 */
export const PREFILL_RULES = ['ASSIGNMENTS', 'COMPLETED', 'OVERDUE', 'COMPLETED_PERCENT', 'MEAN_PROGRESS'] as const;
export type PrefillRule = (typeof PREFILL_RULES)[number];

export interface FormSection {
  readonly code: string;
  readonly title: string;
}

export interface DataItem {
  readonly code: string;
  readonly name: string;
  /** Unit of measure ("văn bản", "%", "hồ sơ"); null when none. */
  readonly unit: string | null;
  readonly type: ItemType;
  readonly required: boolean;
  readonly min: number | null;
  readonly max: number | null;
  readonly rule: ConsolidationRule;
  /** For WEIGHTED_MEAN: the item whose value weighs each child's. */
  readonly weightItem: string | null;
  readonly prefill: PrefillRule | null;
  /**
   * The task of one of the regime's plans whose target this item reports (absent or null: none).
   * Published with the regime, so that the scoring service compares the task's target with it.
   */
  readonly measures?: { readonly planId: string; readonly taskId: string } | null;
}

/** An item counting the unit's assignments, summed up the hierarchy, its figure pre-filled by the rule given. */
export const assignmentCount = (code: string, name: string, required: boolean, prefill: PrefillRule): DataItem => ({
  code,
  name,
  unit: 'nhiệm vụ',
  type: 'COUNT',
  required,
  min: 0,
  max: null,
  rule: 'SUM',
  weightItem: null,
  prefill,
});

/** A percentage from 0 to 100 (a weighted mean weighs it by another item). */
export const percentItem = (
  code: string,
  name: string,
  rule: ConsolidationRule,
  weightItem: string | null = null,
  prefill: PrefillRule | null = null,
): DataItem => ({
  code,
  name,
  unit: '%',
  type: 'PERCENT',
  required: false,
  min: 0,
  max: 100,
  rule,
  weightItem,
  prefill,
});

/** A yes-or-no item; the level above counts the yeses. */
export const yesNoItem = (code: string, name: string): DataItem => ({
  code,
  name,
  unit: null,
  type: 'YES_NO',
  required: false,
  min: null,
  max: null,
  rule: 'COUNT_YES',
  weightItem: null,
  prefill: null,
});

export interface ReportForm {
  readonly sections: readonly FormSection[];
  readonly items: readonly DataItem[];
}

/**
 * Who reports: the units of these levels under the owner ("UBND các xã, thị trấn": COMMUNE),
 * resolved against the unit copy on the day each period opens, so a unit merged or ended since
 * the regime was defined is followed (its successor reports); `unitCodes` names units instead.
 */
export interface ReportingUnitSelector {
  readonly text: string;
  readonly levels: ReadonlyArray<'COMMUNE' | 'DISTRICT'>;
  readonly unitCodes: readonly string[];
}

export interface RegimeDefinition {
  readonly id: string;
  readonly ownerCode: string;
  readonly name: string;
  readonly kind: RegimeKind;
  readonly periodTypes: readonly PeriodType[];
  readonly cutOff: CutOffRule;
  readonly deadlines: readonly DeadlineRule[];
  /** Days of entry after a level's deadline before its reports lock. */
  readonly lockAfterDays: number;
  readonly selector: ReportingUnitSelector;
  readonly form: ReportForm;
  /** Plans whose reporting requirement this regime is: their assignments pre-fill the reports. */
  readonly planIds: readonly string[];
  /** Where it comes from (e.g. "Kế hoạch 154/KH-UBND, mục V"). */
  readonly source: string | null;
  /** Made by the platform from a plan's reporting requirement (its n-th, 1-based) when the plan was issued; absent when defined by hand. */
  readonly fromPlan?: { readonly planId: string; readonly planNumber: string; readonly requirement: number } | null;
}

const bad = (message: string, field: string) => new DomainError('REGIME.INVALID', message, { kind: 'BAD_USER_INPUT', field });
const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

/** Every rule a regime's definition must keep; throws naming the field and the rule, in Vietnamese. */
export function checkRegime(definition: RegimeDefinition): RegimeDefinition {
  const name = definition.name.trim();
  if (!name) throw bad('Tên chế độ báo cáo không được để trống.', 'name');
  if (name.length > 500) throw bad('Tên chế độ báo cáo dài quá 500 ký tự.', 'name');
  if (!REGIME_KINDS.includes(definition.kind)) throw bad(`Loại báo cáo "${definition.kind}" không hợp lệ: PERIODIC, THEMATIC hoặc AD_HOC.`, 'kind');
  if (definition.periodTypes.length === 0) throw bad('Cần ít nhất một loại kỳ báo cáo.', 'periodTypes');
  definition.periodTypes.forEach((type, i) => {
    if (!PERIOD_TYPES.includes(type)) throw bad(`Loại kỳ "${type}" không hợp lệ.`, `periodTypes[${i}]`);
  });
  if (definition.periodTypes.includes('AD_HOC') && definition.cutOff.rule !== 'FIXED')
    throw bad('Báo cáo đột xuất cần thời gian chốt số liệu cố định.', 'cutOff');
  checkDeadlineRules(definition.deadlines);
  if (!Number.isInteger(definition.lockAfterDays) || definition.lockAfterDays < 0 || definition.lockAfterDays > 90)
    throw bad('Số ngày nhập liệu sau hạn phải từ 0 đến 90.', 'lockAfterDays');
  if (definition.selector.levels.length === 0 && definition.selector.unitCodes.length === 0)
    throw bad('Cần chỉ rõ đơn vị báo cáo (cấp xã, cấp huyện hoặc danh sách đơn vị).', 'selector');
  const sectionCodes = new Set<string>();
  definition.form.sections.forEach((section, i) => {
    if (!CODE.test(section.code) || sectionCodes.has(section.code))
      throw bad(`Mã phần "${section.code}" không hợp lệ hoặc bị trùng.`, `form.sections[${i}].code`);
    if (!section.title.trim()) throw bad('Tên phần không được để trống.', `form.sections[${i}].title`);
    sectionCodes.add(section.code);
  });
  const itemCodes = new Set(definition.form.items.map((item) => item.code));
  const seen = new Set<string>();
  definition.form.items.forEach((item, i) => {
    const field = `form.items[${i}]`;
    if (!CODE.test(item.code) || seen.has(item.code)) throw bad(`Mã chỉ tiêu "${item.code}" không hợp lệ hoặc bị trùng.`, `${field}.code`);
    seen.add(item.code);
    if (!item.name.trim()) throw bad('Tên chỉ tiêu không được để trống.', `${field}.name`);
    if (!ITEM_TYPES.includes(item.type)) throw bad(`Kiểu dữ liệu "${item.type}" không hợp lệ.`, `${field}.type`);
    if (!CONSOLIDATION_RULES.includes(item.rule)) throw bad(`Cách tổng hợp "${item.rule}" không hợp lệ.`, `${field}.rule`);
    if (item.min !== null && item.max !== null && item.min > item.max)
      throw bad(`Chỉ tiêu ${item.code}: giá trị nhỏ nhất lớn hơn giá trị lớn nhất.`, `${field}.min`);
    const numeric = ['NUMBER', 'PERCENT', 'COUNT'].includes(item.type);
    if (['SUM', 'MEAN', 'WEIGHTED_MEAN', 'MIN', 'MAX'].includes(item.rule) && !numeric)
      throw bad(`Chỉ tiêu ${item.code}: cách tổng hợp ${item.rule} chỉ dùng cho số.`, `${field}.rule`);
    if (item.rule === 'COUNT_YES' && item.type !== 'YES_NO') throw bad(`Chỉ tiêu ${item.code}: đếm "có" chỉ dùng cho chỉ tiêu có/không.`, `${field}.rule`);
    if (item.rule === 'WEIGHTED_MEAN' && (!item.weightItem || !itemCodes.has(item.weightItem) || item.weightItem === item.code))
      throw bad(`Chỉ tiêu ${item.code}: bình quân gia quyền cần chỉ tiêu trọng số khác trong biểu mẫu.`, `${field}.weightItem`);
    if (item.prefill && !PREFILL_RULES.includes(item.prefill)) throw bad(`Cách điền sẵn "${item.prefill}" không hợp lệ.`, `${field}.prefill`);
    if (item.measures) {
      if (!numeric) throw bad(`Chỉ tiêu ${item.code}: chỉ chỉ tiêu dạng số, tỷ lệ hoặc số lượng mới đo được chỉ tiêu của nhiệm vụ.`, `${field}.measures`);
      if (!definition.planIds.includes(item.measures.planId))
        throw bad(`Chỉ tiêu ${item.code}: kế hoạch của nhiệm vụ được đo phải là một kế hoạch gắn với chế độ báo cáo.`, `${field}.measures.planId`);
      if (!item.measures.taskId.trim()) throw bad(`Chỉ tiêu ${item.code}: cần mã nhiệm vụ được đo.`, `${field}.measures.taskId`);
    }
  });
  return { ...definition, name };
}
