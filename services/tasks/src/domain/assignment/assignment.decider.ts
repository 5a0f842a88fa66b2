import { assertNever, Decider, DomainError } from '@reform/decider';
import { addDays, Day, isDay, periodsOf, Schedule } from './schedule';

/**
 * An assignment: what one unit must do for one task of an issued plan (role IMPLEMENTING), what
 * a lead unit answers for (role LEAD), or a cascade obligation "issue your implementing plan by
 * <dueOn>" (kind IMPLEMENTING_PLAN).
 *
 * Lifecycle: ASSIGNED → ACCEPTED → IN_PROGRESS → COMPLETED, or CANCELLED from any open status.
 * Progress needs an explicit acceptance first: accepting is the unit saying "this is ours" (the
 * "5 rõ" rule's clear owner), which the assigner must be able to see; a report on an unaccepted
 * assignment is refused rather than accepting it silently. An IMPLEMENTING_PLAN obligation is
 * completed by the system when the unit issues its plan, whether or not it was accepted.
 * Nothing is recorded after COMPLETED or CANCELLED.
 */
export const ASSIGNMENT_ROLES = ['IMPLEMENTING', 'LEAD'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const ASSIGNMENT_KINDS = ['TASK', 'IMPLEMENTING_PLAN'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];
export const ASSIGNMENT_STATUSES = ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const OPEN_STATUSES: readonly AssignmentStatus[] = ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'];

/** What an assignment is about; fixed at creation (a reschedule changes only the schedule). */
export interface AssignmentFacts {
  readonly id: string;
  readonly planId: string;
  readonly taskId: string;
  readonly planNumber: string;
  readonly planTitle: string;
  readonly planYear: number;
  readonly taskText: string;
  readonly target: string | null;
  readonly timeframeText: string;
  readonly unitCode: string;
  readonly role: AssignmentRole;
  readonly kind: AssignmentKind;
  /** The plan's issuer. */
  readonly assignerCode: string;
  readonly monitoringCodes: readonly string[];
  readonly leadCodes: readonly string[];
  readonly schedule: Schedule;
  readonly assignedOn: Day;
}

export type ExtensionStatus = 'REQUESTED' | 'GRANTED' | 'REFUSED';
export interface Extension {
  readonly requestedDueOn: Day;
  readonly reason: string;
  readonly status: ExtensionStatus;
  readonly answer: string | null;
}

export interface Assignment extends AssignmentFacts {
  readonly status: AssignmentStatus;
  readonly percent: number;
  readonly note: string | null;
  readonly evidence: readonly string[];
  readonly result: string | null;
  readonly completedOn: Day | null;
  /** Completed after its due day. */
  readonly late: boolean;
  /** For IMPLEMENTING_PLAN: the plan that fulfilled the obligation. */
  readonly fulfilledBy: { readonly planId: string; readonly number: string } | null;
  readonly cancelledReason: string | null;
  /** The due day of a `once` schedule, moved by extensions and reschedules; null otherwise. */
  readonly dueOn: Day | null;
  readonly extension: Extension | null;
  /** A due day passed without what was due; cleared by a new due day or a progress report. */
  readonly overdue: boolean;
  readonly overdueDays: readonly Day[];
  readonly remindedDays: readonly Day[];
  /** Days with a progress report: a periodic period is met by a report inside it. */
  readonly progressDays: readonly Day[];
  /** The day it was accepted (as given: it may be back-dated). */
  readonly acceptedOn: Day | null;
  /** Units the assignment was passed from by a reorganisation (oldest first); absent before 2025. */
  readonly formerUnitCodes?: readonly string[];
  /** A split unit's open work: the successors offered to the issuer, who allocates it to one. */
  readonly offeredTo?: readonly string[] | null;
}

export type AssignmentState = { readonly status: 'NONE' } | Assignment;

export type AssignmentEvent =
  | { type: 'AssignmentCreated'; data: AssignmentFacts }
  /**
   * `on` is the day it happened. `enteredOn`, only when that day lies before the day it was
   * entered (a plan carried out on paper, entered afterwards): the day of entry; the instant is the
   * stored event's own. Valid time and record time kept apart, as `asOf` / `recordedAsOf` for units.
   */
  | { type: 'AssignmentAccepted'; data: { on: Day; enteredOn?: Day } }
  | { type: 'ProgressReported'; data: { percent: number; note: string | null; evidence: string[]; on: Day; enteredOn?: Day } }
  | {
      type: 'AssignmentCompleted';
      data: { result: string; evidence: string[]; on: Day; late: boolean; fulfilledBy: { planId: string; number: string } | null; enteredOn?: Day };
    }
  | { type: 'AssignmentCancelled'; data: { reason: string; on: Day } }
  | { type: 'AssignmentRescheduled'; data: { schedule: Schedule; timeframeText: string; reason: string; on: Day } }
  | { type: 'ExtensionRequested'; data: { newDueOn: Day; reason: string; on: Day } }
  | { type: 'ExtensionGranted'; data: { dueOn: Day; reason: string | null; on: Day } }
  | { type: 'ExtensionRefused'; data: { reason: string; on: Day } }
  | { type: 'AssignmentOverdue'; data: { dueDay: Day; on: Day } }
  | { type: 'ReminderIssued'; data: { dueDay: Day; on: Day } }
  /**
   * Lineage (2025 reorganisation): the unit merged into another, which now owns the open work;
   * or the issuer allocated a split unit's work to one of its successors. Cites the act.
   */
  | {
      type: 'AssignmentPassedToSuccessor';
      data: { fromUnitCode: string; toUnitCode: string; relation: 'MERGED_INTO' | 'SPLIT_INTO'; source: string | null; on: Day };
    }
  /** The unit was split: its open work is offered to the successors for the issuer to allocate. */
  | { type: 'AssignmentOfferedToSuccessors'; data: { fromUnitCode: string; toUnitCodes: string[]; source: string | null; on: Day } };

export const ASSIGNMENT_EVENT_TYPES: readonly AssignmentEvent['type'][] = [
  'AssignmentCreated',
  'AssignmentAccepted',
  'ProgressReported',
  'AssignmentCompleted',
  'AssignmentCancelled',
  'AssignmentRescheduled',
  'ExtensionRequested',
  'ExtensionGranted',
  'ExtensionRefused',
  'AssignmentOverdue',
  'ReminderIssued',
  'AssignmentPassedToSuccessor',
  'AssignmentOfferedToSuccessors',
];

/**
 * `on` is the Vietnam day the command is given (the shell supplies it: no clock in here). For
 * accepting, reporting and completing, `on` may be an earlier day, the day it really happened
 * (back-dated entry); `today` is then the day it is entered, and `on` may not lie after it.
 */
export type AssignmentCommand =
  | { type: 'CreateAssignment'; data: AssignmentFacts }
  | { type: 'AcceptAssignment'; data: { on: Day; today?: Day } }
  | { type: 'ReportProgress'; data: { percent: number; note?: string | null; evidence?: readonly string[]; on: Day; today?: Day } }
  | {
      type: 'CompleteAssignment';
      data: { result: string; evidence?: readonly string[]; on: Day; today?: Day; fulfilledBy?: { planId: string; number: string } };
    }
  | { type: 'CancelAssignment'; data: { reason: string; on: Day } }
  | { type: 'RescheduleAssignment'; data: { schedule: Schedule; timeframeText: string; reason: string; on: Day } }
  | { type: 'RequestExtension'; data: { newDueOn: string; reason: string; on: Day } }
  | { type: 'GrantExtension'; data: { reason?: string | null; on: Day } }
  | { type: 'RefuseExtension'; data: { reason: string; on: Day } }
  | { type: 'MarkOverdue'; data: { dueDay: Day; today: Day } }
  | { type: 'Remind'; data: { dueDay: Day; today: Day; reminderDays: number } }
  | { type: 'PassToSuccessor'; data: { fromUnitCode: string; toUnitCode: string; source: string | null; on: Day } }
  | { type: 'OfferToSuccessors'; data: { fromUnitCode: string; toUnitCodes: readonly string[]; source: string | null; on: Day } }
  | { type: 'AllocateToSuccessor'; data: { toUnitCode: string; on: Day } };

export const DEFAULT_REMINDER_DAYS = 3;
const MAX_TEXT = 4000;

export function assignmentStreamId(id: string): string {
  return `assignment-${id}`;
}

export function isOpen(state: AssignmentState): state is Assignment {
  return OPEN_STATUSES.includes(state.status as AssignmentStatus);
}

/**
 * The day the assignment is next due: a `once` schedule's (current) day; for `periodic` the end
 * of the first period not yet settled (reported in, or recorded overdue); null otherwise.
 */
export function nextDueOn(state: Assignment): Day | null {
  switch (state.schedule.kind) {
    case 'once':
      return state.dueOn;
    case 'periodic': {
      // A continuing schedule has no end: only a settled period (all of them in the past) is passed over.
      for (const period of periodsOf(state.schedule)) {
        if (!state.overdueDays.includes(period.to) && !state.progressDays.some((day) => day >= period.from && day <= period.to)) return period.to;
      }
      return null;
    }
    case 'none':
      return null;
    default:
      return assertNever(state.schedule, 'schedule');
  }
}

const conflict = (code: string, message: string, field?: string) => new DomainError(code, message, { kind: 'CONFLICT', ...(field ? { field } : {}) });
const badInput = (code: string, message: string, field: string) => new DomainError(code, message, { kind: 'BAD_USER_INPUT', field });

function existing(state: AssignmentState): Assignment {
  if (state.status === 'NONE') throw new DomainError('ASSIGNMENT.NOT_FOUND', 'Không tìm thấy nhiệm vụ được giao.', { kind: 'NOT_FOUND', field: 'id' });
  return state;
}

function open(state: AssignmentState): Assignment {
  const assignment = existing(state);
  if (assignment.status === 'COMPLETED') throw conflict('ASSIGNMENT.CLOSED', 'Nhiệm vụ đã hoàn thành: không thể thay đổi thêm.', 'id');
  if (assignment.status === 'CANCELLED') throw conflict('ASSIGNMENT.CLOSED', 'Nhiệm vụ đã bị hủy: không thể thay đổi thêm.', 'id');
  return assignment;
}

function accepted(state: AssignmentState): Assignment {
  const assignment = open(state);
  if (assignment.status === 'ASSIGNED')
    throw conflict('ASSIGNMENT.NOT_ACCEPTED', 'Đơn vị cần tiếp nhận nhiệm vụ trước khi báo cáo tiến độ hoặc kết quả.', 'id');
  return assignment;
}

function text(value: string | null | undefined, field: string, required: boolean, label: string): string | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) {
    if (required) throw badInput('ASSIGNMENT.TEXT_REQUIRED', `${label} không được để trống.`, field);
    return null;
  }
  if (trimmed.length > MAX_TEXT) throw badInput('ASSIGNMENT.TEXT_TOO_LONG', `${label} dài quá ${MAX_TEXT} ký tự.`, field);
  return trimmed;
}

