import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type ExcelJS from 'exceljs';
import { Completeness } from '../../domain/completeness/completeness';
import { ConsolidatedItem, ConsolidatedSection } from '../../domain/consolidation/consolidate';
import { periodLabel } from '../../domain/period/period';
import { ItemValue, Report } from '../../domain/report/report.decider';

export { periodLabel };

const ROMAN = ['I', 'II', 'III', 'IV'];
/** exceljs on first use: its ~650 modules are not loaded by every start (issue 11, the restart's time). */
const excel = (): typeof ExcelJS => require('exceljs');

/**
 * The formats officials file: a report or a consolidated report as a Word document in the layout
 * of Decree 30/2020 (Appendix I: A4, Times New Roman, the issuer over its rule and the number at
 * the left, the national title and motto at the right, the place and date line, "BÁO CÁO" over the
 * subject, the body, recipients and signature block), and its data items as Excel.
 */
export interface ExportContext {
  readonly report: Report;
  /** The unit's name as the directory has it ("Huyện Thăng Bình") and its type ("Huyện"). */
  readonly unit: { readonly name: string; readonly type: string };
  readonly reviewerName: string | null;
  /** The day printed on the date line. */
  readonly day: string;
  /** For a consolidated report: the children's accepted figures and texts, and every child's report. */
  readonly consolidation: { readonly items: readonly ConsolidatedItem[]; readonly sections: readonly ConsolidatedSection[] } | null;
  readonly children: readonly Report[];
  readonly completeness: Completeness | null;
}

/** Decree 30's date line: "Thăng Bình, ngày 15 tháng 9 năm 2021", days below 10 and months below 3 with a leading zero. */
export function dateLine(place: string, day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

const properName = (unit: { name: string; type: string }) => (unit.name.startsWith(`${unit.type} `) ? unit.name.slice(unit.type.length + 1) : unit.name);
const upper = (text: string) => text.toLocaleUpperCase('vi');
const FONT = 'Times New Roman';
const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text, font: FONT, size: (options.size ?? 14) * 2, bold: options.bold, italics: options.italics });
const centred = (...runs: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children: runs });
const body = (text: string, options: { bold?: boolean } = {}) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 720 }, spacing: { before: 120, line: 312 }, children: [run(text, options)] });
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const cell = (children: Paragraph[], width: number) => new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children });
const valueText = (value: ItemValue | number | null | undefined) => (value === null || value === undefined ? '' : typeof value === 'boolean' ? (value ? 'Có' : 'Không') : String(value));

function itemsTable(rows: Array<[string, string, string, string]>): Table {
  const header = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả'];
  const line = (values: string[], bold = false) => new TableRow({ children: values.map((v, i) => cell([new Paragraph({ alignment: i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER, children: [run(v, { size: 12, bold })] })], [8, 57, 15, 20][i])) });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [line(header, true), ...rows.map((r) => line(r))] });
}

