import { assertNever, Decider, DomainError } from '@reform/decider';
import { CascadeRequirement, DraftSection, DraftTask, PlanDraft, UnitCell } from './plan-draft';
import { parseTarget, Target } from './target';
import { Day, dueDate, parseTimeframe, Timeframe, TimeframeContext } from './timeframe';
import { FrameworkCatalogue, frameworkOf, indicatorOf } from './frameworks/catalogue';
import { CellRole, IssuerNeighbourhood, resolveCell } from './unit-references';

/**
 * The Plan aggregate: drafted, revised while a draft, issued (unit cells resolved to units on the
 * issue day, the cascade fixed), amended with a reason (revision 2, 3...), closed. Every text is
 * kept as written; parsed forms (timeframe, target) and resolved units sit beside it.
 */

export const planStreamId = (planId: string) => `plan-${planId}`;

// ── commands ──────────────────────────────────────────────────────────────────────────────────

/** How an amendment changes the appendix: a whole new one, or removals and new timeframes. */
export interface AppendixChange {
  /** The whole new appendix; tasks keep their taskId, new tasks get the next free one. */
  readonly sections?: readonly DraftSection[] | null;
  readonly removeTaskIds?: readonly string[] | null;
  readonly changeTimeframes?: ReadonlyArray<{ readonly taskId: string; readonly timeframe: string }> | null;
}

export type PlanCommand =
  | { type: 'DraftPlan'; data: { planId: string; draft: PlanDraft } }
  | { type: 'ReviseDraft'; data: { draft: PlanDraft } }
  /** `units`: the issuer's neighbourhood on `issuedOn`, loaded by the shell. */
  | { type: 'IssuePlan'; data: { issuedOn: Day; units: IssuerNeighbourhood } }
  | { type: 'AmendPlan'; data: { amendedOn: Day; reason: string; change: AppendixChange; units: IssuerNeighbourhood } }
  | { type: 'ClosePlan'; data: { closedOn: Day; reason: string | null } };

// ── events ────────────────────────────────────────────────────────────────────────────────────

export interface ResolvedCell {
  readonly unitCodes: string[];
  readonly unresolved: string[];
}
export interface TaskUnits {
  readonly lead: ResolvedCell;
  readonly implementing: ResolvedCell;
  readonly monitoring: ResolvedCell;
}
export interface IssuedCascade {
  readonly text: string;
  readonly dueOn: Day;
  readonly unitCodes: string[];
}

/**
 * A task's timeframe as read when the event was decided, and the day it is due then (null:
 * ongoing, yearly, relative, unspecified, or "within N days" of a day not yet known). Recorded in
 * the event (schema v2) so that a later change of the parser changes neither the plan's history,
 * its `asOf`, nor what a republish sends (ADR 0025).
 */
export interface RecordedTimeframe {
  readonly parsed: Timeframe;
  readonly dueOn: Day | null;
}
/** Every task of the draft by taskId, a task without a timeframe as `unspecified`. */
export type TaskTimeframes = Record<string, RecordedTimeframe>;

/** How the text of a timeframe is read: `parseTimeframe`, or another one a test injects. */
export type TimeframeReader = (text: string, context: TimeframeContext) => Timeframe;

export type PlanEvent =
  /** `draft` with every taskId assigned. */
  | { type: 'PlanDrafted'; data: { planId: string; draft: PlanDraft; timeframes: TaskTimeframes } }
  | { type: 'DraftRevised'; data: { draft: PlanDraft; timeframes: TaskTimeframes } }
  /**
   * Self-contained (the plan as issued, its units, its cascade, its timeframes as read and due
   * days on the issue day): what leaves the service is mapped from it alone.
   */
  | {
      type: 'PlanIssued';
      data: { issuedOn: Day; draft: PlanDraft; units: Record<string, TaskUnits>; cascade: IssuedCascade | null; timeframes: TaskTimeframes };
    }
  | {
      type: 'PlanAmended';
      data: {
        revision: number;
        reason: string;
        amendedOn: Day;
        /** The day the plan was issued: "within N days" timeframes count from it. */
        issuedOn: Day;
        /** The whole plan after the amendment (the appendix changes, nothing else). */
        draft: PlanDraft;
        /** Units of the added tasks, resolved on `amendedOn`. */
        units: Record<string, TaskUnits>;
        /** Every task's timeframe after the amendment, due days counted from `issuedOn`. */
        timeframes: TaskTimeframes;
        addedTaskIds: string[];
        removedTaskIds: string[];
        rescheduledTaskIds: string[];
      };
    }
  | { type: 'PlanClosed'; data: { closedOn: Day; reason: string | null } };

