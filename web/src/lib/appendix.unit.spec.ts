import { guessField, hasHeadingRow, mapRows, parseClipboardTable, rowOfField, toSections, type ColumnField } from './appendix';

describe('the appendix as users paste it', () => {
  it('reads tab-separated clipboard text: CRLF rows, quoted cells with line breaks, tabs and doubled quotes, blank rows dropped', () => {
    const text = 'STT\tNhiệm vụ\r\n1\t"Rà soát,\ncập nhật ""TTHC"""\r\n\r\n2\t"a\tb"\r\n';
    expect(parseClipboardTable(text)).toEqual([
      ['STT', 'Nhiệm vụ'],
      ['1', 'Rà soát,\ncập nhật "TTHC"'],
      ['2', 'a\tb'],
    ]);
  });

  it('maps the seed plans’ column headings onto the draft’s fields', () => {
    const headings = ['STT', 'Nội dung', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp/Thực hiện', 'Theo dõi', 'Thời gian', 'Kết quả', 'Ghi chú'];
    expect(headings.map(guessField)).toEqual(['ordinal', 'section', 'text', 'lead', 'implementing', 'monitoring', 'timeframe', 'expectedResult', 'ignore']);
    expect(guessField('Đơn vị chủ trì theo dõi')).toBe('lead');
    expect(guessField('Thời gian thực hiện')).toBe('timeframe');
    expect(guessField('Cơ quan thực hiện')).toBe('implementing');
    expect(hasHeadingRow([headings])).toBe(true);
    expect(hasHeadingRow([['1', 'Tổ chức hội nghị', 'Phòng Nội vụ']])).toBe(false);
  });

  it('starts a section at each new "Nội dung", or at a row with only a Roman number and a title; puts the API’s problem back on its row', () => {
    const mapping: ColumnField[] = ['ordinal', 'section', 'text', 'implementing'];
    const rows = mapRows(
      [
        ['1', 'I. Chỉ đạo', 'Ban hành kế hoạch', 'Các phòng'],
        ['2', 'I. Chỉ đạo', 'Kiểm tra', ''],
        ['1', 'II. Thể chế', 'Rà soát văn bản', 'UBND các xã'],
      ],
      mapping,
    );
    expect(rows.map((r) => [r.kind, r.text])).toEqual([
      ['section', 'I. Chỉ đạo'],
      ['task', 'Ban hành kế hoạch'],
      ['task', 'Kiểm tra'],
      ['section', 'II. Thể chế'],
      ['task', 'Rà soát văn bản'],
    ]);
    const roman = mapRows(
      [
        ['II', '', 'Cải cách thể chế', ''],
        ['1', '', 'Rà soát', 'Các phòng'],
      ],
      mapping,
    );
    expect(roman.map((r) => r.kind)).toEqual(['section', 'task']);

    const { sections, pathOf } = toSections(rows);
    expect(sections).toHaveLength(2);
    expect(sections[0].tasks[1]).toMatchObject({ text: 'Kiểm tra', implementing: null });
    expect(rowOfField('sections[0].tasks[1].implementing', pathOf)).toBe(rows[2].key);
    expect(rowOfField('input.sections[1].tasks[0].text', pathOf)).toBe(rows[4].key);
    expect(rowOfField('input.sections[1].title', pathOf)).toBe(rows[3].key);
    expect(rowOfField('input.number', pathOf)).toBeUndefined();
  });
});
