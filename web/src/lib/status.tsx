import { Tag } from 'antd';
import { ASSIGNMENT_STATUS_LABEL, assignmentStatusText, PLAN_STATUS_LABEL, type AssignmentStatusName } from './labels';

export { ASSIGNMENT_STATUS_LABEL, PLAN_STATUS_LABEL, type AssignmentStatusName };

/**
 * Status colours are the same on every page, always with a word: overdue red, due within 7 days
 * amber, done green, cancelled grey. The open states keep neutral blues so amber means one thing.
 */
export function AssignmentStatusTag({ status, overdue, dueSoon }: { status: string; overdue?: boolean; dueSoon?: boolean }) {
  const label = ASSIGNMENT_STATUS_LABEL[status as AssignmentStatusName] ?? status;
  const open = status !== 'COMPLETED' && status !== 'CANCELLED';
  if ((overdue || dueSoon) && open) return <Tag color={overdue ? 'red' : 'gold'}>{assignmentStatusText(status, { overdue, dueSoon })}</Tag>;
  const color =
    status === 'COMPLETED' ? 'green' : status === 'CANCELLED' ? 'default' : status === 'IN_PROGRESS' ? 'blue' : status === 'ACCEPTED' ? 'cyan' : 'geekblue';
  return <Tag color={color}>{label}</Tag>;
}

export function PlanStatusTag({ status }: { status: string }) {
  const color = status === 'ISSUED' ? 'green' : status === 'CLOSED' ? 'default' : 'purple';
  return <Tag color={color}>{PLAN_STATUS_LABEL[status] ?? status}</Tag>;
}

/** The colours' meaning, shown where they are used (inbox, dashboards). */
export function StatusLegend() {
  return (
    <p className="status-legend" aria-label="Chú giải màu">
      <span className="muted">Chú giải:</span> <Tag color="red">Quá hạn</Tag>
      <Tag color="gold">Sắp đến hạn (trong 7 ngày)</Tag>
      <Tag color="green">Hoàn thành</Tag>
      <Tag color="default">Đã hủy</Tag>
    </p>
  );
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