export const PLAN_EVENT_TYPES: readonly PlanEvent['type'][] = ['PlanDrafted', 'DraftRevised', 'PlanIssued', 'PlanAmended', 'PlanClosed'];

/**
 * Each task's timeframe read and its due day: `since` is the issue day ("within 30 days" counts
 * from it; none for a draft); a yearly task has no one due day (the tasks service schedules each year's).
 */
export function timeframesOf(draft: PlanDraft, since: Day | undefined, read: TimeframeReader = parseTimeframe): TaskTimeframes {
  const out: TaskTimeframes = {};
  for (const { task } of tasksOf(draft.sections)) {
    const parsed = read(task.timeframe ?? '', { planYear: draft.year });
    out[task.taskId as string] = { parsed, dueOn: parsed.kind === 'yearly' ? null : dueDate(parsed, { year: draft.year, since }) };
  }
  return out;
}

// ── state ─────────────────────────────────────────────────────────────────────────────────────

export interface PlanCell {
  readonly text: string;
  readonly unitCodes: readonly string[];
  /** Set once issued (or added by an amendment). */
  readonly resolved: ResolvedCell | null;
}

export interface PlanTask {
  readonly taskId: string;
  readonly ordinal: string | null;
  readonly text: string;
  readonly target: { readonly text: string; readonly parsed: Target } | null;
  readonly timeframe: { readonly text: string; readonly parsed: Timeframe } | null;
  readonly lead: PlanCell | null;
  readonly implementing: PlanCell | null;
  readonly monitoring: PlanCell | null;
  readonly expectedResult: string | null;
}

export interface PlanSection {
  readonly code: string | null;
  readonly title: string;
  /** As cited; its name is the catalogue's (read/frameworks), looked up when shown, not recorded. */
  readonly indicator: { readonly framework: string; readonly code: string } | null;
  readonly tasks: readonly PlanTask[];
  readonly sections: readonly PlanSection[];
}

export interface PlanBody {
  readonly planId: string;
  /** As drafted (or last amended): what revisions and amendments start from. */
  readonly draft: PlanDraft;
  readonly sections: readonly PlanSection[];
}

export interface Amendment {
  readonly revision: number;
  readonly reason: string;
  readonly amendedOn: Day;
}

export type PlanState =
  | { readonly status: 'absent' }
  | (PlanBody & { readonly status: 'draft' })
  | (PlanBody & IssuedFacts & { readonly status: 'issued' })
  | (PlanBody & IssuedFacts & { readonly status: 'closed'; readonly closedOn: Day; readonly closeReason: string | null });

export interface IssuedFacts {
  readonly issuedOn: Day;
  readonly revision: number;
  readonly cascade: IssuedCascade | null;
  readonly amendments: readonly Amendment[];
  /** Every taskId ever used: a removed task's id is never given again. */
  readonly usedTaskIds: readonly string[];
}

// ── decide ────────────────────────────────────────────────────────────────────────────────────

const error = (code: string, message: string, field?: string, kind?: 'NOT_FOUND' | 'CONFLICT') =>
  new DomainError(code, message, { ...(field ? { field } : {}), ...(kind ? { kind } : {}) });

