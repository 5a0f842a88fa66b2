// The statuses in words, beside the tags that show them (status.tsx) and in exports.
export type AssignmentStatusName = 'ASSIGNED' | 'ACCEPTED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';

export const ASSIGNMENT_STATUS_LABEL: Record<AssignmentStatusName, string> = {
  ASSIGNED: 'Đã giao',
  ACCEPTED: 'Đã tiếp nhận',
  IN_PROGRESS: 'Đang thực hiện',
  COMPLETED: 'Hoàn thành',
  CANCELLED: 'Đã hủy',
};

export const PLAN_STATUS_LABEL: Record<string, string> = { DRAFT: 'Dự thảo', ISSUED: 'Đã ban hành', CLOSED: 'Kết thúc' };

/** An open assignment's status as its tag writes it: overdue and due soon first. */
export function assignmentStatusText(status: string, marks: { overdue?: boolean; dueSoon?: boolean } = {}): string {
  const label = ASSIGNMENT_STATUS_LABEL[status as AssignmentStatusName] ?? status;
  const open = status !== 'COMPLETED' && status !== 'CANCELLED';
  if (marks.overdue && open) return `Quá hạn · ${label}`;
  if (marks.dueSoon && open) return `Sắp đến hạn · ${label}`;
  return label;
}
