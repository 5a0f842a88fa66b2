import type { SheetSpec } from './excel';
import { formatDay, formatNumber, formatPercent } from './format';
import { assignmentStatusText } from './labels';

interface Figures {
  unitCode: string;
  total: number;
  assigned: number;
  accepted: number;
  inProgress: number;
  completed: number;
  overdue: number;
  cancelled: number;
  percentComplete: number;
  unit: { name: string };
}

interface Listed {
  taskText: string;
  dueOn?: string | null;
  status: string;
  percent: number;
  unitName: string;
}

export interface DashboardOnScreen {
  /** The heading: the plan and the unit shown. */
  title: string;
  /** The unit shown, then its subordinate units as the table lists them. */
  progress: Figures;
  children: Figures[];
  /** Every overdue assignment (the screen pages them) and how many there are. */
  overdue: Listed[];
  overdueTotal: number;
  /** The open ones due within 7 days, soonest first. */
  dueSoon: Listed[];
}

/** The dashboard's figures, chart table and both lists as sheets, in the words and order of the screen. */
export function dashboardSheets(screen: DashboardOnScreen): SheetSpec[] {
  const { progress } = screen;
  const summary = [
    `Tỷ lệ hoàn thành: ${formatPercent(progress.percentComplete)} (${formatNumber(progress.completed)}/${formatNumber(progress.total - progress.cancelled)} nhiệm vụ)`,
    `Sắp đến hạn (trong 7 ngày): ${formatNumber(screen.dueSoon.length)}`,
    `Số nhiệm vụ quá hạn: ${formatNumber(progress.overdue)}`,
  ];
  // The lists' columns as on screen: the overdue list has no status column (all are overdue).
  const overdueColumns = [{ header: 'Đơn vị', width: 32 }, { header: 'Nhiệm vụ', width: 80 }, { header: 'Hạn' }, { header: 'Tiến độ (%)' }];
  const dueSoonColumns = [
    { header: 'Đơn vị', width: 32 },
    { header: 'Nhiệm vụ', width: 80 },
    { header: 'Hạn' },
    { header: 'Trạng thái', width: 28 },
    { header: 'Tiến độ (%)' },
  ];
  const more =
    screen.overdueTotal > screen.overdue.length
      ? [
          `${formatNumber(screen.overdue.length)} trong số ${formatNumber(screen.overdueTotal)} nhiệm vụ quá hạn (tối đa ${formatNumber(screen.overdue.length)} một lần).`,
        ]
      : [];
  return [
    {
      name: 'Tiến độ',
      title: screen.title,
      notes: summary,
      columns: [
        { header: 'Đơn vị', width: 36 },
        { header: 'Tổng số nhiệm vụ' },
        { header: 'Đã giao' },
        { header: 'Đã tiếp nhận' },
        { header: 'Đang thực hiện' },
        { header: 'Hoàn thành' },
        { header: 'Quá hạn' },
        { header: 'Đã hủy' },
        { header: 'Tỷ lệ hoàn thành (%)' },
      ],
      rows: [progress, ...screen.children].map((r, i) => [
        i === 0 ? `${r.unit.name} (toàn đơn vị)` : r.unit.name,
        r.total,
        r.assigned,
        r.accepted,
        r.inProgress,
        r.completed,
        r.overdue,
        r.cancelled,
        r.percentComplete,
      ]),
    },
    {
      name: 'Quá hạn',
      title: `Nhiệm vụ quá hạn (${formatNumber(screen.overdueTotal)}) — ${progress.unit.name}`,
      notes: more,
      columns: overdueColumns,
      rows: screen.overdue.map((a) => [a.unitName, a.taskText, formatDay(a.dueOn), a.percent]),
    },
    {
      name: 'Sắp đến hạn',
      title: `Sắp đến hạn trong 7 ngày (${formatNumber(screen.dueSoon.length)}) — ${progress.unit.name}`,
      columns: dueSoonColumns,
      rows: screen.dueSoon.map((a) => [a.unitName, a.taskText, formatDay(a.dueOn), assignmentStatusText(a.status, { dueSoon: true }), a.percent]),
    },
  ];
}
