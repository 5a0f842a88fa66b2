import { DomainError } from '@reform/decider';

/**
 * A PAR index set (bộ chỉ số CCHC) as versioned data: fields (lĩnh vực) → criteria (tiêu chí) →
 * sub-criteria (tiêu chí thành phần), any depth, each node with a maximum score; a node with
 * children is worth the sum of its children. What is scored are the leaves, each by a rule, by
 * someone (the unit itself, the appraisal council, or a survey), with the evidence it needs.
 * A leaf a unit may skip (it lacks the function) leaves the total to be rescaled to `maxTotal`.
 * `illustrative` marks what no source gave: the platform's demo values, never an official set.
 */
export const SCORING_RULE_KINDS = ['FIXED', 'YES_NO', 'TIERS', 'PERCENT_SCALE'] as const;
export type ScoringRuleKind = (typeof SCORING_RULE_KINDS)[number];
export type ScoringRule =
  /** Any score from 0 to the maximum (the appraiser's judgement). */
  | { readonly kind: 'FIXED' }
  /** Done or not: the maximum or 0. */
  | { readonly kind: 'YES_NO' }
  /** One of the listed levels ("Đạt 100%: 2 điểm; từ 80%: 1 điểm; dưới 80%: 0"). */
  | { readonly kind: 'TIERS'; readonly tiers: ReadonlyArray<{ readonly label: string; readonly score: number }> }
  /** A percentage achieved, scaled to the maximum (90 % of 2 points = 1.8). */
  | { readonly kind: 'PERCENT_SCALE' };

export const SCORERS = ['UNIT', 'COUNCIL', 'SURVEY'] as const;
export type Scorer = (typeof SCORERS)[number];
export const ASSESSED_LEVELS = ['COMMUNE', 'DISTRICT', 'DEPARTMENT'] as const;
export type AssessedLevel = (typeof ASSESSED_LEVELS)[number];

export interface CriterionNode {
  readonly code: string;
  readonly name: string;
  readonly maxScore: number;
  readonly rule: ScoringRule;
  readonly evidence: string | null;
  readonly scoredBy: Scorer;
  readonly skippable: boolean;
  readonly illustrative: boolean;
  readonly children: readonly CriterionNode[];
}

export interface GradeBand {
  /** Tốt, Khá, Trung bình, Yếu — or A, B. */
  readonly name: string;
  /** The lowest rescaled percentage of the maximum that earns it. */
  readonly minPercent: number;
}

export interface IndexSetDefinition {
  readonly kind: 'PAR_INDEX_SET';
  readonly code: string;
  readonly name: string;
  /** The unit that issued the set (a province, or a district for its communes). */
  readonly issuerCode: string;
  readonly level: AssessedLevel;
  readonly year: number;
  readonly maxTotal: number;
  /** The issuing document and what the data is based on. */
  readonly source: string;
  /** True when any value is the platform's illustration rather than a source's. */
  readonly illustrative: boolean;
  readonly grades: readonly GradeBand[];
  readonly fields: readonly CriterionNode[];
}

export interface Leaf extends CriterionNode {
  /** Codes of the nodes above it (field first). */
  readonly path: readonly string[];
}

export function leavesOf(nodes: readonly CriterionNode[], path: readonly string[] = []): Leaf[] {
  return nodes.flatMap((node) => (node.children.length ? leavesOf(node.children, [...path, node.code]) : [{ ...node, path }]));
}

export function nodesOf(nodes: readonly CriterionNode[]): CriterionNode[] {
  return nodes.flatMap((node) => [node, ...nodesOf(node.children)]);
}

const bad = (code: string, message: string, field: string) => new DomainError(code, message, { kind: 'BAD_USER_INPUT', field });
const EPSILON = 1e-6;

/**
 * Checks a set before it is published: codes unique, maxima positive, every parent worth the sum
 * of its children, the fields worth `maxTotal`, tiers within the maximum, grades from the highest
 * down. Each refusal names the node (by code) in Vietnamese.
 */