function decide(command: PlanCommand, state: PlanState, { read, catalogue }: DecideWith): PlanEvent[] {
  switch (command.type) {
    case 'DraftPlan': {
      if (state.status !== 'absent') throw error('PLAN.ALREADY_EXISTS', 'Kế hoạch này đã tồn tại.', 'id', 'CONFLICT');
      const draft = withTaskIds(command.data.draft, []);
      validateDraft(draft, catalogueOrFail(catalogue));
      return [{ type: 'PlanDrafted', data: { planId: command.data.planId, draft, timeframes: timeframesOf(draft, undefined, read) } }];
    }
    case 'ReviseDraft': {
      const plan = existing(state);
      if (plan.status !== 'draft')
        throw error('PLAN.NOT_A_DRAFT', 'Chỉ sửa được kế hoạch đang dự thảo; kế hoạch đã ban hành thì điều chỉnh (amend) có lý do.', 'id');
      if (command.data.draft.issuerCode !== plan.draft.issuerCode)
        throw error('PLAN.ISSUER_CHANGED', 'Không thể đổi đơn vị ban hành của kế hoạch.', 'input.issuerCode');
      const draft = withTaskIds(command.data.draft, []);
      validateDraft(draft, catalogueOrFail(catalogue));
      return [{ type: 'DraftRevised', data: { draft, timeframes: timeframesOf(draft, undefined, read) } }];
    }
    case 'IssuePlan': {
      const plan = existing(state);
      if (plan.status !== 'draft') throw error('PLAN.ALREADY_ISSUED', 'Kế hoạch đã được ban hành.', 'id', 'CONFLICT');
      const { issuedOn, units } = command.data;
      checkDay(issuedOn, 'issuedOn');
      const preview = previewIssue(plan.draft, issuedOn, units);
      if (preview.problems.length) throw problemsError(preview.problems);
      return [
        {
          type: 'PlanIssued',
          data: { issuedOn, draft: plan.draft, units: preview.units, cascade: preview.cascade, timeframes: timeframesOf(plan.draft, issuedOn, read) },
        },
      ];
    }
    case 'AmendPlan':
      return decideAmendment(command.data, existing(state), read, catalogue);
    case 'ClosePlan': {
      const plan = existing(state);
      if (plan.status === 'closed') throw error('PLAN.CLOSED', 'Kế hoạch đã kết thúc.', 'id', 'CONFLICT');
      if (plan.status !== 'issued') throw error('PLAN.NOT_ISSUED', 'Chỉ kết thúc được kế hoạch đã ban hành.', 'id');
      checkDay(command.data.closedOn, 'closedOn');
      return [{ type: 'PlanClosed', data: { closedOn: command.data.closedOn, reason: command.data.reason?.trim() || null } }];
    }
    default:
      return assertNever(command, 'plan command');
  }
}

// ── decide: an amendment, in named steps ──────────────────────────────────────────────────────

type AmendCommand = Extract<PlanCommand, { type: 'AmendPlan' }>['data'];
type IssuedPlan = Extract<PlanState, { status: 'issued' }>;

/** What an amendment does to the tasks: added (with their path), removed and rescheduled ids. */
interface AppendixDifference {
  readonly addedTaskIds: string[];
  readonly removedTaskIds: string[];
  readonly rescheduledTaskIds: string[];
}

function decideAmendment(
  command: AmendCommand,
  plan: Exclude<PlanState, { status: 'absent' }>,
  read: TimeframeReader,
  catalogue: FrameworkCatalogue | null,
): PlanEvent[] {
  const issued = amendable(plan);
  checkAmendment(issued, command);
  const draft = amendedDraft(issued, command.change, catalogueOrFail(catalogue));
  const difference = differenceOf(issued.draft, draft);
  const units = unitsOfAddedTasks(draft, command.units, difference.addedTaskIds);
  return [
    {
      type: 'PlanAmended',
      data: {
        revision: issued.revision + 1,
        reason: command.reason.trim(),
        amendedOn: command.amendedOn,
        issuedOn: issued.issuedOn,
        draft,
        units,
        timeframes: timeframesOf(draft, issued.issuedOn, read),
        ...difference,
      },
    },
  ];
}

/** Only an issued plan is amended: a draft is revised, a closed plan is final. */
function amendable(plan: Exclude<PlanState, { status: 'absent' }>): IssuedPlan {
  if (plan.status === 'closed') throw error('PLAN.CLOSED', 'Kế hoạch đã kết thúc; không thể điều chỉnh.', 'id', 'CONFLICT');
  if (plan.status !== 'issued') throw error('PLAN.NOT_ISSUED', 'Kế hoạch chưa ban hành; hãy sửa dự thảo.', 'id');
  return plan;
}

/** A reason, a valid day, and an issuer that exists on that day. */
function checkAmendment(plan: IssuedPlan, { reason, amendedOn, units }: AmendCommand): void {
  if (!reason.trim()) throw error('PLAN.REASON_REQUIRED', 'Điều chỉnh kế hoạch phải có lý do.', 'input.reason');
  checkDay(amendedOn, 'amendedOn');
  if (!units.issuer) throw error('PLAN.ISSUER_NOT_FOUND', `Đơn vị ban hành "${plan.draft.issuerCode}" không tồn tại vào ngày ${amendedOn}.`, 'id');
}

