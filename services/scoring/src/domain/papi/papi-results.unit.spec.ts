import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@reform/decider';
import { competitionRanks } from '../ranking';
import { papiEditionOf } from './papi-edition';
import { parsePapiTable, papiResults, PapiRow, readCsv } from './papi-results';

const DATA = join(__dirname, '../../../../../docs/domain/data/papi');
const rowsOf = (year: number) => parsePapiTable(readCsv(readFileSync(join(DATA, `papi-${year}.csv`), 'utf8')), papiEditionOf(year));
const resultsOf = (year: number) => papiResults(year, rowsOf(year), papiEditionOf(year), rowsOf(year - 1));
const byCode = (year: number, code: string) => {
  const found = resultsOf(year).find((r) => r.provinceCode === code);
  if (!found) throw new Error(`no ${code} in ${year}`);
  return found;
};

describe('PAPI results from the published tables (docs/domain/data/papi)', () => {
  it('Thừa Thiên Huế 2023: total 46.0415, first of the ranked provinces, highest group (TTXVN and the Bắc Giang portal print 46.0415)', () => {
    const hue = byCode(2023, '46');
    expect(hue.total).toEqual({ score: 46.0415, rank: 1, group: 'HIGHEST' });
    expect(hue.ranked).toBe(true);
    expect(hue.dimensions).toHaveLength(8);
    // Each dimension has a rank and a group among the provinces with that score.
    for (const dimension of hue.dimensions) {
      expect(dimension.rank).toBeGreaterThanOrEqual(1);
      expect(['HIGHEST', 'HIGH_AVERAGE', 'LOW_AVERAGE', 'LOWEST']).toContain(dimension.group);
    }
    // Thái Nguyên and Bắc Ninh follow (README: 45.7875, 45.7047).
    expect(byCode(2023, '19').total).toMatchObject({ score: 45.7875, rank: 2 });
    expect(byCode(2023, '27').total).toMatchObject({ score: 45.7047, rank: 3 });
  });

  it('Quảng Ninh 2024: total 47.8212, first; Public Service Delivery 8.42; Hà Giang 43.7, 30th', () => {
    const qn = byCode(2024, '22');
    expect(qn.total).toMatchObject({ score: 47.8212, rank: 1, group: 'HIGHEST' });
    expect(qn.dimensions[5].score).toBeCloseTo(8.42, 2);
    expect(byCode(2024, '02').total).toMatchObject({ rank: 30 });
    expect(byCode(2024, '02').total.score).toBeCloseTo(43.7, 1);
    // 2023 left Quảng Ninh out: not ranked, no change computed from a missing year.
    expect(qn.previous).toEqual({ year: 2023, total: null, rank: null });
    expect(qn.rankChange).toBeNull();
  });

  it('provinces missing from a year are not ranked, never zero: Quảng Ninh and Bình Dương 2023, Bắc Giang 2022', () => {
    for (const [year, code] of [
      [2023, '22'],
      [2023, '74'],
      [2022, '24'],
      [2024, '26'],
      [2024, '82'],
    ] as const) {
      const result = byCode(year, code);
      expect([year, code, result.ranked, result.total]).toEqual([year, code, false, { score: null, rank: null, group: null }]);
    }
    // Ranks of 2023 run 1..61 over the 61 ranked provinces.
    const ranks = resultsOf(2023)
      .map((r) => r.total.rank)
      .filter((r): r is number => r !== null)
      .sort((a, b) => a - b);
    expect(ranks).toHaveLength(61);
    expect(ranks[60]).toBe(61);
    // Bắc Giang 2022 keeps the dimensions it has, ranked among those who have them.
    expect(byCode(2022, '24').dimensions[2].rank).not.toBeNull();
    expect(byCode(2022, '24').dimensions[0]).toMatchObject({ score: null, rank: null, group: null });
  });

  it('2019 low-average group is ranks 33–47, 43.7006 down to 42.3829, topped by Thái Bình (README, the 2019 report)', () => {
    const low = resultsOf(2019)
      .filter((r) => r.total.group === 'LOW_AVERAGE')
      .sort((a, b) => (a.total.rank as number) - (b.total.rank as number));
    expect(low.map((r) => r.total.rank)).toEqual(Array.from({ length: 15 }, (_, i) => 33 + i));
    expect(low[0].provinceName).toBe('Tỉnh Thái Bình');
    expect(low[0].total.score).toBe(43.7006);
    expect(low[14].total.score).toBe(42.3829);
  });

  it('change from the previous year: Thừa Thiên Huế 2023 against 2022', () => {
    const hue = byCode(2023, '46');
    const before = byCode(2022, '46');
    expect(hue.previous).toEqual({ year: 2022, total: before.total.score, rank: before.total.rank });
    expect(hue.totalChange).toBeCloseTo(46.0415 - (before.total.score as number), 4);
    expect(hue.rankChange).toBe((before.total.rank as number) - 1);
  });

  it('ties share a rank and the next skips (1, 2, 2, 4), compared at the published precision', () => {
    const items = [{ s: 5 }, { s: 4.00001 }, { s: 4.00002 }, { s: 3 }, { s: null }];
    const ranks = competitionRanks(items, (i) => i.s, 4);
    expect(items.map((i) => ranks.get(i))).toEqual([1, 2, 2, 4, null]);
  });

  it('refuses a table with a dimension out of 1–10, naming line and column; and one whose total is not the sum', () => {
    const edition = papiEditionOf(2024);
    const lines = readCsv(readFileSync(join(DATA, 'papi-2024.csv'), 'utf8'));
    const broken = lines.map((line, i) => (i === 3 ? line.map((cell, j) => (j === 2 ? '11.5' : cell)) : line));
    expect(() => parsePapiTable(broken, edition)).toThrow(DomainError);
    expect(() => parsePapiTable(broken, edition)).toThrow('file: dòng 4, cột "dimension_1": 11.5 nằm ngoài khoảng 1–10.');
    const mismatch = lines.map((line, i) => (i === 5 ? line.map((cell, j) => (j === 10 ? '50' : cell)) : line));
    expect(() => parsePapiTable(mismatch, edition)).toThrow(/dòng 6, cột "total"/);
  });

  it('reads every year 2018–2024: 63 rows each', () => {
    for (let year = 2018; year <= 2024; year++) expect(rowsOf(year).map((r: PapiRow) => r.provinceCode)).toHaveLength(63);
  });
});
