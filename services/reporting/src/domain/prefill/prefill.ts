/* Pure (type:domain): a report's draft pre-filled from the unit's assignments inside the cut-off. */
import { DayRange } from '../period/period';
import { ReportForm } from '../regime/regime';
import { AssignmentLine, ItemValue, ReportContent } from '../report/report.decider';

/** What the reporting service keeps of an assignment from the tasks service's events. */
export interface AssignmentRecord {
  readonly assignmentId: string;
  readonly planId: string;
  readonly planNumber: string;
  readonly taskText: string;
  readonly unitCode: string;
  readonly assignedOn: string;
  readonly happenings: ReadonlyArray<
    | { readonly type: 'progress'; readonly on: string; readonly percent: number; readonly note: string | null }
    | { readonly type: 'completed'; readonly on: string; readonly late: boolean }
    | { readonly type: 'extended'; readonly on: string; readonly dueOn: string }
    | { readonly type: 'overdue'; readonly on: string; readonly dueDay: string }
    | { readonly type: 'cancelled'; readonly on: string }
  >;
}

const within = (day: string, range: DayRange) => day >= range.from && day <= range.to;

/**
 * One line per assignment given before the cut-off ended and not cancelled by then: what was
 * reported inside the cut-off (progress, completion, extensions, overdue marks), and its status as
 * it stood on the cut-off's last day.
 */
export function assignmentLines(records: readonly AssignmentRecord[], cutOff: DayRange): AssignmentLine[] {
  const lines: AssignmentLine[] = [];
  for (const record of [...records].sort(
    (a, b) => a.planNumber.localeCompare(b.planNumber) || a.taskText.localeCompare(b.taskText) || a.assignmentId.localeCompare(b.assignmentId),
  )) {
    if (record.assignedOn > cutOff.to) continue;
    const upTo = record.happenings.filter((h) => h.on <= cutOff.to);
    if (upTo.some((h) => h.type === 'cancelled')) continue;
    const inside = upTo.filter((h) => within(h.on, cutOff));
    const progress = inside.flatMap((h) => (h.type === 'progress' ? [{ on: h.on, percent: h.percent, note: h.note }] : []));
    const completed = upTo.find((h) => h.type === 'completed');
    const lastPercent = [...upTo].reverse().find((h) => h.type === 'progress');
    lines.push({
      assignmentId: record.assignmentId,
      planId: record.planId,
      planNumber: record.planNumber,
      taskText: record.taskText,
      status: completed ? 'COMPLETED' : lastPercent ? 'IN_PROGRESS' : 'OPEN',
      percent: completed ? 100 : lastPercent && lastPercent.type === 'progress' ? lastPercent.percent : 0,
      progress,
      completedOn: completed ? completed.on : null,
      late: completed?.type === 'completed' ? completed.late : false,
      extensions: inside.flatMap((h) => (h.type === 'extended' ? [{ on: h.on, dueOn: h.dueOn }] : [])),
      overdueDays: inside.flatMap((h) => (h.type === 'overdue' ? [h.dueDay] : [])),
    });
  }
  return lines;
}

/** The draft's content: items computed where the form says how, the rest empty. */
export function prefillContent(form: ReportForm, lines: readonly AssignmentLine[]): ReportContent {
  const items: Record<string, ItemValue> = {};
  const completed = lines.filter((line) => line.status === 'COMPLETED').length;
  for (const item of form.items) {
    switch (item.prefill) {
      case 'ASSIGNMENTS':
        items[item.code] = lines.length;
        break;
      case 'COMPLETED':
        items[item.code] = completed;
        break;
      case 'OVERDUE':
        items[item.code] = lines.filter((line) => line.overdueDays.length > 0).length;
        break;
      case 'COMPLETED_PERCENT':
        items[item.code] = lines.length ? Math.round((completed / lines.length) * 1000) / 10 : null;
        break;
      case 'MEAN_PROGRESS':
        items[item.code] = lines.length ? Math.round((lines.reduce((a, l) => a + l.percent, 0) / lines.length) * 10) / 10 : null;
        break;
      default:
        break;
    }
  }
  return { sections: {}, items };
}
