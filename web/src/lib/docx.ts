import { hasHeadingRow } from './appendix';

/**
 * The appendix table of a plan issued as a Word document (.docx): the document's XML read with
 * jszip (the archive) and saxes (a streaming XML parser that runs in the browser and in Node, so
 * the reader is unit-tested without a browser), ADR 0030. Both load only when a .docx is chosen.
 *
 * Merged cells as the seed plans lay them out:
 * - a vertical merge (`w:vMerge`: one lead, one sub-criterion beside several tasks) means the same
 *   value on every row it spans, so each continued cell repeats the value of the cell above it;
 * - a horizontal span (`w:gridSpan`: a section's title across the table) is one cell written
 *   wide: its value stands in its first column, the columns it covers are empty.
 * The appendix is the longest table whose first row names the plan's columns; tables after it
 * that repeat the same heading row (one table per page, as seed 001 is laid out) continue it, and
 * heading rows repeated inside it are dropped.
 */
export interface DocxTable {
  /** Rows of cell texts, one entry per grid column; paragraphs inside a cell joined by a newline. */
  readonly rows: string[][];
}

/** Every top-level table of the document's body, merged cells resolved. */
export async function readDocxTables(data: ArrayBuffer | Uint8Array): Promise<DocxTable[]> {
  const [{ default: JSZip }, { SaxesParser }] = await Promise.all([import('jszip'), import('saxes')]);
  const zip = await JSZip.loadAsync(data);
  const document = zip.file('word/document.xml');
  if (!document) throw new Error('not a Word document: word/document.xml is missing');
  return tablesOf(await document.async('string'), SaxesParser as unknown as new () => SaxParser);
}

/** The appendix's rows (its heading row first), or [] when the document has no table naming the plan's columns. */
export async function readDocxAppendix(data: ArrayBuffer | Uint8Array): Promise<string[][]> {
  return appendixOf(await readDocxTables(data));
}

const key = (row: readonly string[]) => row.map((c) => c.replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi')).join('\u0001');

export function appendixOf(tables: readonly DocxTable[]): string[][] {
  const headed = tables.map((t, i) => ({ i, rows: t.rows })).filter((t) => t.rows.length > 1 && hasHeadingRow(t.rows));
  if (!headed.length) return [];
  const main = headed.reduce((best, t) => (t.rows.length > best.rows.length ? t : best));
  const heading = key(main.rows[0]);
  // The tables from the first with this heading onwards, as long as each repeats it.
  let first = main.i;
  while (first > 0 && tables[first - 1].rows.length && key(tables[first - 1].rows[0]) === heading) first--;
  const out: string[][] = [main.rows[0]];
  for (let i = first; i < tables.length && tables[i].rows.length && key(tables[i].rows[0]) === heading; i++) {
    for (const row of tables[i].rows) if (key(row) !== heading && row.some((c) => c.trim() !== '')) out.push(row);
  }
  return out;
}

interface Cell {
  text: string[];
  span: number;
  /** 'restart' starts a vertical merge, 'continue' carries the cell above on. */
  vMerge?: 'restart' | 'continue';
  hMergeContinue?: boolean;
}

interface SaxParser {
  on(event: 'opentag', handler: (tag: { name: string; attributes: Record<string, string> }) => void): void;
  on(event: 'closetag', handler: (tag: { name: string }) => void): void;
  on(event: 'text', handler: (text: string) => void): void;
  write(chunk: string): SaxParser;
  close(): SaxParser;
}

/** The tables of word/document.xml (exported for tests). */
export function tablesOf(xml: string, Parser: new () => SaxParser): DocxTable[] {
  const tables: DocxTable[] = [];
  let depth = 0;
  let rows: Cell[][] = [];
  let gridBefore: number[] = [];
  let row: Cell[] | null = null;
  let cell: Cell | null = null;
  let paragraph: string | null = null;
  let inText = false;
  // w:tab and w:br count inside a run only: a paragraph's properties list its tab stops as w:tab too.
  let inRun = 0;
  const parser = new Parser();
  parser.on('opentag', ({ name, attributes }) => {
    const val = attributes['w:val'];
    switch (name) {
      case 'w:tbl':
        depth++;
        if (depth === 1) {
          rows = [];
          gridBefore = [];
        }
        break;
      case 'w:tr':
        if (depth === 1) {
          row = [];
          gridBefore.push(0);
        }
        break;
      case 'w:gridBefore':
        if (depth === 1 && row && !cell) gridBefore[gridBefore.length - 1] = Number(val) || 0;
        break;
      case 'w:tc':
        if (depth === 1 && row) cell = { text: [], span: 1 };
        break;
      case 'w:gridSpan':
        if (depth === 1 && cell) cell.span = Math.max(1, Number(val) || 1);
        break;
      case 'w:vMerge':
        if (depth === 1 && cell) cell.vMerge = val === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:hMerge':
        if (depth === 1 && cell && val !== 'restart') cell.hMergeContinue = true;
        break;
      case 'w:p':
        // Paragraphs of a table nested in a cell count as the cell's own paragraphs.
        if (cell) paragraph = '';
        break;
      case 'w:r':
        inRun++;
        break;
      case 'w:t':
        inText = paragraph !== null;
        break;
      case 'w:tab':
        if (paragraph !== null && inRun) paragraph += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (paragraph !== null && inRun) paragraph += '\n';
        break;
    }
  });
  parser.on('text', (text) => {
    if (inText && paragraph !== null) paragraph += text;
  });
  parser.on('closetag', ({ name }) => {
    switch (name) {
      case 'w:r':
        inRun--;
        break;
      case 'w:t':
        inText = false;
        break;
      case 'w:p':
        if (cell && paragraph !== null) cell.text.push(paragraph);
        paragraph = null;
        break;
      case 'w:tc':
        if (depth === 1 && row && cell) row.push(cell);
        if (depth === 1) cell = null;
        break;
      case 'w:tr':
        if (depth === 1 && row) rows.push(row);
        if (depth === 1) row = null;
        break;
      case 'w:tbl':
        if (depth === 1) tables.push({ rows: resolve(rows, gridBefore) });
        depth--;
        break;
    }
  });
  parser.write(xml).close();
  return tables;
}

/** Cells onto grid columns: vertical merges repeat the value above, horizontal spans leave their columns empty. */
function resolve(rows: Cell[][], gridBefore: number[]): string[][] {
  const out: string[][] = [];
  rows.forEach((cells, r) => {
    const values: string[] = Array(gridBefore[r] ?? 0).fill('');
    for (const cell of cells) {
      const column = values.length;
      const above = out[r - 1];
      if (cell.vMerge === 'continue' && above) {
        for (let i = 0; i < cell.span; i++) values.push(above[column + i] ?? '');
        continue;
      }
      const text = cell.hMergeContinue
        ? ''
        : cell.text
            .join('\n')
            .replace(/[ \u00a0]+/g, ' ')
            .replace(/ *\n */g, '\n')
            .trim();
      values.push(text, ...Array(cell.span - 1).fill(''));
    }
    out.push(values);
  });
  const width = Math.max(0, ...out.map((r) => r.length));
  return out.map((r) => [...r, ...Array(width - r.length).fill('')]);
}