export function validateIndexSet(set: IndexSetDefinition, field = 'definition'): void {
  if (!set.code.trim()) throw bad('FRAMEWORK.CODE', 'Mã bộ chỉ số không được để trống.', `${field}.code`);
  if (!set.name.trim()) throw bad('FRAMEWORK.NAME', 'Tên bộ chỉ số không được để trống.', `${field}.name`);
  if (!Number.isInteger(set.year) || set.year < 2000 || set.year > 2100) throw bad('FRAMEWORK.YEAR', `Năm áp dụng ${set.year} không hợp lệ.`, `${field}.year`);
  if (set.fields.length === 0) throw bad('FRAMEWORK.EMPTY', 'Bộ chỉ số chưa có lĩnh vực nào.', `${field}.fields`);
  const seen = new Set<string>();
  const check = (node: CriterionNode) => {
    const at = `${field}.criteria[${node.code}]`;
    if (!/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/.test(node.code))
      throw bad('FRAMEWORK.CRITERION_CODE', `Mã tiêu chí "${node.code}" không hợp lệ (dạng 1, 1.2, 1.2.3).`, at);
    if (seen.has(node.code)) throw bad('FRAMEWORK.DUPLICATE_CODE', `Mã tiêu chí ${node.code} xuất hiện hai lần.`, at);
    seen.add(node.code);
    if (!node.name.trim()) throw bad('FRAMEWORK.CRITERION_NAME', `Tiêu chí ${node.code} chưa có tên.`, at);
    if (!(node.maxScore > 0)) throw bad('FRAMEWORK.MAX_SCORE', `Tiêu chí ${node.code}: điểm tối đa phải lớn hơn 0.`, at);
    if (node.children.length) {
      const sum = node.children.reduce((s, child) => s + child.maxScore, 0);
      if (Math.abs(sum - node.maxScore) > EPSILON)
        throw bad('FRAMEWORK.SUM', `Tiêu chí ${node.code}: điểm tối đa ${node.maxScore} khác tổng điểm các tiêu chí con (${round2(sum)}).`, at);
      node.children.forEach(check);
    } else if (node.rule.kind === 'TIERS') {
      if (node.rule.tiers.length < 2) throw bad('FRAMEWORK.TIERS', `Tiêu chí ${node.code}: cách chấm theo mức cần ít nhất hai mức.`, at);
      for (const tier of node.rule.tiers) {
        if (tier.score < 0 || tier.score > node.maxScore + EPSILON)
          throw bad('FRAMEWORK.TIERS', `Tiêu chí ${node.code}: mức "${tier.label}" (${tier.score} điểm) nằm ngoài 0–${node.maxScore}.`, at);
      }
    }
  };
  set.fields.forEach(check);
  const total = set.fields.reduce((s, f) => s + f.maxScore, 0);
  if (Math.abs(total - set.maxTotal) > EPSILON)
    throw bad('FRAMEWORK.TOTAL', `Tổng điểm tối đa các lĩnh vực (${round2(total)}) khác thang điểm của bộ chỉ số (${set.maxTotal}).`, `${field}.maxTotal`);
  set.grades.forEach((grade, i) => {
    if (!grade.name.trim() || grade.minPercent < 0 || grade.minPercent > 100)
      throw bad('FRAMEWORK.GRADE', `Xếp loại thứ ${i + 1}: cần tên và ngưỡng từ 0 đến 100%.`, `${field}.grades[${i}]`);
    if (i > 0 && grade.minPercent >= set.grades[i - 1].minPercent)
      throw bad('FRAMEWORK.GRADE_ORDER', `Xếp loại "${grade.name}": các ngưỡng phải giảm dần từ loại cao nhất.`, `${field}.grades[${i}]`);
  });
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The grade of a rescaled total (percentage of the maximum): the first band it reaches. */
export function gradeOf(percent: number, grades: readonly GradeBand[]): string | null {
  return grades.find((band) => percent >= band.minPercent - EPSILON)?.name ?? null;
}

/** Whether `score` is one the leaf's rule can give (0–max; yes/no: 0 or max; tiers: a listed level). */
export function ruleAllows(leaf: Pick<CriterionNode, 'maxScore' | 'rule'>, score: number): boolean {
  if (score < 0 || score > leaf.maxScore + EPSILON) return false;
  switch (leaf.rule.kind) {
    case 'YES_NO':
      return Math.abs(score) < EPSILON || Math.abs(score - leaf.maxScore) < EPSILON;
    case 'TIERS':
      return leaf.rule.tiers.some((tier) => Math.abs(tier.score - score) < EPSILON);
    case 'FIXED':
    case 'PERCENT_SCALE':
      return true;
  }
}
