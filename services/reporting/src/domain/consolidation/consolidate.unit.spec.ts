import { quarterlyRegime } from '../testing/fixtures';
import { consolidate } from './consolidate';

describe('consolidation by each item rule', () => {
  const form = quarterlyRegime().form;
  const child = (unitCode: string, items: Record<string, number | boolean | string | null>, text?: string) => ({
    unitCode,
    unitName: `Xã ${unitCode}`,
    content: { sections: (text ? { 'ket-qua': text } : {}) as Record<string, string>, items },
  });
  const children = [
    child('A', { NV: 4, HT: 2, TD: 50, HL: 90, HLMIN: 90, HLMAX: 90, MC: true, GC: 'x' }, 'Xã A làm tốt'),
    child('B', { NV: 6, HT: 6, TD: 100, HL: 80, HLMIN: 80, HLMAX: 80, MC: false }),
    child('C', { NV: 10, HT: 5, TD: 20, HL: 85.5, HLMIN: 85.5, HLMAX: 85.5, MC: true }, 'Xã C còn chậm'),
    child('D', { NV: 0, HT: 0 }), // gave no rates: left out of means, not counted as 0
  ];
  const { items, sections } = consolidate(form, children);
  const value = (code: string) => items.find((item) => item.code === code)?.value;

  it.each([
    ['NV', 20], // SUM
    ['HT', 13], // SUM
    ['TD', (4 * 50 + 6 * 100 + 10 * 20) / 20], // WEIGHTED_MEAN by NV = 50
    ['HL', 85.166667], // MEAN of three
    ['HLMIN', 80],
    ['HLMAX', 90],
    ['MC', 2], // COUNT_YES
    ['GC', null], // NONE
  ])('%s = %s', (code, expected) => expect(value(code)).toBe(expected));

  it('keeps every figure traceable to the children behind it', () => {
    expect(items.find((item) => item.code === 'HL')?.contributors).toEqual([
      { unitCode: 'A', value: 90 },
      { unitCode: 'B', value: 80 },
      { unitCode: 'C', value: 85.5 },
    ]);
  });

  it("lists the children's text sections per unit", () => {
    expect(sections[0]).toEqual({
      code: 'ket-qua',
      title: 'Kết quả đạt được',
      units: [
        { unitCode: 'A', unitName: 'Xã A', text: 'Xã A làm tốt' },
        { unitCode: 'C', unitName: 'Xã C', text: 'Xã C còn chậm' },
      ],
    });
  });
});
