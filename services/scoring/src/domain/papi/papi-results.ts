import { DomainError } from '@reform/decider';
import { competitionRanks, QuartileGroup, quartileGroups, round } from '../ranking';
import { PapiEdition } from './papi-edition';

/** One province's row of a survey year, as imported: null where the source has no value. */
export interface PapiRow {
  readonly provinceCode: string;
  readonly provinceName: string;
  /** Dimension scores 1–8 in order (1–10 each). */
  readonly dimensions: readonly (number | null)[];
  /** Sum of the eight dimensions (8–80); null when any is missing (the province was not ranked). */
  readonly total: number | null;
  readonly subDimensions: Readonly<Record<string, number | null>>;
}

const bad = (code: string, message: string, field: string) => new DomainError(code, message, { kind: 'BAD_USER_INPUT', field });

/** Published precision: totals and dimensions to 4 decimals (the data's own; README "Columns"). */
export const PAPI_DECIMALS = 4;

/**
 * Parses a year's table (rows of cells, the first the header) in the shape of
 * docs/domain/data/papi/: province_code, province_name, dimension_1…8, total, then sub-dimension
 * columns "d.k". Refuses, naming the line and column, a value that is not a number, a dimension
 * outside 1–10, a total that is not the sum of its dimensions, a duplicated province.
 */
export function parsePapiTable(cells: readonly (readonly string[])[], edition: PapiEdition): PapiRow[] {
  if (cells.length < 2) throw bad('PAPI.EMPTY', 'Tệp không có dòng dữ liệu nào (cần dòng tiêu đề và ít nhất một tỉnh).', 'file');
  const header = cells[0].map((cell) => cell.trim());
  const column = (name: string) => header.indexOf(name);
  for (const required of ['province_code', 'province_name', ...edition.dimensions.map((d) => `dimension_${d.code}`), 'total']) {
    if (column(required) < 0) throw bad('PAPI.MISSING_COLUMN', `Tệp thiếu cột "${required}" (dòng tiêu đề).`, 'file');
  }
  const subCodes = header.filter((name) => /^\d+\.\d+$/.test(name));
  const rows: PapiRow[] = [];
  const seen = new Set<string>();
  cells.slice(1).forEach((line, i) => {
    if (line.every((cell) => cell.trim() === '')) return;
    const at = (name: string) => `file: dòng ${i + 2}, cột "${name}"`;
    const number = (name: string, min?: number, max?: number): number | null => {
      const text = (line[column(name)] ?? '').trim();
      if (text === '') return null;
      const value = Number(text.replace(',', '.'));
      if (!Number.isFinite(value)) throw bad('PAPI.NOT_A_NUMBER', `${at(name)}: "${text}" không phải là số.`, 'file');
      if ((min !== undefined && value < min) || (max !== undefined && value > max))
        throw bad('PAPI.OUT_OF_RANGE', `${at(name)}: ${text} nằm ngoài khoảng ${min}–${max}.`, 'file');
      return value;
    };
    const rawCode = (line[column('province_code')] ?? '').trim();
    const provinceCode = /^\d$/.test(rawCode) ? `0${rawCode}` : rawCode;
    if (!/^\d{2}$/.test(provinceCode)) throw bad('PAPI.PROVINCE_CODE', `${at('province_code')}: mã tỉnh "${rawCode}" phải gồm 2 chữ số.`, 'file');
    if (seen.has(provinceCode)) throw bad('PAPI.DUPLICATE_PROVINCE', `${at('province_code')}: tỉnh ${provinceCode} xuất hiện hai lần.`, 'file');
    seen.add(provinceCode);
    const dimensions = edition.dimensions.map((d) => number(`dimension_${d.code}`, 1, 10));
    const total = number('total', 8, 80);
    const complete = dimensions.every((value) => value !== null);
    if (total !== null && !complete) throw bad('PAPI.TOTAL_WITHOUT_DIMENSIONS', `${at('total')}: có tổng điểm nhưng thiếu điểm chỉ số nội dung.`, 'file');
    if (total !== null && Math.abs(total - dimensions.reduce<number>((sum, value) => sum + (value as number), 0)) > 0.001) {
      throw bad('PAPI.TOTAL_MISMATCH', `${at('total')}: tổng ${total} khác tổng 8 chỉ số nội dung.`, 'file');
    }
    rows.push({
      provinceCode,
      provinceName: (line[column('province_name')] ?? '').trim(),
      dimensions,
      // A province with every dimension but no total gets the sum; one missing a dimension stays unranked.
      total:
        total ??
        (complete
          ? round(
              dimensions.reduce<number>((sum, value) => sum + (value as number), 0),
              PAPI_DECIMALS,
            )
          : null),
      subDimensions: Object.fromEntries(subCodes.map((code) => [code, number(code, 0, 10)])),
    });
  });
  if (rows.length === 0) throw bad('PAPI.EMPTY', 'Tệp không có dòng dữ liệu nào.', 'file');
  return rows;
}

