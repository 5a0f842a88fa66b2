import {
  PlanAmendedV1,
  PlanClosedV1,
  PlanIssuedV1,
  PublishedTask,
  ReportAcceptedV1,
  ReportApprovedV1,
  ReportExpectedV1,
  ReportReturnedV1,
  ReportSubmittedV1,
} from '@reform/contracts';
import { assertNever } from '@reform/decider';
import type { Actor, RecordedEvent } from '@reform/event-store';
import { AssignmentEvent, AssignmentFacts } from '../../domain/assignment/assignment.decider';

/**
 * The timeline of one task of a plan, across the services that acted on it: the plans service's
 * issue, amendments and closing (as this service received them, with their source event's id,
 * time and actor), then every assignment the task fanned out to and what happened to each.
 * Entries carry the ids that link them (ADR 0013): an assignment's creation is caused by the plan
 * event that assigned it and shares its correlation; a unit's acceptance, reports and completion
 * continue that correlation and are each caused by the event the unit acted upon.
 */
export interface TimelineEntry {
  readonly at: Date;
  /** The service whose event store holds the event. */
  readonly service: 'plans' | 'tasks' | 'reporting';
  readonly stream: string;
  readonly version: number;
  readonly eventId: string;
  readonly type: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  /** The assignment the entry is about (null for the plan's own events). */
  readonly assignmentId: string | null;
  /** The assignee unit (null for the plan's own events). */
  readonly unitCode: string | null;
  /** What happened, in Vietnamese, for people reading the timeline or its export. */
  readonly summary: string;
  /** The event's data; for plan events, only what concerns this task. */
  readonly data: unknown;
}

/**
 * A report's event as the tasks service received it from the reporting service, with the report's
 * citation of one of the task's assignments (the regime and period the report is for).
 */
export interface ReceivedReportEvent {
  readonly name: string;
  readonly data: unknown;
  readonly eventId: string;
  readonly metadata: ReceivedPlanEvent['metadata'];
  readonly citation: {
    readonly assignmentId: string;
    readonly unitCode: string;
    readonly regimeName: string;
    readonly period: string;
    readonly periodLabel: string;
  };
}

/** A plan event as the tasks service received it (its inbox job): the contract's data and the source's metadata. */
export interface ReceivedPlanEvent {
  readonly name: string;
  readonly data: unknown;
  readonly eventId: string;
  readonly metadata: {
    readonly actor: Actor;
    readonly correlationId: string;
    readonly causationId: string | null;
    readonly recordedAt: string;
    readonly stream: string;
    readonly streamVersion: number;
  };
}

const ROLE = { IMPLEMENTING: 'thực hiện', LEAD: 'chủ trì' } as const;
const dayVi = (day: string) => day.split('-').reverse().join('/');

/** The plan event's part that concerns the task, and its summary; null when the event does not touch the task. */
function planEntryOf(event: ReceivedPlanEvent, taskId: string): { summary: string; data: unknown } | null {
  if (event.name === PlanIssuedV1.name) {
    const plan = event.data as PlanIssuedV1;
    const task = plan.tasks.find((candidate) => candidate.taskId === taskId);
    if (!task) return null;
    return {
      summary: `Ban hành kế hoạch ${plan.number} ngày ${dayVi(plan.issuedOn)}: nhiệm vụ giao ${task.implementing.length} đơn vị thực hiện${task.lead.length ? `, ${task.lead.length} đơn vị chủ trì` : ''}`,
      data: { planId: plan.planId, number: plan.number, title: plan.title, issuerCode: plan.issuerCode, issuedOn: plan.issuedOn, task },
    };
  }
  if (event.name === PlanAmendedV1.name) {
    const amendment = event.data as PlanAmendedV1;
    const common = { planId: amendment.planId, revision: amendment.revision, reason: amendment.reason, amendedOn: amendment.amendedOn };
    const head = `Điều chỉnh kế hoạch (lần ${amendment.revision - 1}) ngày ${dayVi(amendment.amendedOn)}`;
    const added: PublishedTask | undefined = amendment.addedTasks.find((task) => task.taskId === taskId);
    if (added) return { summary: `${head}: bổ sung nhiệm vụ. Lý do: ${amendment.reason}`, data: { ...common, addedTask: added } };
    if (amendment.removedTaskIds.includes(taskId))
      return { summary: `${head}: bỏ nhiệm vụ. Lý do: ${amendment.reason}`, data: { ...common, removedTaskId: taskId } };
    const moved = amendment.rescheduledTasks.find((task) => task.taskId === taskId);
    if (moved)
      return {
        summary: `${head}: đổi thời gian thực hiện thành "${moved.timeframe.text}". Lý do: ${amendment.reason}`,
        data: { ...common, rescheduled: moved },
      };
    return null;
  }
  if (event.name === PlanClosedV1.name) {
    const closed = event.data as PlanClosedV1;
    return { summary: `Kết thúc kế hoạch ngày ${dayVi(closed.closedOn)}${closed.reason ? `. Lý do: ${closed.reason}` : ''}`, data: closed };
  }
  return null;
}

