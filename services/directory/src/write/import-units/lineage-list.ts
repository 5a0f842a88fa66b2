import { parse } from 'csv-parse';
import { RowProblem, UnitListRejected } from './unit-list';

/**
 * One row of a lineage file (`old_code,old_level,new_code,relation,source`, optionally with an
 * `effective_on` column before `source`): where an old unit went on the day of a change.
 * - `merged_into`: the whole unit went into `new_code` (its own code: it continues, renamed or moved);
 * - `split_into`: a part went into `new_code` (one row per part);
 * - `abolished`: the unit (a district, 2025) ended without a successor;
 * - `unmapped`: the unit is no longer valid and no source tells where it went.
 */
export type LineageRelation = 'merged_into' | 'split_into' | 'abolished' | 'unmapped';

export interface LineageRow {
  readonly line: number;
  readonly oldCode: string;
  readonly oldLevel: 'province' | 'district' | 'commune';
  readonly newCode: string | null;
  readonly relation: LineageRelation;
  /** The row's own day, when the file has the column; else the import's day. */
  readonly effectiveOn: string | null;
  readonly source: string;
}

const RELATIONS: readonly LineageRelation[] = ['merged_into', 'split_into', 'abolished', 'unmapped'];
const OLD_LEVELS = ['province', 'district', 'commune'] as const;
const HEADER = ['old_code', 'old_level', 'new_code', 'relation', 'source'];
const HEADER_WITH_DAY = ['old_code', 'old_level', 'new_code', 'relation', 'effective_on', 'source'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PROBLEMS = 50;

/** Parses and checks a lineage file on its own (references to units are checked by the import). */
export async function parseLineage(csv: string): Promise<LineageRow[]> {
  let table: string[][];
  try {
    table = await new Promise((resolve, reject) =>
      parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }, (error, rows: string[][]) =>
        error ? reject(error) : resolve(rows),
      ),
    );
  } catch (error) {
    throw new UnitListRejected([{ line: (error as { lines?: number }).lines ?? 0, field: '(tệp)', rule: `không đọc được CSV: ${(error as Error).message}` }]);
  }
  const [header, ...body] = table;
  const same = (expected: string[]) => header && header.length === expected.length && expected.every((column, i) => header[i] === column);
  const withDay = same(HEADER_WITH_DAY);
  if (!withDay && !same(HEADER))
    throw new UnitListRejected([{ line: 1, field: '(tiêu đề)', rule: `phải là "${HEADER.join(',')}" hoặc "${HEADER_WITH_DAY.join(',')}"` }]);
  const columns = withDay ? HEADER_WITH_DAY : HEADER;
  const problems: RowProblem[] = [];
  const rows: LineageRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const line = index + 2;
    const problem = (field: string, rule: string) => problems.push({ line, field, rule });
    if (cells.length !== columns.length) return problem('(dòng)', `cần ${columns.length} cột, có ${cells.length}`);
    const [oldCode, oldLevel, newCode, relation] = cells;
    const effectiveOn = withDay ? cells[4] : null;
    const source = cells[columns.length - 1];
    if (!/^\d{2,5}$/.test(oldCode)) problem('old_code', `mã "${oldCode}" không hợp lệ`);
    if (!(OLD_LEVELS as readonly string[]).includes(oldLevel)) problem('old_level', `"${oldLevel}" không phải province, district hoặc commune`);
    if (!(RELATIONS as readonly string[]).includes(relation)) return problem('relation', `"${relation}" không phải ${RELATIONS.join(', ')}`);
    const needsSuccessor = relation === 'merged_into' || relation === 'split_into';
    if (needsSuccessor && !/^\d{2,5}$/.test(newCode)) problem('new_code', `quan hệ ${relation} cần mã đơn vị mới, nhận "${newCode}"`);
    if (!needsSuccessor && newCode) problem('new_code', `quan hệ ${relation} không có đơn vị mới`);
    if (withDay && (!effectiveOn || !DAY.test(effectiveOn) || Number.isNaN(Date.parse(effectiveOn))))
      problem('effective_on', `ngày "${effectiveOn}" không hợp lệ (YYYY-MM-DD)`);
    if (!source) problem('source', 'cần nêu văn bản quyết định (nghị quyết, luật...)');
    const key = `${oldCode}>${newCode}`;
    if (seen.has(key)) problem('old_code', `cặp "${oldCode}" → "${newCode}" trùng với dòng ${seen.get(key)}`);
    seen.set(key, line);
    rows.push({
      line,
      oldCode,
      oldLevel: oldLevel as LineageRow['oldLevel'],
      newCode: newCode || null,
      relation: relation as LineageRelation,
      effectiveOn,
      source,
    });
  });
  // One fate per old unit: a merger excludes any other row, a split has only split rows.
  const relationsOf = new Map<string, Set<string>>();
  const countOf = new Map<string, number>();
  for (const row of rows) {
    relationsOf.set(row.oldCode, (relationsOf.get(row.oldCode) ?? new Set()).add(row.relation));
    countOf.set(row.oldCode, (countOf.get(row.oldCode) ?? 0) + 1);
  }
  for (const row of rows) {
    const relations = relationsOf.get(row.oldCode) as Set<string>;
    if (relations.size > 1)
      problems.push({ line: row.line, field: 'relation', rule: `đơn vị "${row.oldCode}" có nhiều quan hệ khác nhau (${[...relations].join(', ')})` });
    else if (row.relation !== 'split_into' && (countOf.get(row.oldCode) ?? 0) > 1)
      problems.push({ line: row.line, field: 'old_code', rule: `đơn vị "${row.oldCode}" có nhiều dòng ${row.relation}` });
  }
  if (problems.length) throw new UnitListRejected(problems.sort((a, b) => a.line - b.line).slice(0, MAX_PROBLEMS));
  return rows;
}