/** The plan after the change, new tasks numbered after every id ever used, and valid as a draft. */
function amendedDraft(plan: IssuedPlan, change: AppendixChange, catalogue: FrameworkCatalogue): PlanDraft {
  const draft = withTaskIds({ ...plan.draft, sections: applyChange(plan, change) }, plan.usedTaskIds);
  validateDraft(draft, catalogue, 'input.');
  return draft;
}

/**
 * Which tasks were added, removed or given a new timeframe. A kept task's units cannot change
 * (its assignments are out): the caller removes it and adds a new one. Nothing changed is refused.
 */
function differenceOf(before: PlanDraft, after: PlanDraft): AppendixDifference {
  const old = new Map(tasksOf(before.sections).map(({ task }) => [task.taskId as string, task]));
  const now = tasksOf(after.sections);
  const nowIds = new Set(now.map(({ task }) => task.taskId as string));
  const addedTaskIds = now.filter(({ task }) => !old.has(task.taskId as string)).map(({ task }) => task.taskId as string);
  const removedTaskIds = [...old.keys()].filter((id) => !nowIds.has(id));
  const rescheduledTaskIds: string[] = [];
  for (const { task, path } of now) {
    const previous = old.get(task.taskId as string);
    if (!previous) continue;
    if (!sameCell(previous.lead, task.lead) || !sameCell(previous.implementing, task.implementing) || !sameCell(previous.monitoring, task.monitoring)) {
      throw error(
        'PLAN.TASK_UNITS_CHANGED',
        `Nhiệm vụ "${short(task.text)}" (${task.taskId}) đã giao cho đơn vị; không đổi đơn vị được — hãy bỏ nhiệm vụ và thêm nhiệm vụ mới.`,
        `input.${path}`,
      );
    }
    if ((previous.timeframe ?? '') !== (task.timeframe ?? '')) rescheduledTaskIds.push(task.taskId as string);
  }
  if (!addedTaskIds.length && !removedTaskIds.length && !rescheduledTaskIds.length)
    throw error('PLAN.NOTHING_AMENDED', 'Điều chỉnh không thay đổi nhiệm vụ nào.', 'input');
  return { addedTaskIds, removedTaskIds, rescheduledTaskIds };
}

/** The added tasks' units, resolved on the amendment day; every problem at once. */
function unitsOfAddedTasks(draft: PlanDraft, units: IssuerNeighbourhood, addedTaskIds: readonly string[]): Record<string, TaskUnits> {
  const added = new Set(addedTaskIds);
  const { units: resolved, problems } = resolveTasks(draft, units, (taskId) => added.has(taskId), 'input.');
  if (problems.length) throw problemsError(problems);
  return resolved;
}

function existing(state: PlanState): Exclude<PlanState, { status: 'absent' }> {
  if (state.status === 'absent') throw error('PLAN.NOT_FOUND', 'Không tìm thấy kế hoạch.', 'id', 'NOT_FOUND');
  return state;
}

function checkDay(day: string, field: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    throw error('PLAN.INVALID_DATE', `Ngày "${day}" không hợp lệ (định dạng YYYY-MM-DD).`, field);
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text);

/** Every task with its field path ("sections[0].sections[1].tasks[2]"), in order. */
export function tasksOf(sections: readonly DraftSection[], prefix = 'sections'): Array<{ task: DraftTask; path: string; section: DraftSection }> {
  return sections.flatMap((section, i) => [
    ...section.tasks.map((task, j) => ({ task, path: `${prefix}[${i}].tasks[${j}]`, section })),
    ...tasksOf(section.sections ?? [], `${prefix}[${i}].sections`),
  ]);
}

/** Gives "t1", "t2"... in order to tasks without an id, skipping ids in use or used before. */
function withTaskIds(draft: PlanDraft, usedBefore: readonly string[]): PlanDraft {
  const used = new Set([...usedBefore, ...tasksOf(draft.sections).flatMap(({ task }) => (task.taskId ? [task.taskId] : []))]);
  let next = 1;
  const nextId = () => {
    while (used.has(`t${next}`)) next++;
    used.add(`t${next}`);
    return `t${next}`;
  };
  const section = (s: DraftSection): DraftSection => ({
    ...s,
    tasks: s.tasks.map((task) => (task.taskId ? task : { ...task, taskId: nextId() })),
    ...(s.sections ? { sections: s.sections.map(section) } : {}),
  });
  return { ...draft, sections: draft.sections.map(section) };
}