/** What an assignment event says, in Vietnamese. */
export function assignmentSummary(event: AssignmentEvent): string {
  switch (event.type) {
    case 'AssignmentCreated':
      return `Giao nhiệm vụ cho đơn vị ${event.data.unitCode} (${ROLE[event.data.role]})${event.data.kind === 'IMPLEMENTING_PLAN' ? ': ban hành kế hoạch triển khai' : ''}; thời gian: ${dueText(event.data)}`;
    case 'AssignmentAccepted':
      return 'Đơn vị tiếp nhận nhiệm vụ';
    case 'ProgressReported':
      return `Báo cáo tiến độ ${event.data.percent}%${event.data.note ? `: ${event.data.note}` : ''}${event.data.evidence.length ? ` (kiểm chứng: ${event.data.evidence.join('; ')})` : ''}`;
    case 'AssignmentCompleted':
      return `Hoàn thành${event.data.late ? ' (trễ hạn)' : ''}: ${event.data.result}${event.data.evidence.length ? ` (kiểm chứng: ${event.data.evidence.join('; ')})` : ''}`;
    case 'AssignmentCancelled':
      return `Hủy nhiệm vụ. Lý do: ${event.data.reason}`;
    case 'AssignmentRescheduled':
      return `Đổi thời gian thực hiện thành "${event.data.timeframeText}". Lý do: ${event.data.reason}`;
    case 'ExtensionRequested':
      return `Đề nghị gia hạn đến ${dayVi(event.data.newDueOn)}. Lý do: ${event.data.reason}`;
    case 'ExtensionGranted':
      return `Đồng ý gia hạn đến ${dayVi(event.data.dueOn)}${event.data.reason ? `: ${event.data.reason}` : ''}`;
    case 'ExtensionRefused':
      return `Từ chối gia hạn. Lý do: ${event.data.reason}`;
    case 'AssignmentOverdue':
      return `Quá hạn (hạn ${dayVi(event.data.dueDay)})`;
    case 'ReminderIssued':
      return `Nhắc hạn: đến hạn ngày ${dayVi(event.data.dueDay)}`;
    case 'AssignmentPassedToSuccessor':
      return event.data.relation === 'MERGED_INTO'
        ? `Sắp xếp đơn vị hành chính: đơn vị ${event.data.fromUnitCode} nhập vào ${event.data.toUnitCode} từ ngày ${dayVi(event.data.on)}; nhiệm vụ chuyển cho ${event.data.toUnitCode}${event.data.source ? ` (${event.data.source})` : ''}`
        : `Phân nhiệm vụ của đơn vị ${event.data.fromUnitCode} (đã chia tách) cho đơn vị kế thừa ${event.data.toUnitCode}`;
    case 'AssignmentOfferedToSuccessors':
      return `Sắp xếp đơn vị hành chính: đơn vị ${event.data.fromUnitCode} chia tách từ ngày ${dayVi(event.data.on)}; nhiệm vụ chờ đơn vị giao phân cho một trong các đơn vị kế thừa ${event.data.toUnitCodes.join(', ')}${event.data.source ? ` (${event.data.source})` : ''}`;
    default:
      return assertNever(event);
  }
}

function dueText(facts: AssignmentFacts): string {
  if (facts.schedule.kind === 'once') return `hạn ${dayVi(facts.schedule.dueOn)}`;
  if (facts.timeframeText.trim()) return `"${facts.timeframeText}"`;
  // The plan gave no timeframe for the task (seed 002's paragraphs): say so rather than quote nothing.
  return facts.schedule.kind === 'periodic' ? 'không ghi thời gian, báo cáo theo kỳ' : 'không ghi thời gian';
}

