import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TabStopType, TextRun, VerticalMergeType } from 'docx';
import { guessField, mapRows } from './appendix';
import { readDocxAppendix, readDocxTables } from './docx';

/**
 * Word documents written by the `docx` package (as Word writes them: w:gridSpan, w:vMerge restart
 * and continue, a heading row marked to repeat on each page), laid out as seed 001's appendix is
 * (docs/domain/seeds/001_*.txt): a dimension's title across the table, a sub-criterion's number
 * and name merged down beside its several tasks, a lead and implementing cell merged down.
 */
const HEADINGS = [
  'TT',
  'Chỉ số nội dung/Tiêu chí thành phần',
  'Nhiệm vụ trọng tâm',
  'Chỉ tiêu',
  'Đơn vị chủ trì theo dõi',
  'Đơn vị thực hiện',
  'Thời gian thực hiện',
];

type Spec = string | { text: string; span?: number; merge?: 'restart' | 'continue' };
const cell = (spec: Spec) => {
  const s = typeof spec === 'string' ? { text: spec } : spec;
  const lines = s.merge === 'continue' ? [''] : s.text.split('\n');
  return new TableCell({
    columnSpan: s.span,
    verticalMerge: s.merge === 'restart' ? VerticalMergeType.RESTART : s.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    // A paragraph with tab stops in its properties: they are not text.
    children: lines.map((line) => new Paragraph({ tabStops: [{ type: TabStopType.LEFT, position: 2000 }], children: [new TextRun(line)] })),
  });
};
const row = (cells: Spec[], header = false) => new TableRow({ tableHeader: header, children: cells.map(cell) });

async function document(tables: Table[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'PHỤ LỤC', bold: true })] }),
          ...tables.flatMap((t) => [t, new Paragraph('')]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// The layout table every administrative document opens with: not the appendix.
const letterhead = new Table({ rows: [row(['ỦY BAN NHÂN DÂN\nHUYỆN VỊ XUYÊN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'])] });

describe('the appendix of a plan issued as a .docx', () => {
  it('reads the appendix table with its merged cells: a vertical merge repeats its value down, a horizontal span stands in its first column', async () => {
    const appendix = new Table({
      rows: [
        row(HEADINGS, true),
        row(['1', { text: 'Tham gia của người dân ở cấp cơ sở', span: 6 }]),
        row([
          '1.1',
          'Tri thức công dân',
          'Đẩy mạnh công tác thông tin tuyên truyền',
          '100% các thôn, tổ dân phố',
          'Phòng Văn hóa thông tin',
          'UBND các xã, thị trấn',
          'Thường xuyên',
        ]),
        row([
          { text: '1.3', merge: 'restart' },
          { text: 'Chất lượng bầu cử', merge: 'restart' },
          '- Tổ chức cuộc bầu cử đại biểu Quốc hội khóa XV',
          'Tỷ lệ cử tri đi bầu đạt trên 99,5%',
          { text: 'Phòng Nội vụ', merge: 'restart' },
          { text: 'UBMT TQ huyện, UBND các xã, thị trấn', merge: 'restart' },
          '23/5/2021',
        ]),
        row([
          { text: '', merge: 'continue' },
          { text: '', merge: 'continue' },
          '- Tuyên truyền việc thực hiện bầu cử trưởng thôn,\ntổ dân phố',
          '100% các xã, thị trấn',
          { text: '', merge: 'continue' },
          { text: '', merge: 'continue' },
          'Thường xuyên',
        ]),
      ],
    });
    const tables = await readDocxTables(await document([letterhead, appendix]));
    expect(tables).toHaveLength(2);
    const rows = await readDocxAppendix(await document([letterhead, appendix]));
    expect(rows).toEqual([
      HEADINGS,
      ['1', 'Tham gia của người dân ở cấp cơ sở', '', '', '', '', ''],
      [
        '1.1',
        'Tri thức công dân',
        'Đẩy mạnh công tác thông tin tuyên truyền',
        '100% các thôn, tổ dân phố',
        'Phòng Văn hóa thông tin',
        'UBND các xã, thị trấn',
        'Thường xuyên',
      ],
      [
        '1.3',
        'Chất lượng bầu cử',
        '- Tổ chức cuộc bầu cử đại biểu Quốc hội khóa XV',
        'Tỷ lệ cử tri đi bầu đạt trên 99,5%',
        'Phòng Nội vụ',
        'UBMT TQ huyện, UBND các xã, thị trấn',
        '23/5/2021',
      ],
      [
        '1.3',
        'Chất lượng bầu cử',
        '- Tuyên truyền việc thực hiện bầu cử trưởng thôn,\ntổ dân phố',
        '100% các xã, thị trấn',
        'Phòng Nội vụ',
        'UBMT TQ huyện, UBND các xã, thị trấn',
        'Thường xuyên',
      ],
    ]);

    // Through the editor's column mapping: two sections from the dimension and its sub-criteria, three tasks.
    const mapping = rows[0].map(guessField);
    expect(mapping).toEqual(['ordinal', 'section', 'text', 'target', 'lead', 'implementing', 'timeframe']);
    const editorRows = mapRows(rows.slice(1), mapping);
    expect(editorRows.filter((r) => r.kind === 'task').map((r) => [r.ordinal, r.lead, r.timeframe])).toEqual([
      ['1.1', 'Phòng Văn hóa thông tin', 'Thường xuyên'],
      ['1.3', 'Phòng Nội vụ', '23/5/2021'],
      ['1.3', 'Phòng Nội vụ', 'Thường xuyên'],
    ]);
    expect(editorRows.filter((r) => r.kind === 'section').map((r) => r.text)).toEqual([
      'Tham gia của người dân ở cấp cơ sở',
      'Tri thức công dân',
      'Chất lượng bầu cử',
    ]);
  });

  it('joins the tables of an appendix laid out one per page, each repeating the heading row, and drops the repeats', async () => {
    const page1 = new Table({
      rows: [row(HEADINGS, true), row(['2.1', 'Tiếp cận thông tin', 'Cung cấp thông tin', '100%', 'Phòng Tư pháp', 'UBND các xã, thị trấn', 'Thường xuyên'])],
    });
    const page2 = new Table({
      rows: [
        row(HEADINGS, true),
        row([
          '2.2',
          'Công khai danh sách hộ nghèo',
          'Công khai quy trình bình xét',
          '100% các xã, thị trấn',
          'Phòng Lao động-Thương binh & XH',
          'UBND các xã, thị trấn',
          'Thường xuyên',
        ]),
        row(HEADINGS),
        row([
          '2.3',
          'Công khai thu, chi ngân sách cấp xã',
          'Công khai minh bạch thu, chi',
          '100% các xã, thị trấn',
          'Phòng Tài chính-KH',
          'UBND các xã, thị trấn',
          'Thường xuyên',
        ]),
      ],
    });
    const rows = await readDocxAppendix(await document([letterhead, page1, page2]));
    expect(rows.map((r) => r[0])).toEqual(['TT', '2.1', '2.2', '2.3']);
  });

  it('finds no appendix in a document without a table naming the columns, and refuses a file that is not a Word document', async () => {
    expect(await readDocxAppendix(await document([letterhead]))).toEqual([]);
    await expect(readDocxAppendix(new TextEncoder().encode('STT\tNhiệm vụ'))).rejects.toThrow();
  });
});
