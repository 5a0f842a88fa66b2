import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/**
 * Word documents in the layout of Decree 30/2020 (Appendix I), shared by the services that file
 * documents (reporting's reports, scoring's scorecards): A4 portrait, Times New Roman, the issuer
 * over its rule and the number at the left, the national title and motto over the place and date
 * line at the right, the document's kind and subject centred, the body, then recipients and the
 * signature block.
 */
export const FONT = 'Times New Roman';

/** Decree 30's date line: "Thăng Bình, ngày 15 tháng 9 năm 2021", days below 10 and months below 3 with a leading zero. */
export function dateLine(place: string, day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

/** "Huyện Thăng Bình" of type "Huyện" → "Thăng Bình" (the place of the date line). */
export const properName = (unit: { name: string; type: string }) => (unit.name.startsWith(`${unit.type} `) ? unit.name.slice(unit.type.length + 1) : unit.name);
export const upper = (text: string) => text.toLocaleUpperCase('vi');
export const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: (options.size ?? 14) * 2, bold: options.bold, italics: options.italics });
export const centred = (...runs: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children: runs });
export const body = (text: string, options: { bold?: boolean } = {}) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 720 }, spacing: { before: 120, line: 312 }, children: [run(text, options)] });
export const blank = () => new Paragraph({ children: [] });
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
export const cell = (children: Paragraph[], width: number) => new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children });

/** A bordered table: a bold header row, then rows; `widths` in percent; `left` the columns aligned left (others centred). */
export function dataTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, widths: readonly number[], left: readonly number[] = [1]): Table {
  const line = (values: readonly string[], bold = false) =>
    new TableRow({
      children: values.map((v, i) =>
        cell([new Paragraph({ alignment: left.includes(i) ? AlignmentType.LEFT : AlignmentType.CENTER, children: [run(v, { size: 12, bold })] })], widths[i]),
      ),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [line(header, true), ...rows.map((r) => line(r))] });
}

/** Two blocks side by side without borders, the left `leftPercent` of the width (the heading, the signature block). */
function sideBySide(left: Paragraph[], right: Paragraph[], leftPercent: number): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftPercent), cell(right, 100 - leftPercent)] })],
  });
}

/** The heading: "ỦY BAN NHÂN DÂN / <ISSUER> / Số: .../<kind>-UBND" beside the national title, motto and date line. */
export function heading(options: { issuerName: string; numberLine: string; place: string; day: string }): Table {
  return sideBySide(
    [
      centred(run('ỦY BAN NHÂN DÂN', { bold: true, size: 13 })),
      centred(run(upper(options.issuerName), { bold: true, size: 13 })),
      centred(run('───────', { size: 13 })),
      centred(run(options.numberLine, { size: 13 })),
    ],
    [
      centred(run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 13 })),
      centred(run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 })),
      centred(run('───────────────────', { size: 13 })),
      centred(run(dateLine(options.place, options.day), { italics: true, size: 14 })),
    ],
    40,
  );
}

/** Recipients at the left ("Nơi nhận:", each "- ...;", "- Lưu: VT."), the signature block at the right. */
export function signatureBlock(recipients: readonly string[], signature: readonly string[] = ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']): Table {
  return sideBySide(
    [
      new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 12 })] }),
      ...recipients.map((r) => new Paragraph({ children: [run(`- ${r};`, { size: 11 })] })),
      new Paragraph({ children: [run('- Lưu: VT.', { size: 11 })] }),
    ],
    [...signature.map((line) => centred(run(line, { bold: true }))), new Paragraph({ spacing: { before: 1200 }, children: [] })],
    50,
  );
}

/** The document: A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm (1 mm = 56.7 twips), 14 pt Times New Roman. */
export async function decree30Docx(title: string, children: ReadonlyArray<Paragraph | Table>): Promise<Buffer> {
  const doc = new Document({
    creator: 'reform platform',
    title,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      { properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } }, children: [...children] },
    ],
  });
  return Packer.toBuffer(doc);
}
