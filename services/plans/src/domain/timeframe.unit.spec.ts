import { dueDate, parseTimeframe, Timeframe } from './timeframe';

/**
 * Every timeframe string of seeds 000–003 (docs/domain/seeds), read by hand from the
 * documents and written here once: the table is the source, nothing is read at run time.
 * Text broken over lines by the extraction is joined with single spaces; everything else is as
 * written. One row per distinct string of a seed; the first column says where it stands
 * (PL = the appendix table, by section and row; otherwise the section of the body).
 *
 * Seeds 000 and 001 have an appendix with a "Thời gian thực hiện" column; 002 and 003 have none in
 * the extracted text, so their rows are the timeframes their bodies give tasks (deadlines for the
 * implementing plans, reporting rhythms, "trong tháng 10", "vào cuối năm"...). Seed 000's body
 * deadline and seed 001's are included too.
 */
type Expected = Timeframe extends infer T ? (T extends unknown ? Omit<T, 'text'> : never) : never;
type Row = readonly [where: string, text: string, expected: Expected];

/** Kế hoạch cải thiện PAPI, UBND huyện Nông Sơn, 2020. */
const SEED_000: readonly Row[] = [
  ['000 PL I.1, II.1–6, III.1–4, IV.1–3, IV.5, V.2, V.4–5, VI.1–2, VI.4–5, VII.1–2, IX.1', 'Thường xuyên', { kind: 'ongoing' }],
  ['000 PL II.7', 'Theo định kỳ', { kind: 'ongoing' }],
  ['000 PL III.5', 'Theo định kỳ 06 tháng', { kind: 'ongoing', every: ['half'] }],
  ['000 PL IV.4', 'Tháng 12', { kind: 'month', year: 2020, month: 12, yearFromPlan: true }],
  ['000 PL V.1', 'Theo Kế hoạch của UBND huyện', { kind: 'relative', to: 'Kế hoạch của UBND huyện' }],
  ['000 PL V.3', 'Quý III/2020', { kind: 'quarter', year: 2020, quarter: 3 }],
  ['000 PL VI.3', 'Theo Kế hoạch Chương trình Nông thôn mới', { kind: 'relative', to: 'Kế hoạch Chương trình Nông thôn mới' }],
  ['000 PL IX.2–4', 'Quý IV/2020', { kind: 'quarter', year: 2020, quarter: 4 }],
  ['000 IV.1 (implementing plans to Phòng Nội vụ)', 'trước ngày 31/8/2020', { kind: 'due', on: '2020-08-31' }],
  ['000 IV.2 (Phòng Nội vụ reports)', 'định kỳ', { kind: 'ongoing' }],
];

/** Kế hoạch 154/KH-UBND, UBND huyện Vị Xuyên, 31/5/2021. */
const SEED_001: readonly Row[] = [
  [
    '001 PL 1.1, 1.3b, 1.4, 2.1–2.4, 3.2a, 3.3, 4.1–4.4, 4.5a, 4.6a–b, 5.2, 5.3, 6.1a–c, 6.2, 6.3a, 6.3c, 6.3e, 6.4, 8.1–8.3',
    'Thường xuyên',
    { kind: 'ongoing' },
  ],
  ['001 PL 1.2', 'Trong năm 2021', { kind: 'year', year: 2021 }],
  ['001 PL 1.3a', '23/5/2021', { kind: 'due', on: '2021-05-23' }],
  ['001 PL 3.1', '6 tháng cuối năm 2021', { kind: 'half', year: 2021, half: 2 }],
  ['001 PL 4.5b', 'Tháng 12 hàng năm', { kind: 'yearly', month: 12 }],
  ['001 PL 4.6c', 'Quý I đến Quý III năm 2021', { kind: 'range', from: '2021-01-01', to: '2021-09-30' }],
  ['001 PL 5.4', 'Quý III năm 2021', { kind: 'quarter', year: 2021, quarter: 3 }],
  ['001 PL 6.3b', 'Theo kế hoạch xây dựng Nông thôn mới', { kind: 'relative', to: 'kế hoạch xây dựng Nông thôn mới' }],
  ['001 PL 3.2b (merged with 3.2a), 6.3d (lost: the row is shifted one column right), 7.1, 7.2, 7.3', '', { kind: 'unspecified' }],
  ['001 III.13 (implementing plans to UBND huyện)', 'trước ngày 15/6/2021', { kind: 'due', on: '2021-06-15' }],
  ['001 III.1, III.13 (interim report)', 'trước ngày 15/9/2021', { kind: 'due', on: '2021-09-15' }],
  ['001 II.b (list of poor households)', 'cuối năm', { kind: 'year', year: 2021, yearFromPlan: true }],
];

