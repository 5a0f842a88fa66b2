import { stringify } from 'csv-stringify/sync';
import { TimelineEntry } from './task-timeline';

export type TimelineExportFormat = 'CSV' | 'JSON';

export interface TimelineExport {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: string;
  readonly entries: number;
}

/** The CSV's columns: Vietnamese headings for the people who open it in Excel, then the ids that link entries. */
const COLUMNS: ReadonlyArray<readonly [string, (entry: TimelineEntry) => string | number | null]> = [
  ['Thời điểm (UTC)', (entry) => entry.at.toISOString()],
  ['Dịch vụ', (entry) => entry.service],
  ['Sự kiện', (entry) => entry.type],
  ['Nội dung', (entry) => entry.summary],
  ['Đơn vị nhận nhiệm vụ', (entry) => entry.unitCode],
  ['Mã nhiệm vụ được giao', (entry) => entry.assignmentId],
  ['Người thực hiện', (entry) => entry.actor.username],
  ['Đơn vị của người thực hiện', (entry) => entry.actor.unitCode],
  ['Luồng sự kiện', (entry) => entry.stream],
  ['Phiên bản', (entry) => entry.version],
  ['Mã sự kiện', (entry) => entry.eventId],
  ['Mã tương quan (correlation)', (entry) => entry.correlationId],
  ['Mã nguyên nhân (causation)', (entry) => entry.causationId],
  ['Dữ liệu (JSON)', (entry) => JSON.stringify(entry.data)],
];

/**
 * A task's timeline as a file. CSV is UTF-8 with a byte-order mark, which is what Excel needs to
 * show Vietnamese text right; quoting and escaping are csv-stringify's (RFC 4180). JSON is the
 * entries as the API gives them, with the task they belong to.
 */
export function exportTimeline(
  task: { planId: string; taskId: string; unitCode?: string | null },
  entries: readonly TimelineEntry[],
  format: TimelineExportFormat,
): TimelineExport {
  const base = `dong-thoi-gian_${task.planId}_${task.taskId}${task.unitCode ? `_${task.unitCode}` : ''}`.replace(/[^\w.-]+/g, '-');
  if (format === 'JSON') {
    return {
      fileName: `${base}.json`,
      contentType: 'application/json; charset=utf-8',
      content: JSON.stringify({ planId: task.planId, taskId: task.taskId, unitCode: task.unitCode ?? null, entries }, null, 2),
      entries: entries.length,
    };
  }
  const rows = entries.map((entry) => COLUMNS.map(([, value]) => neutralised(value(entry))));
  return {
    fileName: `${base}.csv`,
    contentType: 'text/csv; charset=utf-8',
    content: '\uFEFF' + stringify([COLUMNS.map(([heading]) => heading), ...rows], { record_delimiter: 'windows' }),
    entries: entries.length,
  };
}

/**
 * A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * before one) starts with an apostrophe instead (OWASP CSV injection): a user's note such as
 * `=HYPERLINK(...)` is shown, never run (issue 12, finding 7).
 */
export function neutralised<Cell extends string | number | null>(cell: Cell): Cell | string {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