/** A minimal CSV reader (RFC 4180: quotes, doubled quotes, CRLF), enough for the published tables. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface PapiScore {
  readonly score: number | null;
  readonly rank: number | null;
  readonly group: QuartileGroup | null;
}

export interface PapiProvinceResult {
  readonly year: number;
  readonly provinceCode: string;
  readonly provinceName: string;
  /** False for a province the year's table leaves without a total: "not ranked", never zero. */
  readonly ranked: boolean;
  readonly total: PapiScore;
  readonly dimensions: ReadonlyArray<
    PapiScore & { readonly code: string; readonly name: string; readonly subDimensions: ReadonlyArray<{ code: string; name: string; score: number | null }> }
  >;
  /** The previous survey year's total and rank, and the change (null when either year is unranked). */
  readonly previous: { readonly year: number; readonly total: number | null; readonly rank: number | null } | null;
  readonly totalChange: number | null;
  /** Places gained (positive) or lost since the previous year. */
  readonly rankChange: number | null;
}

/**
 * A year's results: rank and quartile group of the total and of each dimension among the
 * provinces that have that score, and the change from the previous year's results when given.
 */
export function papiResults(year: number, rows: readonly PapiRow[], edition: PapiEdition, previousRows?: readonly PapiRow[] | null): PapiProvinceResult[] {
  const scoreOf = (rowsOfYear: readonly PapiRow[], at: (row: PapiRow) => number | null) => {
    const ranks = competitionRanks(rowsOfYear, at, PAPI_DECIMALS);
    const group = quartileGroups(rowsOfYear.map(at).filter((v): v is number => v !== null));
    return (row: PapiRow): PapiScore => ({ score: at(row), rank: ranks.get(row) ?? null, group: group(at(row)) });
  };
  const totals = scoreOf(rows, (row) => row.total);
  const dimensionScores = edition.dimensions.map((_, i) => scoreOf(rows, (row) => row.dimensions[i] ?? null));
  const previousTotals = previousRows ? scoreOf(previousRows, (row) => row.total) : null;
  const previousByCode = new Map((previousRows ?? []).map((row) => [row.provinceCode, row]));
  return rows.map((row) => {
    const total = totals(row);
    const before = previousByCode.get(row.provinceCode);
    const previous = before && previousTotals ? previousTotals(before) : null;
    return {
      year,
      provinceCode: row.provinceCode,
      provinceName: row.provinceName,
      ranked: total.rank !== null,
      total,
      dimensions: edition.dimensions.map((d, i) => ({
        code: d.code,
        name: d.name,
        ...dimensionScores[i](row),
        subDimensions: d.subDimensions.map((s) => ({ code: s.code, name: s.name, score: row.subDimensions[s.code] ?? null })),
      })),
      previous: previous ? { year: year - 1, total: previous.score, rank: previous.rank } : null,
      totalChange: previous?.score != null && total.score !== null ? round(total.score - previous.score, PAPI_DECIMALS) : null,
      rankChange: previous?.rank != null && total.rank !== null ? previous.rank - total.rank : null,
    };
  });
}