export async function reportDocx(context: ExportContext): Promise<Buffer> {
  const { report, unit } = context;
  const place = properName(unit);
  const heading = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([centred(run('ỦY BAN NHÂN DÂN', { bold: true, size: 13 })), centred(run(upper(unit.name), { bold: true, size: 13 })), centred(run('───────', { size: 13 })), centred(run('Số:       /BC-UBND', { size: 13 }))], 40),
          cell(
            [
              centred(run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 13 })),
              centred(run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 })),
              centred(run('───────────────────', { size: 13 })),
              centred(run(dateLine(place, context.day), { italics: true, size: 14 })),
            ],
            60,
          ),
        ],
      }),
    ],
  });
  const subject = `${report.regimeName} ${periodLabel(report.period)}`.trim();
  const content: Array<Paragraph | Table> = [heading, new Paragraph({ spacing: { before: 240 }, children: [] }), centred(run('BÁO CÁO', { bold: true })), centred(run(subject, { bold: true })), new Paragraph({ children: [] })];
  content.push(body(`Thời gian chốt số liệu: từ ngày ${report.cutOff.from.split('-').reverse().join('/')} đến ngày ${report.cutOff.to.split('-').reverse().join('/')}.`));
  report.form.sections.forEach((section, i) => {
    content.push(body(`${ROMAN[i] ?? String(i + 1)}. ${upper(section.title)}`, { bold: true }));
    const own = report.content.sections[section.code];
    if (own) for (const paragraph of own.split(/\n+/)) content.push(body(paragraph));
    const children = context.consolidation?.sections.find((s) => s.code === section.code)?.units ?? [];
    for (const child of children) content.push(body(`- ${child.unitName}: ${child.text}`));
  });
  const items: Array<[string, string, string, string]> = report.form.items.map((item, i) => {
    const consolidated = context.consolidation?.items.find((c) => c.code === item.code);
    const value = report.role === 'CONSOLIDATED' && consolidated ? consolidated.value : report.content.items[item.code];
    return [String(i + 1), item.name, item.unit ?? '', valueText(value)];
  });
  if (items.length) {
    content.push(body('SỐ LIỆU', { bold: true }));
    content.push(itemsTable(items));
  }
  if (report.role === 'UNIT' && report.prefill.assignments.length) {
    content.push(body('NHIỆM VỤ ĐƯỢC GIAO TRONG KỲ', { bold: true }));
    for (const line of report.prefill.assignments) content.push(body(`- ${line.taskText} (${line.planNumber}): ${line.status === 'COMPLETED' ? `hoàn thành ngày ${line.completedOn?.split('-').reverse().join('/')}` : `đạt ${line.percent}%`}${line.overdueDays.length ? ', quá hạn' : ''}.`));
  }
  content.push(body(`Trên đây là báo cáo ${subject.charAt(0).toLocaleLowerCase('vi')}${subject.slice(1)} của ${unit.name}./.`));
  const footer = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 12 })] }),
              ...(context.reviewerName && report.role === 'UNIT' ? [new Paragraph({ children: [run(`- ${context.reviewerName};`, { size: 11 })] })] : []),
              new Paragraph({ children: [run('- Lưu: VT.', { size: 11 })] }),
            ],
            50,
          ),
          cell([centred(run('TM. ỦY BAN NHÂN DÂN', { bold: true })), centred(run('CHỦ TỊCH', { bold: true })), new Paragraph({ spacing: { before: 1200 }, children: [] })], 50),
        ],
      }),
    ],
  });
  content.push(new Paragraph({ children: [] }), footer);
  const doc = new Document({
    creator: 'reform platform',
    title: subject,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    // A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm (1 mm = 56.7 twips).
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } }, children: content }],
  });
  return Packer.toBuffer(doc);
}

const STATUS_LABEL: Record<string, string> = { EXPECTED: 'Chưa gửi', DRAFT: 'Đang soạn', SUBMITTED: 'Đã gửi', ACCEPTED: 'Đã chấp nhận', RETURNED: 'Bị trả lại', WAIVED: 'Không báo cáo', APPROVED: 'Đã phê duyệt' };

/** The data items, one row per reporting unit (in hierarchy order), the consolidation's row last; completeness on a second sheet. */
export async function reportXlsx(context: ExportContext): Promise<Buffer> {
  const workbook = new (excel().Workbook)();
  workbook.creator = 'reform platform';
  const sheet = workbook.addWorksheet('Số liệu');
  const items = context.report.form.items;
  sheet.addRow([`${context.report.regimeName} ${periodLabel(context.report.period)}`.trim()]).font = { bold: true };
  const header = sheet.addRow(['Mã đơn vị', 'Đơn vị', 'Trạng thái', 'Ngày gửi', 'Đúng hạn', ...items.map((item) => (item.unit ? `${item.name} (${item.unit})` : item.name))]);
  header.font = { bold: true };
  const rows = context.report.role === 'CONSOLIDATED' ? context.children : [context.report];
  for (const r of rows) {
    sheet.addRow([r.unitCode, r.unitName, STATUS_LABEL[r.status] ?? r.status, r.submittedOn ?? '', r.submittedOn ? (r.late ? 'Trễ hạn' : 'Đúng hạn') : '', ...items.map((item) => r.content.items[item.code] ?? null)]);
  }
  if (context.consolidation) sheet.addRow(['', `Tổng hợp (${context.report.unitName})`, '', '', '', ...items.map((item) => context.consolidation?.items.find((c) => c.code === item.code)?.value ?? null)]).font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = i === 1 ? 32 : 16));
  if (context.completeness) {
    const c = context.completeness;
    const summary = workbook.addWorksheet('Tình hình báo cáo');
    summary.addRow(['Phải báo cáo', 'Đã gửi', 'Đúng hạn', 'Trễ hạn', 'Chưa gửi', 'Đã chấp nhận', 'Bị trả lại', 'Không báo cáo', 'Tỷ lệ gửi (%)', 'Tỷ lệ đúng hạn (%)']).font = { bold: true };
    summary.addRow([c.expected, c.submitted, c.onTime, c.late, c.missing, c.accepted, c.returned, c.waived, c.submittedRate, c.onTimeRate]);
    summary.addRow([]);
    summary.addRow(['Đơn vị chưa gửi']).font = { bold: true };
    const names = new Map(context.children.map((r) => [r.unitCode, r.unitName]));
    for (const code of c.missingUnitCodes) summary.addRow([code, names.get(code) ?? '']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