function validateDraft(draft: PlanDraft, catalogue: FrameworkCatalogue, prefix = 'input.'): void {
  if (!draft.number?.trim()) throw error('PLAN.NUMBER_REQUIRED', 'Số kế hoạch không được để trống.', `${prefix}number`);
  if (!draft.title?.trim()) throw error('PLAN.TITLE_REQUIRED', 'Tên kế hoạch không được để trống.', `${prefix}title`);
  if (!draft.issuerCode?.trim()) throw error('PLAN.ISSUER_REQUIRED', 'Chưa chọn đơn vị ban hành.', `${prefix}issuerCode`);
  if (!Number.isInteger(draft.year) || draft.year < 1990 || draft.year > 2100)
    throw error('PLAN.INVALID_YEAR', `Năm kế hoạch "${draft.year}" không hợp lệ.`, `${prefix}year`);
  if (draft.documentDate) checkDay(draft.documentDate, `${prefix}documentDate`);
  if (draft.endYear !== undefined && draft.endYear !== null && (!Number.isInteger(draft.endYear) || draft.endYear < draft.year || draft.endYear > 2100)) {
    throw error('PLAN.INVALID_END_YEAR', `Năm kết thúc "${draft.endYear}" phải từ năm kế hoạch (${draft.year}) trở đi.`, `${prefix}endYear`);
  }
  draft.frameworks.forEach((code, i) => {
    if (!frameworkOf(code, catalogue)) throw error('PLAN.UNKNOWN_FRAMEWORK', `Bộ chỉ số "${code}" không có trong danh mục.`, `${prefix}frameworks[${i}]`);
  });
  const checkSections = (sections: readonly DraftSection[], path: string) =>
    sections.forEach((section, i) => {
      const here = `${path}[${i}]`;
      if (!section.title?.trim()) throw error('PLAN.SECTION_TITLE_REQUIRED', 'Tên mục không được để trống.', `${prefix}${here}.title`);
      if (section.indicator) {
        const found = indicatorOf(section.indicator.framework, section.indicator.code, draft.year, catalogue);
        if (found === 'unknown-framework')
          throw error(
            'PLAN.UNKNOWN_FRAMEWORK',
            `Mục "${short(section.title)}": bộ chỉ số "${section.indicator.framework}" không có trong danh mục.`,
            `${prefix}${here}.indicator`,
          );
        if (!found)
          throw error(
            'PLAN.UNKNOWN_INDICATOR',
            `Mục "${short(section.title)}": chỉ số "${section.indicator.code}" không có trong bộ chỉ số ${section.indicator.framework} năm ${draft.year}.`,
            `${prefix}${here}.indicator`,
          );
      }
      section.tasks.forEach((task, j) => {
        if (!task.text?.trim())
          throw error(
            'PLAN.TASK_TEXT_REQUIRED',
            `Nhiệm vụ thứ ${j + 1} của mục "${short(section.title)}" chưa có nội dung.`,
            `${prefix}${here}.tasks[${j}].text`,
          );
      });
      checkSections(section.sections ?? [], `${here}.sections`);
    });
  checkSections(draft.sections, 'sections');
  const ids = tasksOf(draft.sections);
  const seen = new Set<string>();
  for (const { task, path } of ids) {
    if (seen.has(task.taskId as string)) throw error('PLAN.DUPLICATE_TASK_ID', `Mã nhiệm vụ "${task.taskId}" bị trùng.`, `${prefix}${path}.taskId`);
    seen.add(task.taskId as string);
  }
  const cascade = draft.cascade;
  if (cascade) {
    if (!cascade.text?.trim()) throw error('PLAN.CASCADE_TEXT_REQUIRED', 'Yêu cầu xây dựng kế hoạch cấp dưới phải có nội dung.', `${prefix}cascade.text`);
    if (cascade.dueOn) checkDay(cascade.dueOn, `${prefix}cascade.dueOn`);
    else if (!(Number.isInteger(cascade.withinDays) && (cascade.withinDays as number) > 0))
      throw error('PLAN.CASCADE_DUE_REQUIRED', 'Yêu cầu xây dựng kế hoạch cấp dưới phải có hạn (số ngày hoặc ngày cụ thể).', `${prefix}cascade.withinDays`);
  }
  (draft.reportingRequirements ?? []).forEach((requirement, i) => {
    const field = `${prefix}reportingRequirements[${i}]`;
    const text = requirement.text?.trim() ?? '';
    if (!text) throw error('PLAN.REPORTING_TEXT_REQUIRED', 'Yêu cầu báo cáo phải có nội dung như văn bản đã viết.', `${field}.text`);
    if (text.length > 2_000) throw error('PLAN.REPORTING_TEXT_TOO_LONG', 'Yêu cầu báo cáo dài quá 2.000 ký tự.', `${field}.text`);
    if (requirement.regimeId !== null && requirement.regimeId !== undefined && !/^[A-Za-z0-9_.~-]{1,120}$/.test(requirement.regimeId)) {
      throw error(
        'PLAN.REPORTING_REGIME_ID',
        `Mã chế độ báo cáo "${requirement.regimeId}" không hợp lệ (chữ, số, dấu chấm, gạch; tối đa 120 ký tự).`,
        `${field}.regimeId`,
      );
    }
  });
}

