import { formatInstant } from './format';
import { saveFile } from './download';

export interface SheetSpec {
  name: string;
  title: string;
  /** Lines under the title: the figures shown above the table on screen. */
  notes?: string[];
  columns: Array<{ header: string; width?: number }>;
  rows: Array<Array<string | number | null>>;
}

/** The .xlsx bytes of the sheets (exceljs loads only when asked). */
export async function buildWorkbook(sheets: SheetSpec[], now: Date = new Date()): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.addRow([spec.title]).font = { bold: true, size: 13 };
    sheet.addRow([`Xuất lúc ${formatInstant(now.toISOString())} (giờ Việt Nam)`]);
    for (const note of spec.notes ?? []) sheet.addRow([note]);
    sheet.addRow([]);
    const header = sheet.addRow(spec.columns.map((c) => c.header));
    header.font = { bold: true };
    spec.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width ?? 16));
    for (const row of spec.rows) sheet.addRow(row);
  }
  return workbook.xlsx.writeBuffer();
}

/** What is on screen, as an .xlsx file the browser downloads. */
export async function downloadWorkbook(fileName: string, sheets: SheetSpec[]): Promise<void> {
  const buffer = await buildWorkbook(sheets);
  saveFile(fileName, new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
}
