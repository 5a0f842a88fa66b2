import { formatInstant } from './format';

export interface SheetSpec {
  name: string;
  title: string;
  columns: Array<{ header: string; width?: number }>;
  rows: Array<Array<string | number | null>>;
}

/** What is on screen, as an .xlsx file the browser downloads (exceljs loads only when asked). */
export async function downloadWorkbook(fileName: string, sheets: SheetSpec[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.addRow([spec.title]).font = { bold: true, size: 13 };
    sheet.addRow([`Xuất lúc ${formatInstant(new Date().toISOString())} (giờ Việt Nam)`]);
    sheet.addRow([]);
    const header = sheet.addRow(spec.columns.map((c) => c.header));
    header.font = { bold: true };
    spec.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width ?? 16));
    for (const row of spec.rows) sheet.addRow(row);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