const sameCell = (a: UnitCell | null | undefined, b: UnitCell | null | undefined) =>
  (a?.text ?? '').trim() === (b?.text ?? '').trim() && JSON.stringify([...(a?.unitCodes ?? [])].sort()) === JSON.stringify([...(b?.unitCodes ?? [])].sort());

/** One thing that stops a plan from being issued: where it is (field path), which rule, why (Vietnamese). */
export interface PlanProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** Every problem in one error: the first one's rule and field when alone, else PLAN.ISSUE_PROBLEMS; all of them in `problems`. */
export function problemsError(problems: readonly PlanProblem[]): DomainError {
  if (problems.length === 1) return new DomainError(problems[0].rule, problems[0].message, { field: problems[0].field, problems: [...problems] });
  const message = `Kế hoạch có ${problems.length} vấn đề cần sửa; chưa ban hành: ${problems.map((p) => p.message).join(' ')}`;
  return new DomainError('PLAN.ISSUE_PROBLEMS', message, { field: problems[0].field, problems: [...problems] });
}

/**
 * Resolves the unit cells of the tasks `which` selects and checks the issue rules on every one
 * of them, collecting all the problems (an official fixes them in one go, not one per attempt).
 */
export function resolveTasks(
  draft: PlanDraft,
  units: IssuerNeighbourhood,
  which: (taskId: string) => boolean,
  prefix = '',
): { units: Record<string, TaskUnits>; problems: PlanProblem[] } {
  const result: Record<string, TaskUnits> = {};
  const problems: PlanProblem[] = [];
  const leadMonitors = draft.columns?.leadMonitors === true;
  for (const { task, path } of tasksOf(draft.sections)) {
    const taskId = task.taskId as string;
    if (!which(taskId)) continue;
    const name = `Nhiệm vụ "${short(task.text)}" (${taskId})`;
    const resolve = (role: CellRole) => {
      const resolution = resolveCell(task[role], role, units);
      for (const problem of resolution.problems) {
        problems.push({
          rule: problem.problem === 'unknown' ? 'PLAN.UNIT_NOT_FOUND' : 'PLAN.UNIT_OUTSIDE_ISSUER',
          message:
            problem.problem === 'unknown'
              ? `${name}: đơn vị "${problem.code}" không tồn tại vào ngày ban hành.`
              : `${name}: đơn vị "${problem.code}" không thuộc phạm vi của đơn vị ban hành${role === 'monitoring' ? ' hoặc cấp trên' : ''}.`,
          field: `${prefix}${path}.${role}.unitCodes`,
        });
      }
      return { unitCodes: resolution.unitCodes, unresolved: resolution.unresolved };
    };
    const lead = resolve('lead');
    const implementing = resolve('implementing');
    const monitoring = leadMonitors && !task.monitoring ? lead : resolve('monitoring');
    if (implementing.unitCodes.length === 0)
      problems.push({ rule: 'PLAN.NO_IMPLEMENTING_UNIT', message: `${name} chưa có đơn vị thực hiện.`, field: `${prefix}${path}.implementing` });
    if (lead.unitCodes.length === 0 && monitoring.unitCodes.length === 0) {
      problems.push({
        rule: 'PLAN.NO_ANSWERABLE_UNIT',
        message: `${name} chưa có đơn vị chủ trì hoặc theo dõi.`,
        field: `${prefix}${path}.${leadMonitors || task.lead ? 'lead' : 'monitoring'}`,
      });
    }
    result[taskId] = { lead, implementing, monitoring };
  }
  return { units: result, problems };
}

