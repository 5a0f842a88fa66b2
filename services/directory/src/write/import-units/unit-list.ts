import { parse } from 'csv-parse';
import { UnitLevel } from '../../domain/unit/unit.decider';

/** One row of the national list (General Statistics Office): `code,name,type,level,parent_code`. */
export interface UnitListRow {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly level: UnitLevel;
  readonly parentCode: string | null;
}

export interface RowProblem {
  readonly line: number;
  readonly field: string;
  /** Vietnamese, for the operator. */
  readonly rule: string;
}

/** The whole file is refused: nothing of it is imported. */
export class UnitListRejected extends Error {
  constructor(readonly problems: readonly RowProblem[]) {
    super(`Unit list rejected: ${problems.map((p) => `line ${p.line}, ${p.field}: ${p.rule}`).join('; ')}`);
    this.name = 'UnitListRejected';
  }

  /** For users: Vietnamese, naming line and field. */
  get vietnamese(): string {
    return `Tệp danh mục bị từ chối, không có dữ liệu nào được nhập: ${this.problems.map((p) => `dòng ${p.line}, cột ${p.field}: ${p.rule}`).join('; ')}.`;
  }
}

// A commune sits under its district until 2025-07-01 and under its province since (two tiers).
const LEVELS: Record<string, { level: UnitLevel; digits: number; types: string[]; parents: UnitLevel[] }> = {
  province: { level: 'PROVINCE', digits: 2, types: ['Tỉnh', 'Thành phố Trung ương'], parents: [] },
  district: { level: 'DISTRICT', digits: 3, types: ['Huyện', 'Quận', 'Thị xã', 'Thành phố'], parents: ['PROVINCE'] },
  commune: { level: 'COMMUNE', digits: 5, types: ['Xã', 'Phường', 'Thị trấn', 'Đặc khu'], parents: ['DISTRICT', 'PROVINCE'] },
};
const HEADER = ['code', 'name', 'type', 'level', 'parent_code'];
const MAX_PROBLEMS = 50;

async function records(csv: string): Promise<string[][]> {
  return new Promise((resolve, reject) =>
    parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }, (error, rows: string[][]) =>
      error ? reject(error) : resolve(rows),
    ),
  );
}

/**
 * Parses and checks the whole list before anything is written. `knownLevels` gives the level of
 * units already in the directory, for parents outside the file. Line numbers count the header as 1.
 */
export async function parseUnitList(csv: string, knownLevels: (code: string) => UnitLevel | undefined): Promise<UnitListRow[]> {
  let table: string[][];
  try {
    table = await records(csv);
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new UnitListRejected([{ line, field: '(tệp)', rule: `không đọc được CSV: ${(error as Error).message}` }]);
  }
  const [header, ...body] = table;
  if (!header || HEADER.some((column, i) => header[i] !== column)) {
    throw new UnitListRejected([{ line: 1, field: '(tiêu đề)', rule: `phải là "${HEADER.join(',')}"` }]);
  }
  const problems: RowProblem[] = [];
  const rows: UnitListRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const line = index + 2;
    const problem = (field: string, rule: string) => problems.push({ line, field, rule });
    if (cells.length !== HEADER.length) return problem('(dòng)', `cần ${HEADER.length} cột, có ${cells.length}`);
    const [code, name, type, levelText, parent] = cells;
    const spec = LEVELS[levelText];
    if (!spec) return problem('level', `"${levelText}" không phải province, district hoặc commune`);
    if (!new RegExp(`^\\d{${spec.digits}}$`).test(code)) problem('code', `mã cấp ${levelText} phải gồm ${spec.digits} chữ số, nhận "${code}"`);
    if (seen.has(code)) problem('code', `mã "${code}" trùng với dòng ${seen.get(code)}`);
    seen.set(code, line);
    if (!name) problem('name', 'không được để trống');
    if (!spec.types.includes(type)) problem('type', `"${type}" không phải loại của cấp ${levelText} (${spec.types.join(', ')})`);
    if (spec.parents.length === 0 && parent) problem('parent_code', 'đơn vị cấp tỉnh không có đơn vị cấp trên');
    if (spec.parents.length > 0 && !parent) problem('parent_code', 'cần mã đơn vị cấp trên');
    rows.push({ line, code, name, type, level: spec.level, parentCode: parent || null });
  });
  const levelInFile = new Map(rows.map((row) => [row.code, row.level]));
  for (const row of rows) {
    if (!row.parentCode) continue;
    const parentLevel = levelInFile.get(row.parentCode) ?? knownLevels(row.parentCode);
    const expected = Object.values(LEVELS).find((spec) => spec.level === row.level)?.parents ?? [];
    if (!parentLevel) problems.push({ line: row.line, field: 'parent_code', rule: `không có đơn vị mã "${row.parentCode}" trong tệp hay trong danh mục` });
    else if (!expected.includes(parentLevel))
      problems.push({ line: row.line, field: 'parent_code', rule: `đơn vị cấp trên "${row.parentCode}" là ${parentLevel}, cần ${expected.join(' hoặc ')}` });
  }
  if (problems.length) throw new UnitListRejected(problems.sort((a, b) => a.line - b.line).slice(0, MAX_PROBLEMS));
  return rows;
}