/** What a report's event says, in Vietnamese, naming the report by its regime and period. */
export function reportSummary(event: Pick<ReceivedReportEvent, 'name' | 'data' | 'citation'>): string {
  const { regimeName, periodLabel, unitCode } = event.citation;
  const report = `báo cáo "${regimeName}"${periodLabel ? ` ${periodLabel}` : ''} của đơn vị ${unitCode}`;
  const data = event.data as { on?: string; late?: boolean; resubmission?: boolean; reason?: string; dueOn?: string };
  switch (event.name) {
    case ReportExpectedV1.name:
      return `Mở kỳ báo cáo: ${report} (hạn ${dayVi(data.dueOn ?? '')}) dẫn nhiệm vụ này với tiến độ trong kỳ`;
    case ReportSubmittedV1.name:
      return `${data.resubmission ? 'Gửi lại' : 'Gửi'} ${report} ngày ${dayVi(data.on ?? '')}${data.late ? ' (trễ hạn)' : ' (đúng hạn)'}`;
    case ReportReturnedV1.name:
      return `Trả lại ${report} ngày ${dayVi(data.on ?? '')}. Lý do: ${data.reason ?? ''}`;
    case ReportAcceptedV1.name:
      return `Chấp nhận ${report} ngày ${dayVi(data.on ?? '')}`;
    case ReportApprovedV1.name:
      return `Phê duyệt ${report} ngày ${dayVi(data.on ?? '')}`;
    default:
      return `${event.name}: ${report}`;
  }
}

const SERVICE_ORDER = { plans: 0, tasks: 1, reporting: 2 } as const;

/**
 * The timeline from what was received from the plans service and the assignments' own events.
 * In time order; at the same instant a plan event comes before the assignments it caused, then
 * by stream and version (a stream's events never change order).
 */
export function taskTimeline(
  taskId: string,
  planEvents: readonly ReceivedPlanEvent[],
  assignmentEvents: readonly RecordedEvent[],
  reportEvents: readonly ReceivedReportEvent[] = [],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const event of planEvents) {
    const entry = planEntryOf(event, taskId);
    if (!entry) continue;
    entries.push({
      at: new Date(event.metadata.recordedAt),
      service: 'plans',
      stream: event.metadata.stream,
      version: event.metadata.streamVersion,
      eventId: event.eventId,
      type: event.name.replace(/^plans\./, ''),
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      actor: event.metadata.actor,
      assignmentId: null,
      unitCode: null,
      ...entry,
    });
  }
  const unitOf = new Map<string, string>();
  for (const event of assignmentEvents) {
    const typed = event as unknown as AssignmentEvent;
    if (typed.type === 'AssignmentCreated') unitOf.set(event.streamId, typed.data.unitCode);
    entries.push({
      at: event.recordedAt,
      service: 'tasks',
      stream: event.streamId,
      version: event.streamVersion,
      eventId: event.eventId,
      type: event.type,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      actor: event.metadata.actor,
      assignmentId: event.streamId.replace(/^assignment-/, ''),
      unitCode: unitOf.get(event.streamId) ?? null,
      summary: assignmentSummary(typed),
      data: event.data,
    });
  }
  // The reports that cite the task's assignments (reporting service), after what they report on at the same instant.
  for (const event of reportEvents) {
    entries.push({
      at: new Date(event.metadata.recordedAt),
      service: 'reporting',
      stream: event.metadata.stream,
      version: event.metadata.streamVersion,
      eventId: event.eventId,
      type: event.name.replace(/^reporting\./, ''),
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      actor: event.metadata.actor,
      assignmentId: event.citation.assignmentId,
      unitCode: event.citation.unitCode,
      summary: reportSummary(event),
      data: event.data,
    });
  }
  return entries.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() || SERVICE_ORDER[a.service] - SERVICE_ORDER[b.service] || a.stream.localeCompare(b.stream) || a.version - b.version,
  );
}

/** The task as the plan published it (issued or added by an amendment), or null. */
export function publishedTaskOf(planEvents: readonly ReceivedPlanEvent[], taskId: string): PublishedTask | null {
  for (const event of planEvents) {
    const data = event.data as Partial<PlanIssuedV1 & PlanAmendedV1>;
    const task = [...(data.tasks ?? []), ...(data.addedTasks ?? [])].find((candidate) => candidate.taskId === taskId);
    if (task) return task;
  }
  return null;
}

/**
 * Whether a plan event belongs in one unit's thread of a task (the unit is an assignee of it):
 * an issue or an addition that names the unit, a removal or reschedule of the task, the closing.
 */
export function planEventConcernsUnit(event: ReceivedPlanEvent, taskId: string, unitCode: string): boolean {
  const names = (task: PublishedTask | undefined) => !!task && [...task.implementing, ...task.lead, ...task.monitoring].includes(unitCode);
  if (event.name === PlanIssuedV1.name) return names((event.data as PlanIssuedV1).tasks.find((task) => task.taskId === taskId));
  if (event.name === PlanAmendedV1.name) {
    const amendment = event.data as PlanAmendedV1;
    const added = amendment.addedTasks.find((task) => task.taskId === taskId);
    if (added) return names(added);
    return amendment.removedTaskIds.includes(taskId) || amendment.rescheduledTasks.some((task) => task.taskId === taskId);
  }
  return event.name === PlanClosedV1.name;
}