/** What issuing on a day would do, decided by the same code as the issue itself. */
export interface IssuePreview {
  readonly issuedOn: Day;
  readonly units: Record<string, TaskUnits>;
  readonly cascade: IssuedCascade | null;
  readonly problems: PlanProblem[];
}

export function previewIssue(draft: PlanDraft, issuedOn: Day, units: IssuerNeighbourhood): IssuePreview {
  if (!units.issuer) {
    return {
      issuedOn,
      units: {},
      cascade: null,
      problems: [{ rule: 'PLAN.ISSUER_NOT_FOUND', message: `Đơn vị ban hành "${draft.issuerCode}" không tồn tại vào ngày ${issuedOn}.`, field: 'issuedOn' }],
    };
  }
  const resolved = resolveTasks(draft, units, () => true);
  return { issuedOn, units: resolved.units, cascade: cascadeOf(draft.cascade ?? null, issuedOn, units), problems: resolved.problems };
}

function cascadeOf(requirement: CascadeRequirement | null, issuedOn: Day, units: IssuerNeighbourhood): IssuedCascade | null {
  if (!requirement || !units.issuer) return null;
  const levels = requirement.levels?.length ? requirement.levels : ['COMMUNE', 'AGENCY'];
  const children = units.subtree.filter((unit) => unit.parentCode === units.issuer?.code && (levels as string[]).includes(unit.level));
  const dueOn = requirement.dueOn ?? addDays(issuedOn, requirement.withinDays ?? 0);
  return { text: requirement.text, dueOn, unitCodes: children.map((unit) => unit.code) };
}

function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function applyChange(plan: PlanBody, change: AppendixChange): DraftSection[] {
  const sections = change.sections ? [...change.sections] : [...plan.draft.sections];
  const known = new Set(
    tasksOf(sections)
      .map(({ task }) => task.taskId)
      .filter(Boolean),
  );
  (change.removeTaskIds ?? []).forEach((id, i) => {
    if (!known.has(id)) throw error('PLAN.TASK_NOT_FOUND', `Không có nhiệm vụ mã "${id}" trong kế hoạch.`, `input.removeTaskIds[${i}]`);
  });
  (change.changeTimeframes ?? []).forEach(({ taskId }, i) => {
    if (!known.has(taskId)) throw error('PLAN.TASK_NOT_FOUND', `Không có nhiệm vụ mã "${taskId}" trong kế hoạch.`, `input.changeTimeframes[${i}].taskId`);
  });
  const removed = new Set(change.removeTaskIds ?? []);
  const timeframes = new Map((change.changeTimeframes ?? []).map((c) => [c.taskId, c.timeframe]));
  const edit = (section: DraftSection): DraftSection => ({
    ...section,
    tasks: section.tasks
      .filter((task) => !removed.has(task.taskId ?? ''))
      .map((task) => (task.taskId && timeframes.has(task.taskId) ? { ...task, timeframe: timeframes.get(task.taskId) } : task)),
    ...(section.sections ? { sections: section.sections.map(edit) } : {}),
  });
  return sections.map(edit);
}

// ── evolve ────────────────────────────────────────────────────────────────────────────────────

function bodyOf(planId: string, draft: PlanDraft, units: Record<string, TaskUnits>, timeframes: TaskTimeframes): PlanBody {
  const cell = (value: UnitCell | null | undefined, resolved: ResolvedCell | undefined): PlanCell | null =>
    value ? { text: value.text, unitCodes: [...(value.unitCodes ?? [])], resolved: resolved ?? null } : null;
  const task = (t: DraftTask): PlanTask => {
    const found = units[t.taskId as string];
    return {
      taskId: t.taskId as string,
      ordinal: t.ordinal ?? null,
      text: t.text,
      target: t.target ? { text: t.target, parsed: parseTarget(t.target) } : null,
      // As recorded when decided (never parsed again here: a parser change must not rewrite history).
      timeframe: t.timeframe ? { text: t.timeframe, parsed: timeframes[t.taskId as string]?.parsed ?? { kind: 'unspecified', text: t.timeframe } } : null,
      lead: cell(t.lead, found?.lead),
      implementing: cell(t.implementing, found?.implementing),
      // With one column for lead and monitor (seed 001), the lead also monitors.
      monitoring: t.monitoring ? cell(t.monitoring, found?.monitoring) : draft.columns?.leadMonitors && t.lead ? cell(t.lead, found?.monitoring) : null,
      expectedResult: t.expectedResult ?? null,
    };
  };
  const section = (s: DraftSection): PlanSection => ({
    code: s.code ?? null,
    title: s.title,
    indicator: s.indicator ? { framework: s.indicator.framework, code: s.indicator.code } : null,
    tasks: s.tasks.map(task),
    sections: (s.sections ?? []).map(section),
  });
  return { planId, draft, sections: draft.sections.map(section) };
}

