import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { DomainError } from '@reform/decider';

/** exceljs on first use: its ~650 modules are not loaded by every start (issue 11, the restart's time). */
const excel = (): typeof ExcelJS => require('exceljs');

export type TableFormat = 'CSV' | 'XLSX';

const bad = (code: string, message: string, field: string) => new DomainError(code, message, { kind: 'BAD_USER_INPUT', field });

/** The text of one Excel cell as a person reads it (a formula's result, rich text joined). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('');
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

/** Every worksheet of an .xlsx as rows of cell texts, by sheet name (first sheet first). */
export async function readWorkbook(bytes: Buffer, field = 'file'): Promise<Array<{ name: string; rows: string[][] }>> {
  const workbook = new (excel().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw bad('FILE.NOT_XLSX', `${field}: không đọc được tệp Excel (.xlsx).`, field);
  }
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim());
      rows[number - 1] = cells;
    });
    return { name: sheet.name, rows: Array.from(rows, (row) => row ?? []) };
  });
}

/** The bytes of a file argument: a CSV's text as UTF-8, an .xlsx from base64 (refused when it is not base64). */
export function fileBytes(file: string, format: TableFormat, field = 'file'): Buffer {
  if (format === 'CSV') return Buffer.from(file, 'utf8');
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(file)) throw bad('FILE.NOT_BASE64', `${field}: tệp XLSX phải được gửi dưới dạng base64.`, field);
  return Buffer.from(file, 'base64');
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** An .xlsx of the given sheets (rows of cell texts; numbers written as numbers). */
export async function writeWorkbook(
  sheets: ReadonlyArray<{ name: string; rows: readonly (readonly (string | number | null)[])[]; widths?: readonly number[] }>,
): Promise<Buffer> {
  const workbook = new (excel().Workbook)();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (typeof cell === 'string' && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
    worksheet.getRow(1).font = { bold: true };
    sheet.widths?.forEach((width, i) => (worksheet.getColumn(i + 1).width = width));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