/** Kế hoạch 53/KH-UBND, cải cách hành chính, UBND huyện Thăng Bình, 14/01/2021. */
const SEED_002: readonly Row[] = [
  ['002 V.1 (quarterly report)', 'định kỳ hằng quý', { kind: 'ongoing', every: ['quarter'] }],
  ['002 V.1 (self-inspection report)', 'định kỳ hằng quý, 6 tháng, 9 tháng và năm', { kind: 'ongoing', every: ['quarter', 'half', 'nine-months', 'year'] }],
  [
    '002 V.1 (implementing plans)',
    'chậm nhất 30 ngày kể từ ngày kế hoạch cải cách hành chính của huyện được ban hành',
    { kind: 'within', days: 30, after: 'kế hoạch cải cách hành chính của huyện được ban hành' },
  ],
  ['002 I.1', 'trong năm 2021', { kind: 'year', year: 2021 }],
  ['002 II.3', 'giai đoạn 2018 – 2021', { kind: 'range', from: '2018-01-01', to: '2021-12-31' }],
  ['002 II.8', 'Đến năm 2024', { kind: 'year', year: 2024 }],
];

/** Kế hoạch 136/KH-UBND, nâng cao chỉ số CCHC, UBND xã Quảng Vinh, 20/4/2020. */
const SEED_003: readonly Row[] = [
  ['003 II.3.a (reports)', 'theo định kỳ hàng tháng, quý, 6 tháng, năm', { kind: 'ongoing', every: ['month', 'quarter', 'half', 'year'] }],
  ['003 II.3.a (ISO 9001 published)', 'dự kiến sẽ hoàn thành trong tháng 10', { kind: 'month', year: 2020, month: 10, yearFromPlan: true }],
  ['003 II.3.a (staff appraisal), III', 'vào cuối năm', { kind: 'year', year: 2020, yearFromPlan: true }],
  ['003 II.3.c', 'Trong năm 2020', { kind: 'year', year: 2020 }],
  ['003 II.3.a, II.3.c (reports)', 'đúng thời gian quy định', { kind: 'relative', to: 'quy định' }],
  ['003 III', 'đúng thời gian do huyện hoặc ngành cấp trên quy định', { kind: 'relative', to: 'huyện hoặc ngành cấp trên' }],
];

const SEEDS = {
  '000': { planYear: 2020, rows: SEED_000 },
  '001': { planYear: 2021, rows: SEED_001 },
  '002': { planYear: 2021, rows: SEED_002 },
  '003': { planYear: 2020, rows: SEED_003 },
};

