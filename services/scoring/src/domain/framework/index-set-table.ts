import { DomainError } from '@reform/decider';
import { AssessedLevel, ASSESSED_LEVELS, CriterionNode, GradeBand, IndexSetDefinition, Scorer, ScoringRule, ScoringRuleKind } from './index-set';

/**
 * The index-set workbook a province fills in (and the platform exports as a template), read from
 * its sheets as rows of cell texts:
 * - "Thông tin": key | value rows — Mã bộ chỉ số, Tên, Đơn vị ban hành (mã), Cấp đánh giá
 *   (Xã / Huyện / Sở), Năm, Thang điểm, Căn cứ, Minh họa (Có / Không);
 * - "Tiêu chí": Mã | Nội dung | Điểm tối đa | Cách chấm | Các mức | Tài liệu kiểm chứng |
 *   Người chấm | Được bỏ qua | Minh họa — the tree by code (1 → 1.2 → 1.2.3);
 * - "Xếp loại": Xếp loại | Từ (%), highest first.
 */
export const RULE_LABELS: Record<ScoringRuleKind, string> = { FIXED: 'Chấm điểm', YES_NO: 'Có/Không', TIERS: 'Theo mức', PERCENT_SCALE: 'Theo tỷ lệ %' };
export const SCORER_LABELS: Record<Scorer, string> = { UNIT: 'Đơn vị tự chấm', COUNCIL: 'Hội đồng thẩm định', SURVEY: 'Điều tra xã hội học' };
export const LEVEL_LABELS: Record<AssessedLevel, string> = { COMMUNE: 'Xã', DISTRICT: 'Huyện', DEPARTMENT: 'Sở' };
export const CRITERIA_COLUMNS = [
  'Mã',
  'Nội dung',
  'Điểm tối đa',
  'Cách chấm',
  'Các mức',
  'Tài liệu kiểm chứng',
  'Người chấm',
  'Được bỏ qua',
  'Minh họa',
] as const;

const bad = (code: string, message: string) => new DomainError(code, message, { kind: 'BAD_USER_INPUT', field: 'file' });
const norm = (text: string) => text.normalize('NFC').trim().toLowerCase();
const yes = (text: string) => ['có', 'x', 'yes', 'true', '1'].includes(norm(text));
const labelled = <K extends string>(labels: Record<K, string>, text: string, what: string, at: string): K => {
  const found = (Object.keys(labels) as K[]).find((key) => norm(labels[key]) === norm(text) || norm(key) === norm(text));
  if (!found) throw bad('FRAMEWORK.TABLE_VALUE', `${at}: "${text}" không phải ${what} (${Object.values(labels).join(', ')}).`);
  return found;
};
const number = (text: string, at: string): number => {
  const value = Number(text.replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value)) throw bad('FRAMEWORK.TABLE_NUMBER', `${at}: "${text}" không phải là số.`);
  return value;
};