/** The resolved units of every task of a state (what issuing and amendments recorded). */
export function unitsOfState(sections: readonly PlanSection[]): Record<string, TaskUnits> {
  const out: Record<string, TaskUnits> = {};
  const empty = { unitCodes: [], unresolved: [] };
  const walk = (list: readonly PlanSection[]) =>
    list.forEach((section) => {
      section.tasks.forEach((task) => {
        if (task.implementing?.resolved || task.lead?.resolved || task.monitoring?.resolved) {
          out[task.taskId] = {
            lead: task.lead?.resolved ?? empty,
            implementing: task.implementing?.resolved ?? empty,
            monitoring: task.monitoring?.resolved ?? empty,
          };
        }
      });
      walk(section.sections);
    });
  walk(sections);
  return out;
}

function evolve(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanDrafted':
      return { status: 'draft', ...bodyOf(event.data.planId, event.data.draft, {}, event.data.timeframes) };
    case 'DraftRevised':
      if (state.status !== 'draft') return state;
      return { status: 'draft', ...bodyOf(state.planId, event.data.draft, {}, event.data.timeframes) };
    case 'PlanIssued':
      if (state.status !== 'draft') return state;
      return {
        status: 'issued',
        ...bodyOf(state.planId, event.data.draft, event.data.units, event.data.timeframes),
        issuedOn: event.data.issuedOn,
        revision: 1,
        cascade: event.data.cascade,
        amendments: [],
        usedTaskIds: tasksOf(event.data.draft.sections).map(({ task }) => task.taskId as string),
      };
    case 'PlanAmended': {
      if (state.status !== 'issued') return state;
      const draft = event.data.draft;
      const units = { ...unitsOfState(state.sections), ...event.data.units };
      return {
        ...state,
        ...bodyOf(state.planId, draft, units, event.data.timeframes),
        revision: event.data.revision,
        amendments: [...state.amendments, { revision: event.data.revision, reason: event.data.reason, amendedOn: event.data.amendedOn }],
        usedTaskIds: [...new Set([...state.usedTaskIds, ...tasksOf(draft.sections).map(({ task }) => task.taskId as string)])],
      };
    }
    case 'PlanClosed':
      if (state.status !== 'issued') return state;
      return { ...state, status: 'closed', closedOn: event.data.closedOn, closeReason: event.data.reason };
    default:
      return assertNever(event, 'plan event');
  }
}

/** What deciding needs besides the state: how timeframes are read, and the framework catalogue drafts are checked against. */
interface DecideWith {
  readonly read: TimeframeReader;
  /** Null: this decider only folds (history, asOf, projections); deciding a draft or an amendment fails loudly. */
  readonly catalogue: FrameworkCatalogue | null;
}

function catalogueOrFail(catalogue: FrameworkCatalogue | null): FrameworkCatalogue {
  if (!catalogue) throw new Error('plans: deciding a draft needs the framework catalogue (planDeciderFor)');
  return catalogue;
}

/**
 * The Plan decider checking drafts against `catalogue` (the replica of the scoring service's
 * frameworks, ADR 0034) and reading timeframes with `read` (a test may inject another reader;
 * evolve never reads one).
 */
export function planDeciderFor(catalogue: FrameworkCatalogue, read: TimeframeReader = parseTimeframe): Decider<PlanCommand, PlanEvent, PlanState> {
  return { decide: (command, state) => decide(command, state, { read, catalogue }), evolve, initialState: { status: 'absent' } };
}

/** The Plan decider for folding (history, asOf, the projection) and for the issue and the closing, which cite no framework. */
export const planDecider: Decider<PlanCommand, PlanEvent, PlanState> = {
  decide: (command, state) => decide(command, state, { read: parseTimeframe, catalogue: null }),
  evolve,
  initialState: { status: 'absent' },
};
