import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import type { DraftSection, DraftTask } from '@reform/plans';

/** The columns of an appendix as a plan writes them, and what each cell of a task holds. */
export interface AppendixLayout {
  readonly headings: readonly string[];
  readonly cells: (task: DraftTask) => readonly string[];
}

/** Seed 001's appendix: TT, sub-criterion, task, target, lead that monitors, implementing, timeframe. */
export const SEED_001_LAYOUT: AppendixLayout = {
  headings: [
    'TT',
    'Chỉ số nội dung/Tiêu chí thành phần',
    'Nhiệm vụ trọng tâm',
    'Chỉ tiêu',
    'Đơn vị chủ trì theo dõi',
    'Đơn vị thực hiện',
    'Thời gian thực hiện',
  ],
  cells: (t) => [t.text, t.target ?? '', t.lead?.text ?? '', t.implementing?.text ?? '', t.timeframe ?? ''],
};

/**
 * A plan's appendix as a Word document (.docx) laid out as the seeds' tables are, written by the
 * `docx` package: a section holding sections (a dimension) is one row with its number and its
 * title across the table (w:gridSpan); a section's number and title are merged down beside its
 * tasks (w:vMerge), and so is a task's cell equal to the one above it in the same section (one
 * lead or implementing body for several tasks). A letterhead table comes first, as in every
 * administrative document, and the heading row repeats on each page.
 */
export async function appendixDocx(sections: readonly DraftSection[], layout: AppendixLayout = SEED_001_LAYOUT): Promise<Buffer> {
  const text = (value: string) => value.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
  const cell = (value: string, merge?: 'restart' | 'continue', span?: number) =>
    new TableCell({
      columnSpan: span,
      verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
      children: merge === 'continue' ? [new Paragraph('')] : text(value),
    });
  const width = layout.headings.length;
  const rows: TableRow[] = [new TableRow({ tableHeader: true, children: layout.headings.map((h) => cell(h)) })];
  const walk = (section: DraftSection) => {
    if (section.sections?.length) {
      rows.push(new TableRow({ children: [cell(section.code ?? ''), cell(section.title, undefined, width - 1)] }));
      if (section.tasks.length) addTasks({ ...section, sections: [] });
      section.sections.forEach(walk);
      return;
    }
    addTasks(section);
  };
  const addTasks = (section: DraftSection) => {
    const many = section.tasks.length > 1;
    let above: readonly string[] | null = null;
    section.tasks.forEach((task, i) => {
      const values = layout.cells(task);
      const first = i === 0;
      const heading = [
        cell(section.code ?? '', many ? (first ? 'restart' : 'continue') : undefined),
        cell(section.title, many ? (first ? 'restart' : 'continue') : undefined),
      ];
      const next = section.tasks[i + 1] ? layout.cells(section.tasks[i + 1]) : null;
      const own = values.map((value, c) => {
        // The task's own text is never merged; the other cells are where the document shares them.
        if (c === 0 || !value) return cell(value);
        if (above && above[c] === value) return cell(value, 'continue');
        return cell(value, next && next[c] === value ? 'restart' : undefined);
      });
      rows.push(new TableRow({ children: [...heading, ...own] }));
      above = values;
    });
  };
  sections.forEach(walk);
  const letterhead = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ children: [cell('ỦY BAN NHÂN DÂN\nHUYỆN'), cell('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc')] })],
  });
  const document = new Document({
    sections: [
      {
        children: [
          letterhead,
          new Paragraph('KẾ HOẠCH'),
          new Paragraph('PHỤ LỤC'),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
          new Paragraph(''),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Every task of the sections, in the order the appendix lists them. */
export function tasksOf(sections: readonly DraftSection[]): DraftTask[] {
  return sections.flatMap((s) => [...s.tasks, ...tasksOf(s.sections ?? [])]);
}