function evidenceList(values: readonly string[] | undefined): string[] {
  const list = (values ?? []).map((value) => value.trim());
  if (list.some((value) => value === '')) throw badInput('ASSIGNMENT.INVALID_EVIDENCE', 'Tài liệu kiểm chứng không được để trống.', 'evidence');
  if (list.length > 50) throw badInput('ASSIGNMENT.INVALID_EVIDENCE', 'Tối đa 50 tài liệu kiểm chứng cho một lần báo cáo.', 'evidence');
  // A document's number ("QĐ-5") or a web link; a link of any other scheme (javascript:, data:,
  // file:) would run or open something in the reader's browser (issue 12, finding 7).
  const index = list.findIndex((value) => /^[a-z][a-z0-9+.-]*:/i.test(value) && !/^https?:\/\//i.test(value));
  if (index >= 0) throw badInput('ASSIGNMENT.INVALID_EVIDENCE', 'Liên kết kiểm chứng chỉ được dùng http:// hoặc https://.', `evidence[${index}]`);
  return [...new Set(list)];
}

function day(value: string, field: string): Day {
  if (!isDay(value)) throw badInput('ASSIGNMENT.INVALID_DATE', `Ngày "${value}" không hợp lệ: dùng định dạng YYYY-MM-DD.`, field);
  return value;
}

/**
 * The day something happened, checked: a day, not after the day it is entered, not before the
 * assignment existed (nor, with `after`, before it was accepted). `enteredOn` is set when back-dated.
 */
function happened(data: { on: Day; today?: Day }, assignment: Assignment, after?: { day: Day | null; what: string }): { on: Day; enteredOn?: Day } {
  const on = day(data.on, 'on');
  const today = data.today ?? on;
  if (on > today) throw badInput('ASSIGNMENT.FUTURE_DATE', `Ngày ${on} chưa tới (hôm nay là ${today}).`, 'on');
  if (on < assignment.assignedOn) throw badInput('ASSIGNMENT.BEFORE_ASSIGNED', `Ngày ${on} trước ngày giao nhiệm vụ (${assignment.assignedOn}).`, 'on');
  if (after?.day && on < after.day) throw badInput('ASSIGNMENT.BEFORE_ACCEPTED', `Ngày ${on} trước ngày ${after.what} (${after.day}).`, 'on');
  return on < today ? { on, enteredOn: today } : { on };
}

function decide(command: AssignmentCommand, state: AssignmentState): AssignmentEvent[] {
  switch (command.type) {
    case 'CreateAssignment': {
      if (state.status !== 'NONE') throw conflict('ASSIGNMENT.ALREADY_CREATED', 'Nhiệm vụ này đã được giao.', 'id');
      const facts = command.data;
      if (!facts.unitCode.trim()) throw badInput('ASSIGNMENT.UNIT_REQUIRED', 'Cần có đơn vị nhận nhiệm vụ.', 'unitCode');
      if (!ASSIGNMENT_ROLES.includes(facts.role)) throw badInput('ASSIGNMENT.INVALID_ROLE', `Vai trò "${facts.role}" không hợp lệ.`, 'role');
      if (!ASSIGNMENT_KINDS.includes(facts.kind)) throw badInput('ASSIGNMENT.INVALID_KIND', `Loại nhiệm vụ "${facts.kind}" không hợp lệ.`, 'kind');
      if (facts.schedule.kind === 'once') day(facts.schedule.dueOn, 'dueOn');
      return [{ type: 'AssignmentCreated', data: facts }];
    }
    case 'AcceptAssignment': {
      const assignment = open(state);
      if (assignment.status !== 'ASSIGNED') throw conflict('ASSIGNMENT.ALREADY_ACCEPTED', 'Nhiệm vụ đã được tiếp nhận.', 'id');
      return [{ type: 'AssignmentAccepted', data: happened(command.data, assignment) }];
    }
    case 'ReportProgress': {
      const assignment = accepted(state);
      const { percent } = command.data;
      if (!Number.isInteger(percent) || percent < 0 || percent > 100)
        throw badInput('ASSIGNMENT.INVALID_PERCENT', 'Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.', 'percent');
      const when = happened(command.data, assignment, { day: assignment.acceptedOn, what: 'tiếp nhận' });
      return [
        {
          type: 'ProgressReported',
          data: { percent, note: text(command.data.note, 'note', false, 'Ghi chú'), evidence: evidenceList(command.data.evidence), ...when },
        },
      ];
    }
    case 'CompleteAssignment': {
      const assignment = command.data.fulfilledBy && existing(state).kind === 'IMPLEMENTING_PLAN' ? open(state) : accepted(state);
      const result = text(command.data.result, 'result', true, 'Kết quả') as string;
      // An obligation fulfilled by a plan is completed on that plan's issue day, whatever it is.
      const when = command.data.fulfilledBy ? { on: command.data.on } : happened(command.data, assignment, { day: assignment.acceptedOn, what: 'tiếp nhận' });
      // Late or on time by the day it was completed, not the day it is entered.
      const due = nextDueOn(assignment) ?? assignment.dueOn;
      return [
        {
          type: 'AssignmentCompleted',
          data: {
            result,
            evidence: evidenceList(command.data.evidence),
            on: when.on,
            late: due !== null && when.on > due,
            fulfilledBy: command.data.fulfilledBy ?? null,
            ...(when.enteredOn ? { enteredOn: when.enteredOn } : {}),
          },
        },
      ];
    }
    case 'CancelAssignment': {
      open(state);
      return [{ type: 'AssignmentCancelled', data: { reason: text(command.data.reason, 'reason', true, 'Lý do hủy') as string, on: command.data.on } }];
    }
    case 'RescheduleAssignment': {
      const assignment = open(state);
      const { schedule } = command.data;
      if (schedule.kind === 'once') day(schedule.dueOn, 'dueOn');
      if (JSON.stringify(schedule) === JSON.stringify(assignment.schedule) && (schedule.kind !== 'once' || schedule.dueOn === assignment.dueOn)) return [];
      return [
        {
          type: 'AssignmentRescheduled',
          data: {
            schedule,
            timeframeText: command.data.timeframeText,
            reason: text(command.data.reason, 'reason', true, 'Lý do') as string,
            on: command.data.on,
          },
        },
      ];
    }
    case 'RequestExtension': {
      const assignment = open(state);
      if (assignment.dueOn === null) throw badInput('ASSIGNMENT.NO_DUE_DAY', 'Nhiệm vụ không có hạn cụ thể nên không thể xin gia hạn.', 'newDueOn');
      if (assignment.extension?.status === 'REQUESTED') throw conflict('ASSIGNMENT.EXTENSION_PENDING', 'Đã có đề nghị gia hạn đang chờ xem xét.', 'newDueOn');
      const newDueOn = day(command.data.newDueOn, 'newDueOn');
      if (newDueOn <= assignment.dueOn) throw badInput('ASSIGNMENT.INVALID_DATE', `Hạn mới phải sau hạn hiện tại (${assignment.dueOn}).`, 'newDueOn');
      return [
        { type: 'ExtensionRequested', data: { newDueOn, reason: text(command.data.reason, 'reason', true, 'Lý do gia hạn') as string, on: command.data.on } },
      ];
    }
    case 'GrantExtension': {
      const assignment = open(state);
      if (assignment.extension?.status !== 'REQUESTED')
        throw conflict('ASSIGNMENT.NO_EXTENSION_REQUEST', 'Không có đề nghị gia hạn nào đang chờ xem xét.', 'id');
      return [
        {
          type: 'ExtensionGranted',
          data: { dueOn: assignment.extension.requestedDueOn, reason: text(command.data.reason, 'reason', false, 'Ý kiến'), on: command.data.on },
        },
      ];
    }
    case 'RefuseExtension': {
      const assignment = open(state);
      if (assignment.extension?.status !== 'REQUESTED')
        throw conflict('ASSIGNMENT.NO_EXTENSION_REQUEST', 'Không có đề nghị gia hạn nào đang chờ xem xét.', 'id');
      return [{ type: 'ExtensionRefused', data: { reason: text(command.data.reason, 'reason', true, 'Lý do từ chối') as string, on: command.data.on } }];
    }
    case 'MarkOverdue': {
      const assignment = open(state);
      const { dueDay, today } = command.data;
      if (assignment.overdueDays.includes(dueDay)) throw conflict('ASSIGNMENT.OVERDUE_ALREADY_RECORDED', `Đã ghi nhận quá hạn cho hạn ${dueDay}.`, 'dueDay');
      if (nextDueOn(assignment) !== dueDay) throw badInput('ASSIGNMENT.NOT_DUE', `Ngày ${dueDay} không phải hạn hiện tại của nhiệm vụ.`, 'dueDay');
      if (today <= dueDay) throw badInput('ASSIGNMENT.NOT_DUE', `Hạn ${dueDay} chưa qua.`, 'dueDay');
      return [{ type: 'AssignmentOverdue', data: { dueDay, on: today } }];
    }
    case 'Remind': {
      const assignment = open(state);
      const { dueDay, today, reminderDays } = command.data;
      if (assignment.remindedDays.includes(dueDay)) throw conflict('ASSIGNMENT.REMINDER_ALREADY_ISSUED', `Đã nhắc hạn ${dueDay}.`, 'dueDay');
      if (nextDueOn(assignment) !== dueDay) throw badInput('ASSIGNMENT.NOT_DUE', `Ngày ${dueDay} không phải hạn hiện tại của nhiệm vụ.`, 'dueDay');
      if (today > dueDay || today < addDays(dueDay, -reminderDays))
        throw badInput('ASSIGNMENT.NOT_IN_REMINDER_WINDOW', `Chưa đến lúc nhắc hạn ${dueDay}.`, 'dueDay');
      return [{ type: 'ReminderIssued', data: { dueDay, on: today } }];
    }
    case 'PassToSuccessor': {
      // Closed work stays with the unit that did it; a redelivered merger finds it passed already.
      if (!isOpen(state) || state.unitCode !== command.data.fromUnitCode) return [];
      const { fromUnitCode, toUnitCode, source, on } = command.data;
      return [{ type: 'AssignmentPassedToSuccessor', data: { fromUnitCode, toUnitCode, relation: 'MERGED_INTO', source, on } }];
    }
    case 'OfferToSuccessors': {
      if (!isOpen(state) || state.unitCode !== command.data.fromUnitCode || state.offeredTo) return [];
      const { fromUnitCode, toUnitCodes, source, on } = command.data;
      return [{ type: 'AssignmentOfferedToSuccessors', data: { fromUnitCode, toUnitCodes: [...toUnitCodes], source, on } }];
    }
    case 'AllocateToSuccessor': {
      const assignment = open(state);
      if (!assignment.offeredTo?.length) throw conflict('ASSIGNMENT.NOT_OFFERED', 'Nhiệm vụ không chờ phân cho đơn vị kế thừa nào.', 'id');
      if (!assignment.offeredTo.includes(command.data.toUnitCode)) {
        throw badInput(
          'ASSIGNMENT.NOT_A_SUCCESSOR',
          `Đơn vị "${command.data.toUnitCode}" không phải đơn vị kế thừa được đề xuất (${assignment.offeredTo.join(', ')}).`,
          'toUnitCode',
        );
      }
      return [
        {
          type: 'AssignmentPassedToSuccessor',
          data: { fromUnitCode: assignment.unitCode, toUnitCode: command.data.toUnitCode, relation: 'SPLIT_INTO', source: null, on: command.data.on },
        },
      ];
    }
    default:
      return assertNever(command, 'command');
  }
}

/**
 * What `evolve` adds to the facts of `AssignmentCreated` (but `dueOn`, which depends on the
 * schedule): the lifecycle's starting values, also what the set-based rebuild writes in SQL.
 */
export const FRESH_ASSIGNMENT = {
  status: 'ASSIGNED',
  percent: 0,
  note: null,
  evidence: [],
  result: null,
  completedOn: null,
  late: false,
  fulfilledBy: null,
  cancelledReason: null,
  extension: null,
  overdue: false,
  overdueDays: [],
  remindedDays: [],
  progressDays: [],
  acceptedOn: null,
} as const;

function evolve(state: AssignmentState, event: AssignmentEvent): AssignmentState {
  if (event.type === 'AssignmentCreated') {
    const facts = event.data;
    return {
      ...facts,
      ...FRESH_ASSIGNMENT,
      evidence: [],
      overdueDays: [],
      remindedDays: [],
      progressDays: [],
      dueOn: facts.schedule.kind === 'once' ? facts.schedule.dueOn : null,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'AssignmentAccepted':
      return { ...state, status: 'ACCEPTED', acceptedOn: event.data.on };
    case 'ProgressReported':
      return {
        ...state,
        status: 'IN_PROGRESS',
        percent: event.data.percent,
        note: event.data.note ?? state.note,
        evidence: [...new Set([...state.evidence, ...event.data.evidence])],
        progressDays: state.progressDays.includes(event.data.on) ? state.progressDays : [...state.progressDays, event.data.on],
        overdue: false,
      };
    case 'AssignmentCompleted':
      return {
        ...state,
        status: 'COMPLETED',
        percent: 100,
        result: event.data.result,
        evidence: [...new Set([...state.evidence, ...event.data.evidence])],
        completedOn: event.data.on,
        late: event.data.late,
        fulfilledBy: event.data.fulfilledBy,
        overdue: false,
      };
    case 'AssignmentCancelled':
      return { ...state, status: 'CANCELLED', cancelledReason: event.data.reason, overdue: false };
    case 'AssignmentRescheduled':
      return {
        ...state,
        schedule: event.data.schedule,
        timeframeText: event.data.timeframeText,
        dueOn: event.data.schedule.kind === 'once' ? event.data.schedule.dueOn : null,
        overdue: false,
      };
    case 'ExtensionRequested':
      return { ...state, extension: { requestedDueOn: event.data.newDueOn, reason: event.data.reason, status: 'REQUESTED', answer: null } };
    case 'ExtensionGranted':
      return {
        ...state,
        dueOn: event.data.dueOn,
        overdue: false,
        extension: state.extension && { ...state.extension, status: 'GRANTED', answer: event.data.reason },
      };
    case 'ExtensionRefused':
      return { ...state, extension: state.extension && { ...state.extension, status: 'REFUSED', answer: event.data.reason } };
    case 'AssignmentOverdue':
      return { ...state, overdue: true, overdueDays: [...state.overdueDays, event.data.dueDay] };
    case 'ReminderIssued':
      return { ...state, remindedDays: [...state.remindedDays, event.data.dueDay] };
    case 'AssignmentPassedToSuccessor':
      return { ...state, unitCode: event.data.toUnitCode, formerUnitCodes: [...(state.formerUnitCodes ?? []), event.data.fromUnitCode], offeredTo: null };
    case 'AssignmentOfferedToSuccessors':
      return { ...state, offeredTo: event.data.toUnitCodes };
    default:
      return assertNever(event, 'event');
  }
}

export const assignmentDecider: Decider<AssignmentCommand, AssignmentEvent, AssignmentState> = {
  decide,
  evolve,
  initialState: { status: 'NONE' },
};