export function parseIndexSetWorkbook(sheets: ReadonlyArray<{ name: string; rows: readonly (readonly string[])[] }>): IndexSetDefinition {
  const sheet = (name: string) => {
    const found = sheets.find((s) => norm(s.name) === norm(name));
    if (!found) throw bad('FRAMEWORK.TABLE_SHEET', `Tệp thiếu trang tính "${name}".`);
    return found.rows;
  };
  const info = new Map(
    sheet('Thông tin')
      .filter((row) => row[0]?.trim())
      .map((row) => [norm(row[0]), (row[1] ?? '').trim()]),
  );
  const get = (key: string) => {
    const value = info.get(norm(key));
    if (!value) throw bad('FRAMEWORK.TABLE_INFO', `Trang "Thông tin": thiếu "${key}".`);
    return value;
  };
  const level = labelled(LEVEL_LABELS, get('Cấp đánh giá'), 'cấp đánh giá', 'Trang "Thông tin", "Cấp đánh giá"');
  if (!ASSESSED_LEVELS.includes(level)) throw bad('FRAMEWORK.TABLE_INFO', 'Cấp đánh giá không hợp lệ.');

  const rows = sheet('Tiêu chí');
  const header = (rows[0] ?? []).map((cell) => norm(cell));
  const column = (name: string) => {
    const i = header.indexOf(norm(name));
    if (i < 0) throw bad('FRAMEWORK.TABLE_COLUMN', `Trang "Tiêu chí" thiếu cột "${name}".`);
    return i;
  };
  const c = Object.fromEntries(CRITERIA_COLUMNS.map((name) => [name, column(name)])) as Record<(typeof CRITERIA_COLUMNS)[number], number>;
  type Mutable = Omit<CriterionNode, 'children'> & { children: Mutable[] };
  const byCode = new Map<string, Mutable>();
  const fields: Mutable[] = [];
  rows.slice(1).forEach((row, i) => {
    const code = (row[c['Mã']] ?? '').trim();
    if (!code) return;
    const at = `Trang "Tiêu chí", dòng ${i + 2}`;
    const kind = labelled(RULE_LABELS, row[c['Cách chấm']] ?? '', 'cách chấm', `${at}, cột "Cách chấm"`);
    const tiersText = (row[c['Các mức']] ?? '').trim();
    const rule: ScoringRule =
      kind === 'TIERS'
        ? {
            kind,
            tiers: tiersText
              .split(';')
              .filter((part) => part.trim())
              .map((part) => {
                const [label, score] = part.split('=');
                if (score === undefined) throw bad('FRAMEWORK.TABLE_TIERS', `${at}, cột "Các mức": viết "mức=điểm; mức=điểm" (gặp "${part.trim()}").`);
                return { label: label.trim(), score: number(score.trim(), `${at}, cột "Các mức"`) };
              }),
          }
        : { kind };
    const node: Mutable = {
      code,
      name: (row[c['Nội dung']] ?? '').trim(),
      maxScore: number(row[c['Điểm tối đa']] ?? '', `${at}, cột "Điểm tối đa"`),
      rule,
      evidence: (row[c['Tài liệu kiểm chứng']] ?? '').trim() || null,
      scoredBy: (row[c['Người chấm']] ?? '').trim() ? labelled(SCORER_LABELS, row[c['Người chấm']], 'người chấm', `${at}, cột "Người chấm"`) : 'UNIT',
      skippable: yes(row[c['Được bỏ qua']] ?? ''),
      illustrative: yes(row[c['Minh họa']] ?? ''),
      children: [],
    };
    if (byCode.has(code)) throw bad('FRAMEWORK.DUPLICATE_CODE', `${at}: mã tiêu chí ${code} xuất hiện hai lần.`);
    byCode.set(code, node);
    const parentCode = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
    if (parentCode === null) fields.push(node);
    else {
      const parent = byCode.get(parentCode);
      if (!parent) throw bad('FRAMEWORK.TABLE_PARENT', `${at}: tiêu chí ${code} đứng trước (hoặc thiếu) tiêu chí cha ${parentCode}.`);
      parent.children.push(node);
    }
  });
  const grades: GradeBand[] = sheet('Xếp loại')
    .slice(1)
    .filter((row) => (row[0] ?? '').trim())
    .map((row, i) => ({ name: row[0].trim(), minPercent: number(row[1] ?? '', `Trang "Xếp loại", dòng ${i + 2}`) }));
  return {
    kind: 'PAR_INDEX_SET',
    code: get('Mã bộ chỉ số'),
    name: get('Tên'),
    issuerCode: get('Đơn vị ban hành (mã)'),
    level,
    year: number(get('Năm'), 'Trang "Thông tin", "Năm"'),
    maxTotal: number(get('Thang điểm'), 'Trang "Thông tin", "Thang điểm"'),
    source: get('Căn cứ'),
    illustrative: yes(info.get(norm('Minh họa')) ?? ''),
    grades,
    fields,
  };
}

/** The same workbook's sheets from a definition (the template and the export). */
export function indexSetWorkbookRows(set: IndexSetDefinition): Array<{ name: string; rows: string[][] }> {
  const rows: string[][] = [[...CRITERIA_COLUMNS]];
  const walk = (nodes: readonly CriterionNode[]) =>
    nodes.forEach((node) => {
      rows.push([
        node.code,
        node.name,
        String(node.maxScore),
        RULE_LABELS[node.rule.kind],
        node.rule.kind === 'TIERS' ? node.rule.tiers.map((t) => `${t.label}=${t.score}`).join('; ') : '',
        node.evidence ?? '',
        SCORER_LABELS[node.scoredBy],
        node.skippable ? 'Có' : '',
        node.illustrative ? 'Có' : '',
      ]);
      walk(node.children);
    });
  walk(set.fields);
  return [
    {
      name: 'Thông tin',
      rows: [
        ['Mã bộ chỉ số', set.code],
        ['Tên', set.name],
        ['Đơn vị ban hành (mã)', set.issuerCode],
        ['Cấp đánh giá', LEVEL_LABELS[set.level]],
        ['Năm', String(set.year)],
        ['Thang điểm', String(set.maxTotal)],
        ['Căn cứ', set.source],
        ['Minh họa', set.illustrative ? 'Có' : 'Không'],
      ],
    },
    { name: 'Tiêu chí', rows },
    { name: 'Xếp loại', rows: [['Xếp loại', 'Từ (%)'], ...set.grades.map((g) => [g.name, String(g.minPercent)])] },
  ];
}
