/* Pure (type:domain): the Report aggregate — one unit's report for one period of one regime. */
import { Decider, DomainError } from '@reform/decider';
import { addDays, vietnameseDate } from '../calendar/working-days';
import { DayRange } from '../period/period';
import { DataItem, ReportForm } from '../regime/regime';

/**
 * Life: EXPECTED (the period opened) → DRAFT (saved) → SUBMITTED (on time or late against the
 * level's deadline) → ACCEPTED by the level above, or RETURNED with a reason → resubmitted.
 * WAIVED: the level above marked it "không báo cáo" with a reason. The owner's own report
 * (role CONSOLIDATED) is APPROVED once every child's report is accepted or waived.
 * After `closesOn` nothing is entered (locked, with the day it locked and why) until the level
 * above reopens it with a reason, for `REOPEN_DAYS` days.
 */
export const REPORT_STATUSES = ['EXPECTED', 'DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED', 'WAIVED', 'APPROVED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type ItemValue = number | boolean | string | null;

export interface ReportContent {
  readonly sections: Readonly<Record<string, string>>;
  readonly items: Readonly<Record<string, ItemValue>>;
}

/** One of the unit's assignments of a linked plan, as it stood inside the cut-off (from the tasks service's events). */
export interface AssignmentLine {
  readonly assignmentId: string;
  readonly planId: string;
  readonly planNumber: string;
  readonly taskText: string;
  readonly status: string;
  /** The last progress reported inside the cut-off (0 when none). */
  readonly percent: number;
  readonly progress: ReadonlyArray<{ readonly on: string; readonly percent: number; readonly note: string | null }>;
  readonly completedOn: string | null;
  readonly late: boolean;
  readonly extensions: ReadonlyArray<{ readonly on: string; readonly dueOn: string }>;
  readonly overdueDays: readonly string[];
}

export interface ReportFacts {
  readonly id: string;
  readonly regimeId: string;
  readonly regimeName: string;
  readonly period: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly level: 'COMMUNE' | 'DISTRICT' | 'PROVINCE';
  /** UNIT: a reporting unit's report; CONSOLIDATED: the owner's own report over its children. */
  readonly role: 'UNIT' | 'CONSOLIDATED';
  /** Who accepts, returns, reopens and waives it: the level above (the owner for its own report). */
  readonly reviewerCode: string;
  readonly cutOff: DayRange;
  readonly dueOn: string;
  readonly closesOn: string;
  readonly form: ReportForm;
  readonly prefill: { readonly assignments: readonly AssignmentLine[]; readonly content: ReportContent };
}

export interface Report extends ReportFacts {
  readonly status: ReportStatus;
  readonly content: ReportContent;
  /** First submission's day and lateness (completeness counts the first, as DHIS2 does). */
  readonly submittedOn: string | null;
  readonly late: boolean;
  readonly lastSubmittedOn: string | null;
  readonly submissions: number;
  readonly returnReason: string | null;
  readonly waivedReason: string | null;
  readonly acceptedOn: string | null;
  readonly approvedOn: string | null;
  readonly reopened: { readonly reason: string; readonly on: string; readonly until: string } | null;
  readonly reminders: ReadonlyArray<{ readonly kind: ReminderKind; readonly on: string }>;
}

export type ReminderKind = 'BEFORE_DEADLINE' | 'AFTER_DEADLINE';
export type ReportState = { readonly status: 'NONE' } | Report;

export type ReportEvent =
  | { type: 'ReportExpected'; data: ReportFacts }
  | { type: 'ReportDraftSaved'; data: { content: ReportContent; on: string } }
  | { type: 'ReportSubmitted'; data: { content: ReportContent; on: string; late: boolean; resubmission: boolean } }
  | { type: 'ReportReturned'; data: { reason: string; on: string } }
  | { type: 'ReportAccepted'; data: { on: string } }
  | { type: 'ReportWaived'; data: { reason: string; on: string } }
  | { type: 'ReportReopened'; data: { reason: string; on: string; until: string } }
  | { type: 'ReportApproved'; data: { on: string; content: ReportContent; children: number } }
  | { type: 'ReportReminderIssued'; data: { kind: ReminderKind; on: string; dueOn: string } };
export const REPORT_EVENT_TYPES: readonly ReportEvent['type'][] = [
  'ReportExpected',
  'ReportDraftSaved',
  'ReportSubmitted',
  'ReportReturned',
  'ReportAccepted',
  'ReportWaived',
  'ReportReopened',
  'ReportApproved',
  'ReportReminderIssued',
];

export type ReportCommand =
  | { type: 'ExpectReport'; data: ReportFacts }
  | { type: 'SaveDraft'; data: { content: ReportContent; on: string } }
  | { type: 'SubmitReport'; data: { content: ReportContent; on: string } }
  | { type: 'ReturnReport'; data: { reason: string; on: string } }
  | { type: 'AcceptReport'; data: { on: string } }
  | { type: 'WaiveReport'; data: { reason: string; on: string } }
  | { type: 'ReopenReport'; data: { reason: string; on: string } }
  /** `outstanding`: the children whose reports are neither accepted nor waived (the shell reads them). */
  | { type: 'ApproveReport'; data: { on: string; content: ReportContent; outstanding: readonly string[]; children: number } }
  | { type: 'RemindReport'; data: { kind: ReminderKind; on: string } };

/** How long a reopened report stays open for entry. */
export const REOPEN_DAYS = 7;
const MAX_TEXT = 20_000;

export const reportStreamId = (id: string) => `report-${id}`;
export const reportIdOf = (regimeId: string, period: string, unitCode: string) => `${regimeId}~${period}~${unitCode}`;

const conflict = (code: string, message: string, field = 'id') => new DomainError(code, message, { kind: 'CONFLICT', field });
const badInput = (code: string, message: string, field: string) => new DomainError(code, message, { kind: 'BAD_USER_INPUT', field });

function existing(state: ReportState): Report {
  if (state.status === 'NONE') throw new DomainError('REPORT.NOT_FOUND', 'Không tìm thấy báo cáo.', { kind: 'NOT_FOUND', field: 'id' });
  return state;
}

const EDITABLE: readonly ReportStatus[] = ['EXPECTED', 'DRAFT', 'RETURNED'];

/** Whether entry is locked on `on`, and the reason as users read it. */
export function lockOf(report: Pick<Report, 'closesOn' | 'reopened'>, on: string): string | null {
  if (on <= report.closesOn) return null;
  if (report.reopened && on <= report.reopened.until) return null;
  const lockedFrom = report.reopened && report.reopened.until >= report.closesOn ? addDays(report.reopened.until, 1) : addDays(report.closesOn, 1);
  return `Báo cáo đã khóa từ ngày ${vietnameseDate(lockedFrom)} (hết thời hạn nhập liệu ngày ${vietnameseDate(addDays(lockedFrom, -1))}); đề nghị cấp trên mở lại báo cáo để chỉnh sửa.`;
}

function editable(state: ReportState, on: string): Report {
  const report = existing(state);
  if (report.status === 'WAIVED') throw conflict('REPORT.WAIVED', `Báo cáo đã được cấp trên đánh dấu "không báo cáo": ${report.waivedReason}.`);
  if (report.status === 'APPROVED') throw conflict('REPORT.APPROVED', 'Báo cáo đã được phê duyệt: không thể sửa.');
  if (report.status === 'ACCEPTED' && !report.reopened) throw conflict('REPORT.ACCEPTED', 'Báo cáo đã được cấp trên chấp nhận: không thể sửa.');
  if (report.status === 'SUBMITTED') throw conflict('REPORT.SUBMITTED', 'Báo cáo đã gửi, đang chờ cấp trên xem xét: không thể sửa.');
  const lock = lockOf(report, on);
  if (lock) throw conflict('REPORT.LOCKED', lock);
  return report;
}

function reason(value: string, field = 'reason'): string {
  const text = value.trim();
  if (!text) throw badInput('REPORT.REASON_REQUIRED', 'Lý do không được để trống.', field);
  if (text.length > 2000) throw badInput('REPORT.REASON_TOO_LONG', 'Lý do dài quá 2000 ký tự.', field);
  return text;
}

function checkValue(item: DataItem, value: ItemValue, field: string): ItemValue {
  if (value === null || value === undefined || value === '') return null;
  const label = `Chỉ tiêu "${item.name}" (${item.code})`;
  if (item.type === 'YES_NO') {
    if (typeof value !== 'boolean') throw badInput('REPORT.INVALID_ITEM', `${label} chỉ nhận có/không.`, field);
    return value;
  }
  if (item.type === 'TEXT') {
    if (typeof value !== 'string') throw badInput('REPORT.INVALID_ITEM', `${label} phải là văn bản.`, field);
    if (value.length > MAX_TEXT) throw badInput('REPORT.INVALID_ITEM', `${label} dài quá ${MAX_TEXT} ký tự.`, field);
    return value.trim();
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badInput('REPORT.INVALID_ITEM', `${label} phải là số.`, field);
  if (item.type === 'COUNT' && (!Number.isInteger(value) || value < 0)) throw badInput('REPORT.INVALID_ITEM', `${label} phải là số nguyên không âm.`, field);
  if (item.type === 'PERCENT' && (value < 0 || value > 100)) throw badInput('REPORT.INVALID_ITEM', `${label} là tỷ lệ phần trăm, từ 0 đến 100.`, field);
  if (item.min !== null && value < item.min) throw badInput('REPORT.INVALID_ITEM', `${label} không được nhỏ hơn ${item.min}.`, field);
  if (item.max !== null && value > item.max) throw badInput('REPORT.INVALID_ITEM', `${label} không được lớn hơn ${item.max}.`, field);
  return value;
}

/** The content checked against the form: known sections and items, types and bounds; on submit, the required items. */
export function checkContent(form: ReportForm, content: ReportContent, submitting: boolean): ReportContent {
  const sectionCodes = new Set(form.sections.map((section) => section.code));
  const sections: Record<string, string> = {};
  for (const [code, text] of Object.entries(content.sections)) {
    if (!sectionCodes.has(code)) throw badInput('REPORT.UNKNOWN_SECTION', `Biểu mẫu không có phần "${code}".`, `sections.${code}`);
    if (typeof text !== 'string' || text.length > MAX_TEXT)
      throw badInput('REPORT.INVALID_SECTION', `Phần "${code}" phải là văn bản không quá ${MAX_TEXT} ký tự.`, `sections.${code}`);
    sections[code] = text.trim();
  }
  const byCode = new Map(form.items.map((item) => [item.code, item]));
  const items: Record<string, ItemValue> = {};
  for (const [code, value] of Object.entries(content.items)) {
    const item = byCode.get(code);
    if (!item) throw badInput('REPORT.UNKNOWN_ITEM', `Biểu mẫu không có chỉ tiêu "${code}".`, `items.${code}`);
    items[code] = checkValue(item, value, `items.${code}`);
  }
  if (submitting) {
    for (const item of form.items) {
      if (item.required && (items[item.code] === null || items[item.code] === undefined))
        throw badInput('REPORT.ITEM_REQUIRED', `Chỉ tiêu "${item.name}" (${item.code}) là bắt buộc: cần nhập trước khi gửi.`, `items.${item.code}`);
    }
  }
  return { sections, items };
}

export const reportDecider: Decider<ReportCommand, ReportEvent, ReportState> = {
  initialState: { status: 'NONE' },
  decide(command, state) {
    switch (command.type) {
      case 'ExpectReport':
        if (state.status !== 'NONE') throw conflict('REPORT.ALREADY_EXPECTED', 'Báo cáo của đơn vị cho kỳ này đã có.');
        return [{ type: 'ReportExpected', data: command.data }];
      case 'SaveDraft': {
        const report = editable(state, command.data.on);
        return [{ type: 'ReportDraftSaved', data: { content: checkContent(report.form, command.data.content, false), on: command.data.on } }];
      }
      case 'SubmitReport': {
        const report = editable(state, command.data.on);
        if (report.role === 'CONSOLIDATED')
          throw conflict('REPORT.CONSOLIDATED', 'Báo cáo tổng hợp của cấp mình được phê duyệt, không gửi như báo cáo của đơn vị.');
        const content = checkContent(report.form, command.data.content, true);
        return [
          { type: 'ReportSubmitted', data: { content, on: command.data.on, late: command.data.on > report.dueOn, resubmission: report.submissions > 0 } },
        ];
      }
      case 'ReturnReport': {
        const report = existing(state);
        if (report.status !== 'SUBMITTED') throw conflict('REPORT.NOT_SUBMITTED', 'Chỉ trả lại được báo cáo đã gửi và đang chờ xem xét.');
        return [{ type: 'ReportReturned', data: { reason: reason(command.data.reason), on: command.data.on } }];
      }
      case 'AcceptReport': {
        const report = existing(state);
        if (report.status !== 'SUBMITTED') throw conflict('REPORT.NOT_SUBMITTED', 'Chỉ chấp nhận được báo cáo đã gửi và đang chờ xem xét.');
        return [{ type: 'ReportAccepted', data: { on: command.data.on } }];
      }
      case 'WaiveReport': {
        const report = existing(state);
        if (!EDITABLE.includes(report.status) || report.role === 'CONSOLIDATED')
          throw conflict('REPORT.CANNOT_WAIVE', 'Chỉ đánh dấu "không báo cáo" được báo cáo chưa gửi của đơn vị cấp dưới.');
        return [{ type: 'ReportWaived', data: { reason: reason(command.data.reason), on: command.data.on } }];
      }
      case 'ReopenReport': {
        const report = existing(state);
        if (report.status === 'APPROVED' || report.status === 'WAIVED')
          throw conflict('REPORT.CANNOT_REOPEN', 'Báo cáo đã phê duyệt hoặc đã đánh dấu "không báo cáo": không mở lại được.');
        if (!lockOf(report, command.data.on) && report.status !== 'ACCEPTED')
          throw conflict('REPORT.NOT_LOCKED', 'Báo cáo chưa bị khóa: đơn vị vẫn nhập được, không cần mở lại.');
        return [{ type: 'ReportReopened', data: { reason: reason(command.data.reason), on: command.data.on, until: addDays(command.data.on, REOPEN_DAYS) } }];
      }
      case 'ApproveReport': {
        const report = existing(state);
        if (report.role !== 'CONSOLIDATED')
          throw conflict('REPORT.NOT_CONSOLIDATED', 'Chỉ phê duyệt báo cáo tổng hợp của cấp mình; báo cáo của đơn vị cấp dưới được chấp nhận.');
        if (report.status === 'APPROVED') throw conflict('REPORT.APPROVED', 'Báo cáo tổng hợp đã được phê duyệt.');
        const outstanding = command.data.outstanding;
        if (outstanding.length > 0) {
          const shown = outstanding.slice(0, 10).join(', ');
          throw conflict(
            'REPORT.CHILDREN_OUTSTANDING',
            `Chưa phê duyệt được: ${outstanding.length} đơn vị cấp dưới chưa được chấp nhận báo cáo hoặc đánh dấu "không báo cáo" (${shown}${outstanding.length > 10 ? ', …' : ''}).`,
          );
        }
        return [{ type: 'ReportApproved', data: { on: command.data.on, content: command.data.content, children: command.data.children } }];
      }
      case 'RemindReport': {
        const report = existing(state);
        if (!EDITABLE.includes(report.status) || report.reminders.some((r) => r.kind === command.data.kind)) return [];
        return [{ type: 'ReportReminderIssued', data: { kind: command.data.kind, on: command.data.on, dueOn: report.dueOn } }];
      }
    }
  },
  evolve(state, event) {
    if (event.type === 'ReportExpected') {
      return {
        ...event.data,
        status: 'EXPECTED',
        content: event.data.prefill.content,
        submittedOn: null,
        late: false,
        lastSubmittedOn: null,
        submissions: 0,
        returnReason: null,
        waivedReason: null,
        acceptedOn: null,
        approvedOn: null,
        reopened: null,
        reminders: [],
      };
    }
    if (state.status === 'NONE') return state;
    switch (event.type) {
      case 'ReportDraftSaved':
        return { ...state, status: state.status === 'ACCEPTED' ? 'ACCEPTED' : state.status === 'RETURNED' ? 'RETURNED' : 'DRAFT', content: event.data.content };
      case 'ReportSubmitted':
        return {
          ...state,
          status: 'SUBMITTED',
          content: event.data.content,
          submittedOn: state.submittedOn ?? event.data.on,
          late: state.submittedOn ? state.late : event.data.late,
          lastSubmittedOn: event.data.on,
          submissions: state.submissions + 1,
          returnReason: null,
        };
      case 'ReportReturned':
        return { ...state, status: 'RETURNED', returnReason: event.data.reason };
      case 'ReportAccepted':
        return { ...state, status: 'ACCEPTED', acceptedOn: event.data.on, reopened: null };
      case 'ReportWaived':
        return { ...state, status: 'WAIVED', waivedReason: event.data.reason };
      case 'ReportReopened':
        // An accepted report reopened goes back to draft: it must be submitted and accepted again.
        return {
          ...state,
          status: state.status === 'ACCEPTED' || state.status === 'SUBMITTED' ? 'DRAFT' : state.status,
          reopened: { reason: event.data.reason, on: event.data.on, until: event.data.until },
        };
      case 'ReportApproved':
        return { ...state, status: 'APPROVED', approvedOn: event.data.on, content: event.data.content };
      case 'ReportReminderIssued':
        return { ...state, reminders: [...state.reminders, { kind: event.data.kind, on: event.data.on }] };
    }
  },
};

/** What the unit changed against the pre-fill: the items and sections whose values differ. */
export function changesAgainstPrefill(
  report: Pick<Report, 'content' | 'prefill'>,
): Array<{ readonly key: string; readonly prefilled: ItemValue; readonly entered: ItemValue }> {
  const out: Array<{ key: string; prefilled: ItemValue; entered: ItemValue }> = [];
  const before = report.prefill.content;
  for (const code of new Set([...Object.keys(before.items), ...Object.keys(report.content.items)])) {
    const prefilled = before.items[code] ?? null;
    const entered = report.content.items[code] ?? null;
    if (prefilled !== entered) out.push({ key: `items.${code}`, prefilled, entered });
  }
  for (const code of new Set([...Object.keys(before.sections), ...Object.keys(report.content.sections)])) {
    const prefilled = before.sections[code] ?? null;
    const entered = report.content.sections[code] ?? null;
    if (prefilled !== entered) out.push({ key: `sections.${code}`, prefilled, entered });
  }
  return out;
}
