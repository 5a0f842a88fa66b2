/**
 * The appendix as users bring it: rows pasted from a Word or Excel table (tab-separated clipboard
 * text, quoted cells for line breaks) or read from an .xlsx sheet, mapped column by column onto the
 * draft's fields, then grouped into sections. Pure: tested without a browser.
 */

/** Each of a task's columns under the heading the plan editor gives it, in the appendix's order. */
export const TASK_COLUMN_LABEL = {
  ordinal: 'STT',
  text: 'Nhiệm vụ',
  target: 'Chỉ tiêu',
  lead: 'Chủ trì',
  implementing: 'Thực hiện',
  monitoring: 'Theo dõi',
  timeframe: 'Thời gian',
  expectedResult: 'Kết quả',
} as const;
export type TaskColumn = keyof typeof TASK_COLUMN_LABEL;
export const TASK_COLUMNS = Object.keys(TASK_COLUMN_LABEL) as TaskColumn[];

/** What a pasted or imported column is taken as: a task's column, the section a row belongs to, or nothing. */
export type ColumnField = TaskColumn | 'section' | 'ignore';

/** The choices for a column; in a pasted table the implementing units' column often also names the units that help ("phối hợp"). */
export const COLUMN_FIELDS: ReadonlyArray<{ value: ColumnField; label: string }> = [
  { value: 'ordinal', label: 'STT' },
  { value: 'section', label: 'Nội dung (mục, chỉ số)' },
  ...TASK_COLUMNS.slice(1).map((field) => ({ value: field, label: field === 'implementing' ? 'Phối hợp / Thực hiện' : TASK_COLUMN_LABEL[field] })),
  { value: 'ignore', label: 'Bỏ qua' },
];

export interface EditorRow {
  key: string;
  /** A section heading row (its title in `text`), or a task. */
  kind: 'section' | 'task';
  ordinal: string;
  text: string;
  target: string;
  lead: string;
  implementing: string;
  monitoring: string;
  timeframe: string;
  expectedResult: string;
}

/** A row with nothing but its kind, number and text (a section heading; a task the official fills in). */
export const blankRow = (key: string, kind: EditorRow['kind'], ordinal = '', text = ''): EditorRow => ({
  key,
  kind,
  ordinal,
  text,
  target: '',
  lead: '',
  implementing: '',
  monitoring: '',
  timeframe: '',
  expectedResult: '',
});

/** Tab-separated text as Excel and Word put it on the clipboard: quoted cells may hold tabs, newlines and "". */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  const input = text.replace(/\r\n?/g, '\n');
  while (i < input.length) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''));
}

const normalise = (s: string) => s.toLocaleLowerCase('vi').normalize('NFC').replace(/\s+/g, ' ').trim();

/** The field a heading names, as the seed plans write their columns. */
export function guessField(heading: string): ColumnField {
  const h = normalise(heading);
  if (/^(stt|tt|số tt|số thứ tự)$/.test(h)) return 'ordinal';
  if (h.includes('chủ trì')) return 'lead';
  if (h.includes('theo dõi')) return 'monitoring';
  if (h.includes('phối hợp') || (h.includes('thực hiện') && !h.includes('thời gian') && !h.includes('kết quả'))) return 'implementing';
  if (h.includes('thời gian') || h.includes('thời hạn')) return 'timeframe';
  if (h.includes('kết quả') || h.includes('sản phẩm')) return 'expectedResult';
  if (h.includes('chỉ tiêu')) return 'target';
  if (h.includes('nhiệm vụ') || h.includes('giải pháp')) return 'text';
  if (h.includes('nội dung') || h.includes('chỉ số') || h.includes('tiêu chí')) return 'section';
  return 'ignore';
}

/** Whether the first row is a heading row (it names at least two known columns). */
export function hasHeadingRow(rows: string[][]): boolean {
  return (rows[0] ?? []).filter((cell) => guessField(cell) !== 'ignore').length >= 2;
}

