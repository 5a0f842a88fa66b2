import JSZip from 'jszip';
import { body, centred, dataTable, dateLine, decree30Docx, heading, properName, run, signatureBlock } from './decree30';

async function documentXml(docx: Buffer): Promise<string> {
  return (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
}

describe("Decree 30's layout", () => {
  it.each([
    ['2021-09-05', 'Thăng Bình, ngày 05 tháng 9 năm 2021'],
    ['2021-02-15', 'Thăng Bình, ngày 15 tháng 02 năm 2021'],
    ['2021-12-22', 'Thăng Bình, ngày 22 tháng 12 năm 2021'],
  ])('the date line of %s: days below 10 and months below 3 with a leading zero', (day, line) => {
    expect(dateLine('Thăng Bình', day)).toBe(line);
  });

  it("the place is the unit's name without its type", () => {
    expect(properName({ name: 'Huyện Thăng Bình', type: 'Huyện' })).toBe('Thăng Bình');
    expect(properName({ name: 'Thị trấn Sịa', type: 'Thị trấn' })).toBe('Sịa');
  });

  it('writes an A4 document in Times New Roman: heading, subject, table, recipients and signature', async () => {
    const docx = await decree30Docx('Báo cáo thử', [
      heading({ issuerName: 'Huyện Thăng Bình', numberLine: 'Số:       /BC-UBND', place: 'Thăng Bình', day: '2021-09-22' }),
      centred(run('BÁO CÁO', { bold: true })),
      body('Nội dung.'),
      dataTable(['STT', 'Chỉ tiêu', 'Kết quả'], [['1', 'Tỷ lệ hài lòng', '96,1']], [10, 70, 20]),
      signatureBlock(['UBND tỉnh Quảng Nam']),
    ]);
    const xml = await documentXml(docx);
    const text = xml.replace(/<[^>]+>/g, '');
    for (const words of [
      'ỦY BAN NHÂN DÂN',
      'HUYỆN THĂNG BÌNH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Thăng Bình, ngày 22 tháng 9 năm 2021',
      'BÁO CÁO',
      'Tỷ lệ hài lòng',
      '96,1',
      'Nơi nhận:',
      '- UBND tỉnh Quảng Nam;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
    ]) {
      expect([words, text.includes(words)]).toEqual([words, true]);
    }
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:h="16838"');
    expect(xml).toContain('Times New Roman');
  });
});
