import { parseUnitList, UnitListRejected } from './unit-list';

const header = 'code,name,type,level,parent_code';
const good = [header, '49,Tỉnh Quảng Nam,Tỉnh,province,', '513,Huyện Thăng Bình,Huyện,district,49', '20437,Xã Bình Dương,Xã,commune,513'].join('\n');
const none = () => undefined;

async function problemsOf(csv: string, known: (code: string) => 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | undefined = none) {
  try {
    await parseUnitList(csv, known);
  } catch (error) {
    if (error instanceof UnitListRejected) return error.problems;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('parseUnitList', () => {
  it('reads a well-formed list', async () => {
    const rows = await parseUnitList(`\uFEFF${good}\n`, none);
    expect(rows).toEqual([
      { line: 2, code: '49', name: 'Tỉnh Quảng Nam', type: 'Tỉnh', level: 'PROVINCE', parentCode: null },
      { line: 3, code: '513', name: 'Huyện Thăng Bình', type: 'Huyện', level: 'DISTRICT', parentCode: '49' },
      { line: 4, code: '20437', name: 'Xã Bình Dương', type: 'Xã', level: 'COMMUNE', parentCode: '513' },
    ]);
  });

  it('accepts a commune directly under its province (two tiers since 2025-07-01)', async () => {
    await expect(
      parseUnitList([header, '48,Thành phố Đà Nẵng,Thành phố Trung ương,province,', '20333,Đặc khu Hoàng Sa,Đặc khu,commune,48'].join('\n'), none),
    ).resolves.toHaveLength(2);
  });

  it('accepts a parent already in the directory', async () => {
    await expect(
      parseUnitList([header, '20438,Xã Bình Giang,Xã,commune,513'].join('\n'), (code) => (code === '513' ? 'DISTRICT' : undefined)),
    ).resolves.toHaveLength(1);
  });

  it.each([
    ['a short code', '49,Tỉnh Quảng Nam,Tỉnh,province,\n513,Huyện Thăng Bình,Huyện,district,49\n2043,Xã Bình Dương,Xã,commune,513', 4, 'code'],
    ['an empty name', '513,,Huyện,district,49', 2, 'name'],
    ['an unknown type', '513,Huyện Thăng Bình,Làng,district,49', 2, 'type'],
    ['an unknown level', '513,Huyện Thăng Bình,Huyện,county,49', 2, 'level'],
    ['a missing column', '513,Huyện Thăng Bình,Huyện,district', 2, '(dòng)'],
    ['an unknown parent', '513,Huyện Thăng Bình,Huyện,district,99', 2, 'parent_code'],
    [
      'a commune under a commune',
      '49,Tỉnh Quảng Nam,Tỉnh,province,\n20437,Xã Bình Dương,Xã,commune,49\n20438,Xã Bình Giang,Xã,commune,20437',
      4,
      'parent_code',
    ],
    [
      'a district under a district',
      '49,Tỉnh Quảng Nam,Tỉnh,province,\n513,Huyện Thăng Bình,Huyện,district,49\n514,Huyện Tiên Phước,Huyện,district,513',
      4,
      'parent_code',
    ],
  ])('rejects %s, naming the line and the field', async (_name, rows, line, field) => {
    const problems = await problemsOf(`${header}\n${rows}`);
    expect(problems[0]).toMatchObject({ line, field });
  });

  it('rejects a duplicate code, naming both lines', async () => {
    const problems = await problemsOf(`${good}\n513,Huyện Thăng Bình,Huyện,district,49`);
    expect(problems).toEqual([{ line: 5, field: 'code', rule: 'mã "513" trùng với dòng 3' }]);
  });

  it('rejects a wrong header', async () => {
    expect((await problemsOf('ma,ten\n49,Tỉnh Quảng Nam'))[0]).toMatchObject({ line: 1 });
  });

  it('explains the rejection in Vietnamese for users and in English for logs', async () => {
    try {
      await parseUnitList(`${header}\n513,,Huyện,district,49`, none);
    } catch (error) {
      expect((error as UnitListRejected).vietnamese).toBe(
        'Tệp danh mục bị từ chối, không có dữ liệu nào được nhập: dòng 2, cột name: không được để trống; dòng 2, cột parent_code: không có đơn vị mã "49" trong tệp hay trong danh mục.',
      );
      expect((error as Error).message).toMatch(/^Unit list rejected: line 2, name: /);
    }
    expect.assertions(2);
  });
});