/** Roman numerals and letters as section numbers: "I", "II.", "A". */
const SECTION_ORDINAL = /^([IVXLC]+|[A-Z])\.?$/;

/** Rows onto editor rows: a new "Nội dung" value, or a row with only a section-like number and a title, starts a section. */
export function mapRows(rows: string[][], mapping: ColumnField[]): EditorRow[] {
  const out: EditorRow[] = [];
  let lastSection = '';
  let n = 0;
  const key = () => `r${++n}`;
  for (const row of rows) {
    const get = (field: ColumnField) =>
      mapping
        .map((f, i) => (f === field ? (row[i] ?? '') : ''))
        .filter(Boolean)
        .join('\n')
        .trim();
    const section = get('section');
    const ordinal = get('ordinal');
    const text = get('text');
    // The task's columns after its number and text.
    const others = TASK_COLUMNS.slice(2).map(get);
    if (section && section !== lastSection) {
      lastSection = section;
      out.push(blankRow(key(), 'section', text ? '' : ordinal, section));
      if (!text) continue;
    } else if (!section && text && SECTION_ORDINAL.test(ordinal) && others.every((o) => !o)) {
      out.push(blankRow(key(), 'section', ordinal, text));
      continue;
    }
    if (!text && others.every((o) => !o)) continue;
    out.push({
      key: key(),
      kind: 'task',
      ordinal,
      text,
      target: others[0],
      lead: others[1],
      implementing: others[2],
      monitoring: others[3],
      timeframe: others[4],
      expectedResult: others[5],
    });
  }
  return out;
}

export interface DraftSection {
  code?: string | null;
  title: string;
  tasks: Array<{
    ordinal?: string | null;
    text: string;
    target?: string | null;
    lead?: { text: string } | null;
    implementing?: { text: string } | null;
    monitoring?: { text: string } | null;
    timeframe?: string | null;
    expectedResult?: string | null;
  }>;
}

/** Editor rows into the draft's sections, and where each row went (to put the API's problems beside it). */
export function toSections(rows: EditorRow[], defaultTitle = 'Nhiệm vụ'): { sections: DraftSection[]; pathOf: Map<string, string> } {
  const sections: DraftSection[] = [];
  const pathOf = new Map<string, string>();
  for (const row of rows) {
    if (row.kind === 'section') {
      pathOf.set(row.key, `sections[${sections.length}]`);
      sections.push({ code: row.ordinal || null, title: row.text, tasks: [] });
      continue;
    }
    if (!sections.length) sections.push({ title: defaultTitle, tasks: [] });
    const section = sections[sections.length - 1];
    pathOf.set(row.key, `sections[${sections.length - 1}].tasks[${section.tasks.length}]`);
    const cell = (text: string) => (text.trim() ? { text: text.trim() } : null);
    section.tasks.push({
      ordinal: row.ordinal || null,
      text: row.text,
      target: row.target || null,
      lead: cell(row.lead),
      implementing: cell(row.implementing),
      monitoring: cell(row.monitoring),
      timeframe: row.timeframe || null,
      expectedResult: row.expectedResult || null,
    });
  }
  return { sections, pathOf };
}

/** The row a field path names: "input.sections[1].tasks[3].implementing" → the row placed there. */
export function rowOfField(field: string | undefined, pathOf: Map<string, string>): string | undefined {
  const match = field?.match(/sections\[(\d+)\](?:\.tasks\[(\d+)\])?/);
  if (!match) return undefined;
  const path = match[2] === undefined ? `sections[${match[1]}]` : `sections[${match[1]}].tasks[${match[2]}]`;
  for (const [key, p] of pathOf) if (p === path) return key;
  return undefined;
}

/** The first sheet of an .xlsx file as text rows. */
export async function readXlsx(data: ArrayBuffer): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      // A merged cell (a lead beside several tasks, a section's title) counts for every row it spans.
      const master = cell.isMerged ? cell.master : cell;
      cells.push((master.text ?? '').trim());
    }
    rows.push(cells);
  });
  return rows.filter((r) => r.some((c) => c !== ''));
}