describe('parseTimeframe', () => {
  describe.each(Object.entries(SEEDS))('every timeframe of seed %s', (_seed, { planYear, rows }) => {
    it.each(rows)('%s: %j', (_where, text, expected) => {
      expect(parseTimeframe(text, { planYear })).toStrictEqual({ ...expected, text });
    });

    it('has one row per distinct string', () => {
      const texts = rows.map(([, text]) => text);
      expect(new Set(texts).size).toBe(texts.length);
    });
  });

  it('covers the number of strings counted in each seed', () => {
    expect(Object.fromEntries(Object.entries(SEEDS).map(([seed, { rows }]) => [seed, rows.length]))).toEqual({ '000': 10, '001': 12, '002': 6, '003': 6 });
  });

  it('reads no file: the tables above are the source', () => {
    const fs = require('fs') as typeof import('fs');
    const spies = [
      jest.spyOn(fs, 'readFileSync'),
      jest.spyOn(fs, 'readFile'),
      jest.spyOn(fs, 'openSync'),
      jest.spyOn(fs, 'readdirSync'),
      jest.spyOn(fs.promises, 'readFile'),
    ];
    try {
      for (const { planYear, rows } of Object.values(SEEDS)) for (const [, text] of rows) parseTimeframe(text, { planYear });
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  describe('the examples of the issue and the glossary', () => {
    it.each<readonly [string, Expected]>([
      ['Hàng quý, 6 tháng, năm', { kind: 'ongoing', every: ['quarter', 'half', 'year'] }],
      ['Hàng quý', { kind: 'ongoing', every: ['quarter'] }],
      ['Trước ngày 15/12/2021', { kind: 'due', on: '2021-12-15' }],
      ['Từ tháng 3 đến tháng 6/2021', { kind: 'range', from: '2021-03-01', to: '2021-06-30' }],
      ['Quý I năm 2021', { kind: 'quarter', year: 2021, quarter: 1 }],
      ['6 tháng đầu năm 2021', { kind: 'half', year: 2021, half: 1 }],
      ['Tháng 12/2020', { kind: 'month', year: 2020, month: 12 }],
      ['Hàng năm', { kind: 'yearly' }],
      ['Hằng năm', { kind: 'yearly' }],
      ['Năm 2021', { kind: 'year', year: 2021 }],
      ['Theo kế hoạch của tỉnh', { kind: 'relative', to: 'kế hoạch của tỉnh' }],
    ])('%j', (text, expected) => {
      expect(parseTimeframe(text, { planYear: 2021 })).toStrictEqual({ ...expected, text });
    });
  });

  describe('edge cases', () => {
    it.each<readonly [string, Expected]>([
      ['', { kind: 'unspecified' }],
      ['   \n\t ', { kind: 'unspecified' }],
      ['abc xyz', { kind: 'unspecified' }],
      ['Khi có yêu cầu', { kind: 'unspecified' }],
      ['Quý V/2020', { kind: 'unspecified' }],
      ['Tháng 13/2020', { kind: 'unspecified' }],
      ['31/2/2021', { kind: 'unspecified' }],
      ['Từ tháng 6 đến tháng 3/2021', { kind: 'unspecified' }],
      ['  QUÝ   iii / 2020 ', { kind: 'quarter', year: 2020, quarter: 3 }],
      ['Quý\nIV/2020', { kind: 'quarter', year: 2020, quarter: 4 }],
      ['Quý 2', { kind: 'quarter', year: 2020, quarter: 2, yearFromPlan: true }],
      ['quý 3 năm 2021.', { kind: 'quarter', year: 2021, quarter: 3 }],
      ['  thường   XUYÊN  ', { kind: 'ongoing' }],
      ['Thường xuyên.', { kind: 'ongoing' }],
      ['Thời gian thực hiện: Thường xuyên', { kind: 'ongoing' }],
      ['Thường xuyên, liên tục', { kind: 'ongoing' }],
      ['Theo định kỳ hoặc đột xuất', { kind: 'ongoing' }],
      ['15/12', { kind: 'due', on: '2020-12-15', yearFromPlan: true }],
      ['ngày 23 tháng 5 năm 2021', { kind: 'due', on: '2021-05-23' }],
      ['Chậm nhất ngày 05-01-2021', { kind: 'due', on: '2021-01-05' }],
      ['(trước ngày 15/9/2021)', { kind: 'due', on: '2021-09-15' }],
      ['6 tháng cuối năm', { kind: 'half', year: 2020, half: 2, yearFromPlan: true }],
      ['Sáu tháng đầu năm 2021', { kind: 'half', year: 2021, half: 1 }],
      ['Từ tháng 11/2020 đến tháng 2/2021', { kind: 'range', from: '2020-11-01', to: '2021-02-28' }],
      ['Từ tháng 3 đến tháng 6', { kind: 'range', from: '2020-03-01', to: '2020-06-30', yearFromPlan: true }],
      ['Từ ngày 01/3/2021 đến ngày 30/6/2021', { kind: 'range', from: '2021-03-01', to: '2021-06-30' }],
      ['2021-2025', { kind: 'range', from: '2021-01-01', to: '2025-12-31' }],
      ['Tháng 3 hằng năm', { kind: 'yearly', month: 3 }],
      ['trong vòng 15 ngày làm việc', { kind: 'within', days: 15, workingDays: true }],
      ['Theo quy định', { kind: 'relative', to: 'quy định' }],
      ['Theo quý', { kind: 'ongoing', every: ['quarter'] }],
      ['Mỗi tháng', { kind: 'ongoing', every: ['month'] }],
      ['2021', { kind: 'year', year: 2021 }],
    ])('%j', (text, expected) => {
      expect(parseTimeframe(text, { planYear: 2020 })).toStrictEqual({ ...expected, text });
    });

    it('reads decomposed Unicode (NFD) as its composed form, and keeps the text as given', () => {
      const text = 'Quý III/2020'.normalize('NFD');
      expect(parseTimeframe(text, { planYear: 2020 })).toStrictEqual({ kind: 'quarter', year: 2020, quarter: 3, text });
      const yearly = 'Tháng 12 hàng năm'.normalize('NFD');
      expect(parseTimeframe(yearly, { planYear: 2020 })).toStrictEqual({ kind: 'yearly', month: 12, text: yearly });
    });

    it('keeps the original text exactly, spacing and case included', () => {
      const text = '  Theo   Kế hoạch\ncủa UBND huyện ';
      expect(parseTimeframe(text, { planYear: 2020 })).toStrictEqual({ kind: 'relative', to: 'Kế hoạch của UBND huyện', text });
    });
  });
});

describe('dueDate', () => {
  const at = (text: string, planYear = 2021) => parseTimeframe(text, { planYear });

  it.each<readonly [string, string | null]>([
    ['23/5/2021', '2021-05-23'],
    ['Trước ngày 15/12/2021', '2021-12-15'],
    ['Quý I năm 2021', '2021-03-31'],
    ['Quý III/2020', '2020-09-30'],
    ['Quý IV/2020', '2020-12-31'],
    ['6 tháng đầu năm 2021', '2021-06-30'],
    ['6 tháng cuối năm 2021', '2021-12-31'],
    ['Tháng 2/2024', '2024-02-29'],
    ['Tháng 12', '2021-12-31'],
    ['Năm 2021', '2021-12-31'],
    ['Quý I đến Quý III năm 2021', '2021-09-30'],
    ['Thường xuyên', null],
    ['Theo định kỳ 06 tháng', null],
    ['Theo Kế hoạch của UBND huyện', null],
    ['', null],
    ['Tháng 12 hàng năm', null],
    ['chậm nhất 30 ngày kể từ ngày kế hoạch được ban hành', null],
  ])('%j → %s', (text, due) => {
    expect(dueDate(at(text))).toBe(due);
  });

  it('gives a yearly timeframe its due date in a given year', () => {
    expect(dueDate(at('Tháng 12 hàng năm'), { year: 2022 })).toBe('2022-12-31');
    expect(dueDate(at('Hàng năm'), { year: 2022 })).toBe('2022-12-31');
    expect(dueDate(at('Tháng 2 hàng năm'), { year: 2023 })).toBe('2023-02-28');
  });

  it('counts the days of a "within" timeframe from the day given', () => {
    expect(dueDate(at('chậm nhất 30 ngày kể từ ngày kế hoạch được ban hành'), { since: '2021-01-14' })).toBe('2021-02-13');
    expect(dueDate(at('trong vòng 15 ngày làm việc'), { since: '2021-01-14' })).toBeNull();
  });
});
