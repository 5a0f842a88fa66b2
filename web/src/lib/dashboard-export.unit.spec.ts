import ExcelJS from 'exceljs';
import { dashboardSheets } from './dashboard-export';
import { buildWorkbook } from './excel';

const figures = (name: string, code: string, counts: Partial<Record<'total' | 'completed' | 'overdue' | 'cancelled', number>>) => ({
  unitCode: code,
  total: counts.total ?? 0,
  assigned: 0,
  accepted: 0,
  inProgress: 0,
  completed: counts.completed ?? 0,
  overdue: counts.overdue ?? 0,
  cancelled: counts.cancelled ?? 0,
  percentComplete: counts.total ? (100 * (counts.completed ?? 0)) / (counts.total - (counts.cancelled ?? 0)) : 0,
  unit: { name },
});

async function readBack(buffer: ArrayBuffer): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  const sheets: Record<string, unknown[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
    sheets[sheet.name] = rows;
  });
  return sheets;
}

describe("the dashboard's Excel export", () => {
  it('holds what the screen shows: the figures, the table by unit, every overdue assignment and the amber list due within 7 days', async () => {
    const sheets = dashboardSheets({
      title: 'Kế hoạch 4003/QĐ-UBND — Theo dõi tiến độ: Tỉnh Quảng Nam',
      progress: figures('Tỉnh Quảng Nam', '49', { total: 10, completed: 4, overdue: 1 }),
      children: [figures('Huyện Thăng Bình', '513', { total: 6, completed: 3, overdue: 1 }), figures('Sở Nội vụ', '49.SNV', { total: 4, completed: 1 })],
      overdue: [{ unitName: 'Xã Bình Nguyên', taskText: 'Rà soát thủ tục', dueOn: '2021-09-01', status: 'ACCEPTED', percent: 20 }],
      overdueTotal: 1,
      dueSoon: [
        { unitName: 'Xã Bình Định Bắc', taskText: 'Niêm yết công khai', dueOn: '2021-09-16', status: 'ASSIGNED', percent: 0 },
        { unitName: 'Sở Nội vụ', taskText: 'Tổng hợp báo cáo', dueOn: '2021-09-20', status: 'IN_PROGRESS', percent: 50 },
      ],
    });
    const book = await readBack(await buildWorkbook(sheets, new Date('2021-09-15T03:00:00Z')));
    expect(Object.keys(book)).toEqual(['Tiến độ', 'Quá hạn', 'Sắp đến hạn']);

    const progress = book['Tiến độ'];
    expect(progress.slice(0, 5).map((r) => r[0])).toEqual([
      'Kế hoạch 4003/QĐ-UBND — Theo dõi tiến độ: Tỉnh Quảng Nam',
      'Xuất lúc 15/09/2021 10:00 (giờ Việt Nam)',
      'Tỷ lệ hoàn thành: 40% (4/10 nhiệm vụ)',
      'Sắp đến hạn (trong 7 ngày): 2',
      'Số nhiệm vụ quá hạn: 1',
    ]);
    expect(progress.find((r) => r[0] === 'Huyện Thăng Bình')?.slice(0, 7)).toEqual(['Huyện Thăng Bình', 6, 0, 0, 0, 3, 1]);

    expect(book['Quá hạn'].slice(-2)).toEqual([
      ['Đơn vị', 'Nhiệm vụ', 'Hạn', 'Tiến độ (%)'],
      ['Xã Bình Nguyên', 'Rà soát thủ tục', '01/09/2021', 20],
    ]);
    expect(book['Sắp đến hạn'][0][0]).toBe('Sắp đến hạn trong 7 ngày (2) — Tỉnh Quảng Nam');
    expect(book['Sắp đến hạn'].slice(-3)).toEqual([
      ['Đơn vị', 'Nhiệm vụ', 'Hạn', 'Trạng thái', 'Tiến độ (%)'],
      ['Xã Bình Định Bắc', 'Niêm yết công khai', '16/09/2021', 'Sắp đến hạn · Đã giao', 0],
      ['Sở Nội vụ', 'Tổng hợp báo cáo', '20/09/2021', 'Sắp đến hạn · Đang thực hiện', 50],
    ]);
  });

  it('says when the overdue list is longer than one export holds', () => {
    const [, overdue] = dashboardSheets({
      title: 't',
      progress: figures('Tỉnh Quảng Nam', '49', { total: 2000, overdue: 1500 }),
      children: [],
      overdue: Array.from({ length: 1000 }, (_, i) => ({ unitName: 'Xã A', taskText: `Việc ${i}`, dueOn: '2021-09-01', status: 'ASSIGNED', percent: 0 })),
      overdueTotal: 1500,
      dueSoon: [],
    });
    expect(overdue.notes).toEqual(['1.000 trong số 1.500 nhiệm vụ quá hạn (tối đa 1.000 một lần).']);
    expect(overdue.rows).toHaveLength(1000);
  });
});
