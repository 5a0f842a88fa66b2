import { Tag } from 'antd';

export type AssignmentStatusName = 'ASSIGNED' | 'ACCEPTED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';

export const ASSIGNMENT_STATUS_LABEL: Record<AssignmentStatusName, string> = {
  ASSIGNED: 'Đã giao',
  ACCEPTED: 'Đã tiếp nhận',
  IN_PROGRESS: 'Đang thực hiện',
  COMPLETED: 'Hoàn thành',
  CANCELLED: 'Đã hủy',
};

export const PLAN_STATUS_LABEL: Record<string, string> = { DRAFT: 'Dự thảo', ISSUED: 'Đã ban hành', CLOSED: 'Kết thúc' };

/** Status colours are the same on every page, always with a word: overdue red, done green, cancelled grey. */
export function AssignmentStatusTag({ status, overdue }: { status: string; overdue?: boolean }) {
  if (overdue && status !== 'COMPLETED' && status !== 'CANCELLED') return <Tag color="red">Quá hạn · {ASSIGNMENT_STATUS_LABEL[status as AssignmentStatusName]}</Tag>;
  const color = status === 'COMPLETED' ? 'green' : status === 'CANCELLED' ? 'default' : status === 'IN_PROGRESS' ? 'blue' : status === 'ACCEPTED' ? 'cyan' : 'gold';
  return <Tag color={color}>{ASSIGNMENT_STATUS_LABEL[status as AssignmentStatusName] ?? status}</Tag>;
}

export function PlanStatusTag({ status }: { status: string }) {
  const color = status === 'ISSUED' ? 'green' : status === 'CLOSED' ? 'default' : 'gold';
  return <Tag color={color}>{PLAN_STATUS_LABEL[status] ?? status}</Tag>;
}

/** What each recorded event means, in the words of the documents. */
export const EVENT_LABEL: Record<string, string> = {
  PlanDrafted: 'Soạn dự thảo',
  DraftRevised: 'Sửa dự thảo',
  PlanIssued: 'Ban hành',
  PlanAmended: 'Điều chỉnh',
  PlanClosed: 'Kết thúc',
  AssignmentCreated: 'Giao nhiệm vụ',
  AssignmentAccepted: 'Tiếp nhận',
  ProgressReported: 'Báo cáo tiến độ',
  AssignmentCompleted: 'Hoàn thành',
  AssignmentCancelled: 'Hủy',
  AssignmentOverdue: 'Quá hạn',
  AssignmentRescheduled: 'Đổi hạn',
  ExtensionRequested: 'Xin gia hạn',
  ExtensionGranted: 'Đồng ý gia hạn',
  ExtensionRefused: 'Từ chối gia hạn',
  ReminderIssued: 'Nhắc hạn',
};

export const eventLabel = (type: string) => EVENT_LABEL[type] ?? type;
