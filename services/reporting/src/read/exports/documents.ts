import { Paragraph, Table } from 'docx';
import { body, centred, dataTable, decree30Docx, heading as decree30Heading, properName, run, signatureBlock, upper } from '@reform/documents';
import type ExcelJS from 'exceljs';
import { Completeness } from '../../domain/completeness/completeness';
import { ConsolidatedItem, ConsolidatedSection } from '../../domain/consolidation/consolidate';
import { periodLabel } from '../../domain/period/period';
import { ItemValue, Report } from '../../domain/report/report.decider';

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

const ROMAN = ['I', 'II', 'III', 'IV'];

export { periodLabel };

/** exceljs on first use: its ~650 modules are not loaded by every start (issue 11, the restart's time). */
const excel = (): typeof ExcelJS => require('exceljs');

const valueText = (value: ItemValue | number | null | undefined) =>
  value === null || value === undefined ? '' : typeof value === 'boolean' ? (value ? 'Có' : 'Không') : String(value);

function itemsTable(rows: Array<[string, string, string, string]>): Table {
  return dataTable(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả'], rows, [8, 57, 15, 20]);
}

export async function reportDocx(context: ExportContext): Promise<Buffer> {
  const { report, unit } = context;
  const place = properName(unit);
  const heading = decree30Heading({ issuerName: unit.name, numberLine: 'Số:       /BC-UBND', place, day: context.day });
  const subject = `${report.regimeName} ${periodLabel(report.period)}`.trim();
  const content: Array<Paragraph | Table> = [
    heading,
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    centred(run('BÁO CÁO', { bold: true })),
    centred(run(subject, { bold: true })),
    new Paragraph({ children: [] }),
  ];
  content.push(
    body(`Thời gian chốt số liệu: từ ngày ${report.cutOff.from.split('-').reverse().join('/')} đến ngày ${report.cutOff.to.split('-').reverse().join('/')}.`),
  );
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
    for (const line of report.prefill.assignments)
      content.push(
        body(
          `- ${line.taskText} (${line.planNumber}): ${line.status === 'COMPLETED' ? `hoàn thành ngày ${line.completedOn?.split('-').reverse().join('/')}` : `đạt ${line.percent}%`}${line.overdueDays.length ? ', quá hạn' : ''}.`,
        ),
      );
  }
  content.push(body(`Trên đây là báo cáo ${subject.charAt(0).toLocaleLowerCase('vi')}${subject.slice(1)} của ${unit.name}./.`));
  const footer = signatureBlock(context.reviewerName && report.role === 'UNIT' ? [context.reviewerName] : []);
  content.push(new Paragraph({ children: [] }), footer);
  return decree30Docx(subject, content);
}

const STATUS_LABEL: Record<string, string> = {
  EXPECTED: 'Chưa gửi',
  DRAFT: 'Đang soạn',
  SUBMITTED: 'Đã gửi',
  ACCEPTED: 'Đã chấp nhận',
  RETURNED: 'Bị trả lại',
  WAIVED: 'Không báo cáo',
  APPROVED: 'Đã phê duyệt',
};

/** The data items, one row per reporting unit (in hierarchy order), the consolidation's row last; completeness on a second sheet. */
export async function reportXlsx(context: ExportContext): Promise<Buffer> {
  const workbook = new (excel().Workbook)();
  workbook.creator = 'reform platform';
  const sheet = workbook.addWorksheet('Số liệu');
  const items = context.report.form.items;
  sheet.addRow([`${context.report.regimeName} ${periodLabel(context.report.period)}`.trim()]).font = { bold: true };
  const header = sheet.addRow([
    'Mã đơn vị',
    'Đơn vị',
    'Trạng thái',
    'Ngày gửi',
    'Đúng hạn',
    ...items.map((item) => (item.unit ? `${item.name} (${item.unit})` : item.name)),
  ]);
  header.font = { bold: true };
  const rows = context.report.role === 'CONSOLIDATED' ? context.children : [context.report];
  for (const r of rows) {
    sheet.addRow([
      r.unitCode,
      r.unitName,
      STATUS_LABEL[r.status] ?? r.status,
      r.submittedOn ?? '',
      r.submittedOn ? (r.late ? 'Trễ hạn' : 'Đúng hạn') : '',
      ...items.map((item) => r.content.items[item.code] ?? null),
    ]);
  }
  if (context.consolidation)
    sheet.addRow([
      '',
      `Tổng hợp (${context.report.unitName})`,
      '',
      '',
      '',
      ...items.map((item) => context.consolidation?.items.find((c) => c.code === item.code)?.value ?? null),
    ]).font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = i === 1 ? 32 : 16));
  if (context.completeness) {
    const c = context.completeness;
    const summary = workbook.addWorksheet('Tình hình báo cáo');
    summary.addRow([
      'Phải báo cáo',
      'Đã gửi',
      'Đúng hạn',
      'Trễ hạn',
      'Chưa gửi',
      'Đã chấp nhận',
      'Bị trả lại',
      'Không báo cáo',
      'Tỷ lệ gửi (%)',
      'Tỷ lệ đúng hạn (%)',
    ]).font = { bold: true };
    summary.addRow([c.expected, c.submitted, c.onTime, c.late, c.missing, c.accepted, c.returned, c.waived, c.submittedRate, c.onTimeRate]);
    summary.addRow([]);
    summary.addRow(['Đơn vị chưa gửi']).font = { bold: true };
    const names = new Map(context.children.map((r) => [r.unitCode, r.unitName]));
    for (const code of c.missingUnitCodes) summary.addRow([code, names.get(code) ?? '']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
