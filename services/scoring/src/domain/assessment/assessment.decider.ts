import { assertNever, Decider, DomainError } from '@reform/decider';
import { gradeOf, GradeBand, Leaf, ruleAllows } from '../framework/index-set';
import { round } from '../ranking';

/**
 * A unit's assessment in a campaign (stream `assessment-<id>`): the unit scores each criterion
 * with its evidence in the entry window and submits (which locks it); the level above accepts or
 * adjusts each score with a reason, or returns a criterion for more evidence (the unit answers and
 * submits again, within the appraisal window), then finalises. Every change keeps who and why (the
 * event's actor; the reason in its data). The framework's leaves are copied in at opening, so the
 * decider needs nothing else to judge a score, and a later version of the set changes nothing here.
 */
export interface Window {
  readonly from: string;
  readonly to: string;
}

/** A stored evidence file: content-addressed, so the event carries what identifies the bytes. */
export interface EvidenceFile {
  readonly sha256: string;
  readonly size: number;
  readonly fileName: string;
  readonly mediaType: string;
}

/** An official document cited as evidence: its number ("53/KH-UBND"), its day, the page. */
export interface Citation {
  readonly number: string;
  readonly date: string;
  readonly page: number | null;
}

export type CriterionStatus = 'EMPTY' | 'SCORED' | 'RETURNED' | 'ACCEPTED' | 'ADJUSTED';

export interface CriterionEntry {
  readonly code: string;
  readonly status: CriterionStatus;
  readonly selfScore: number | null;
  readonly notApplicable: boolean;
  readonly explanation: string | null;
  readonly files: readonly EvidenceFile[];
  readonly citations: readonly Citation[];
  /** The appraised score: the self-score accepted, or the council's adjustment. */
  readonly appraisedScore: number | null;
  readonly appraisalReason: string | null;
  readonly returnReason: string | null;
}

export type AssessmentCriterion = Pick<Leaf, 'code' | 'name' | 'maxScore' | 'rule' | 'scoredBy' | 'skippable' | 'evidence' | 'illustrative' | 'path'>;

export interface AssessmentFacts {
  readonly id: string;
  readonly campaignId: string;
  readonly unitCode: string;
  /** The unit that opened the campaign and appraises (the level above). */
  readonly ownerCode: string;
  readonly year: number;
  readonly frameworkCode: string;
  readonly frameworkVersion: number;
  readonly maxTotal: number;
  readonly grades: readonly GradeBand[];
  readonly criteria: readonly AssessmentCriterion[];
  /** Criteria the campaign skips for every unit (a survey not held). */
  readonly skipped: readonly string[];
  readonly entryWindow: Window;
  readonly appraisalWindow: Window;
}

export interface AssessmentResult {
  readonly total: number;
  readonly applicableMax: number;
  readonly rescaledTotal: number;
  readonly percent: number;
  readonly grade: string | null;
}

export const ASSESSMENT_STATUSES = ['OPEN', 'SUBMITTED', 'RETURNED', 'FINALISED'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export interface Assessment extends AssessmentFacts {
  readonly status: AssessmentStatus;
  readonly entries: Readonly<Record<string, CriterionEntry>>;
  readonly submittedOn: string | null;
  readonly finalisedOn: string | null;
  readonly result: AssessmentResult | null;
}

export type AssessmentState = { readonly status: 'NONE' } | Assessment;

export type AppraisalDecision = 'ACCEPT' | 'ADJUST' | 'RETURN';

export type AssessmentEvent =
  | { type: 'AssessmentOpened'; data: AssessmentFacts & { on: string } }
  | {
      type: 'CriterionSelfScored';
      data: {
        criterionCode: string;
        score: number | null;
        notApplicable: boolean;
        explanation: string | null;
        files: EvidenceFile[];
        citations: Citation[];
        on: string;
      };
    }
  | { type: 'SelfAssessmentSubmitted'; data: { on: string; resubmission: boolean } }
  | { type: 'CriterionAppraised'; data: { criterionCode: string; decision: AppraisalDecision; score: number | null; reason: string | null; on: string } }
  | { type: 'AppraisalFinalised'; data: { on: string; acceptedAsScored: string[]; result: AssessmentResult } };

export const ASSESSMENT_EVENT_TYPES: readonly AssessmentEvent['type'][] = [
  'AssessmentOpened',
  'CriterionSelfScored',
  'SelfAssessmentSubmitted',
  'CriterionAppraised',
  'AppraisalFinalised',
];

export interface ScoreInput {
  readonly criterionCode: string;
  readonly score: number | null;
  readonly notApplicable?: boolean;
  readonly explanation?: string | null;
  readonly files?: readonly EvidenceFile[];
  readonly citations?: readonly Citation[];
}

export type AssessmentCommand =
  | { type: 'OpenAssessment'; data: AssessmentFacts & { on: string } }
  | { type: 'ScoreCriterion'; data: ScoreInput & { today: string } }
  | { type: 'SubmitSelfAssessment'; data: { today: string } }
  | { type: 'AppraiseCriterion'; data: { criterionCode: string; decision: AppraisalDecision; score?: number | null; reason?: string | null; today: string } }
  | { type: 'FinaliseAppraisal'; data: { today: string } };

export const assessmentStreamId = (id: string) => `assessment-${id}`;
const MAX_TEXT = 4000;

const bad = (code: string, message: string, field: string) => new DomainError(code, message, { kind: 'BAD_USER_INPUT', field });
const conflict = (code: string, message: string, field?: string) => new DomainError(code, message, { kind: 'CONFLICT', ...(field ? { field } : {}) });
const viDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function existing(state: AssessmentState): Assessment {
  if (state.status === 'NONE') throw new DomainError('ASSESSMENT.NOT_FOUND', 'Không tìm thấy phiếu đánh giá.', { kind: 'NOT_FOUND', field: 'id' });
  return state;
}

function inWindow(window: Window, today: string, what: string, field: string): void {
  if (today < window.from || today > window.to) {
    throw bad(
      'ASSESSMENT.OUTSIDE_WINDOW',
      `${field}: ngoài thời hạn ${what} (từ ${viDay(window.from)} đến ${viDay(window.to)}); hôm nay là ${viDay(today)}.`,
      field,
    );
  }
}

function criterionOf(assessment: Assessment, code: string, field: string): AssessmentCriterion {
  const criterion = assessment.criteria.find((c) => c.code === code);
  if (!criterion) throw bad('ASSESSMENT.UNKNOWN_CRITERION', `${field}: bộ chỉ số không có tiêu chí chấm điểm "${code}".`, field);
  if (assessment.skipped.includes(code)) throw bad('ASSESSMENT.SKIPPED_CRITERION', `${field}: tiêu chí ${code} không chấm trong đợt đánh giá này.`, field);
  return criterion;
}

/** A score the criterion's rule can give, or a refusal naming `field` and the rule broken. */
function checkScore(criterion: AssessmentCriterion, score: number | null | undefined, field: string): number {
  if (score === null || score === undefined || !Number.isFinite(score))
    throw bad('ASSESSMENT.SCORE_REQUIRED', `${field}: cần nhập điểm cho tiêu chí ${criterion.code}.`, field);
  if (score < 0) throw bad('ASSESSMENT.NEGATIVE_SCORE', `${field}: điểm không được âm (tiêu chí ${criterion.code}, nhập ${score}).`, field);
  if (score > criterion.maxScore + 1e-9)
    throw bad('ASSESSMENT.ABOVE_MAX', `${field}: điểm ${score} vượt điểm tối đa ${criterion.maxScore} của tiêu chí ${criterion.code}.`, field);
  if (!ruleAllows(criterion, score)) {
    const allowed =
      criterion.rule.kind === 'YES_NO'
        ? `0 hoặc ${criterion.maxScore}`
        : criterion.rule.kind === 'TIERS'
          ? criterion.rule.tiers.map((t) => `${t.score} (${t.label})`).join(', ')
          : `0–${criterion.maxScore}`;
    throw bad('ASSESSMENT.RULE', `${field}: tiêu chí ${criterion.code} chỉ nhận điểm ${allowed}.`, field);
  }
  return round(score, 4);
}

function text(value: string | null | undefined, field: string): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > MAX_TEXT) throw bad('ASSESSMENT.TEXT_TOO_LONG', `${field}: tối đa ${MAX_TEXT} ký tự.`, field);
  return trimmed || null;
}

/** The criteria that count for the unit: not skipped by the campaign, not declared not applicable. */
export function applicableCriteria(assessment: Assessment): AssessmentCriterion[] {
  return assessment.criteria.filter((c) => !assessment.skipped.includes(c.code) && !assessment.entries[c.code]?.notApplicable);
}

/**
 * Total and rescaled total: the final scores of the applicable criteria, and that total brought
 * back to the set's scale when criteria were skipped (total ÷ applicable maximum × maxTotal), as
 * the provinces' rules do for units that lack a function or a year without a survey.
 */
export function resultOf(assessment: Assessment, scoreOf: (entry: CriterionEntry | undefined) => number | null): AssessmentResult {
  const applicable = applicableCriteria(assessment);
  const total = round(
    applicable.reduce((sum, c) => sum + (scoreOf(assessment.entries[c.code]) ?? 0), 0),
    2,
  );
  const applicableMax = round(
    applicable.reduce((sum, c) => sum + c.maxScore, 0),
    4,
  );
  const rescaledTotal = applicableMax > 0 ? round((total / applicableMax) * assessment.maxTotal, 2) : 0;
  const percent = round((rescaledTotal / assessment.maxTotal) * 100, 2);
  return { total, applicableMax, rescaledTotal, percent, grade: gradeOf(percent, assessment.grades) };
}

export const selfResultOf = (assessment: Assessment) => resultOf(assessment, (entry) => entry?.selfScore ?? null);

const emptyEntry = (code: string): CriterionEntry => ({
  code,
  status: 'EMPTY',
  selfScore: null,
  notApplicable: false,
  explanation: null,
  files: [],
  citations: [],
  appraisedScore: null,
  appraisalReason: null,
  returnReason: null,
});

export const assessmentDecider: Decider<AssessmentCommand, AssessmentEvent, AssessmentState> = {
  initialState: { status: 'NONE' },
  decide(command, state) {
    switch (command.type) {
      case 'OpenAssessment': {
        if (state.status !== 'NONE') return [];
        return [{ type: 'AssessmentOpened', data: command.data }];
      }
      case 'ScoreCriterion': {
        const assessment = existing(state);
        const { criterionCode, today } = command.data;
        const criterion = criterionOf(assessment, criterionCode, 'input.criterionCode');
        const entry = assessment.entries[criterionCode];
        if (assessment.status === 'OPEN') inWindow(assessment.entryWindow, today, 'tự chấm điểm', 'input.criterionCode');
        else if (assessment.status === 'RETURNED' && entry?.status === 'RETURNED')
          inWindow(assessment.appraisalWindow, today, 'bổ sung theo yêu cầu thẩm định', 'input.criterionCode');
        else if (assessment.status === 'RETURNED')
          throw conflict(
            'ASSESSMENT.LOCKED',
            `Phiếu đã nộp: chỉ bổ sung được tiêu chí bị trả lại, không phải tiêu chí ${criterionCode}.`,
            'input.criterionCode',
          );
        else throw conflict('ASSESSMENT.LOCKED', 'Phiếu tự chấm đã nộp: không thể sửa điểm.', 'id');
        if (criterion.scoredBy !== 'UNIT')
          throw bad(
            'ASSESSMENT.NOT_SELF_SCORED',
            `input.criterionCode: tiêu chí ${criterionCode} do ${criterion.scoredBy === 'SURVEY' ? 'điều tra xã hội học' : 'hội đồng thẩm định'} chấm, đơn vị không tự chấm.`,
            'input.criterionCode',
          );
        const notApplicable = command.data.notApplicable ?? false;
        if (notApplicable && !criterion.skippable)
          throw bad('ASSESSMENT.NOT_SKIPPABLE', `input.notApplicable: tiêu chí ${criterionCode} không thuộc loại đơn vị được bỏ qua.`, 'input.notApplicable');
        const score = notApplicable ? null : checkScore(criterion, command.data.score, 'input.score');
        const explanation = text(command.data.explanation, 'input.explanation');
        const citations = (command.data.citations ?? []).map((citation, i) => {
          const number = citation.number?.trim();
          if (!number)
            throw bad(
              'ASSESSMENT.CITATION_NUMBER',
              `input.citations[${i}].number: cần số, ký hiệu văn bản (ví dụ 53/KH-UBND).`,
              `input.citations[${i}].number`,
            );
          if (!DAY.test(citation.date) || citation.date > today)
            throw bad(
              'ASSESSMENT.CITATION_DATE',
              `input.citations[${i}].date: ngày ban hành văn bản phải là một ngày không sau hôm nay.`,
              `input.citations[${i}].date`,
            );
          if (citation.page !== null && citation.page !== undefined && (!Number.isInteger(citation.page) || citation.page < 1))
            throw bad('ASSESSMENT.CITATION_PAGE', `input.citations[${i}].page: số trang phải là số nguyên dương.`, `input.citations[${i}].page`);
          return { number, date: citation.date, page: citation.page ?? null };
        });
        const files = [...(command.data.files ?? [])];
        if (!notApplicable && files.length === 0 && citations.length === 0 && !explanation) {
          throw bad(
            'ASSESSMENT.EXPLANATION_REQUIRED',
            `input.explanation: điểm không có tài liệu kiểm chứng cần giải trình cách tự chấm (tiêu chí ${criterionCode}).`,
            'input.explanation',
          );
        }
        return [{ type: 'CriterionSelfScored', data: { criterionCode, score, notApplicable, explanation, files, citations, on: today } }];
      }
      case 'SubmitSelfAssessment': {
        const assessment = existing(state);
        const { today } = command.data;
        if (assessment.status === 'SUBMITTED' || assessment.status === 'FINALISED')
          throw conflict('ASSESSMENT.ALREADY_SUBMITTED', 'Phiếu tự chấm đã nộp.', 'id');
        if (assessment.status === 'OPEN') inWindow(assessment.entryWindow, today, 'tự chấm điểm', 'id');
        else inWindow(assessment.appraisalWindow, today, 'bổ sung theo yêu cầu thẩm định', 'id');
        const missing = assessment.criteria.filter(
          (c) =>
            c.scoredBy === 'UNIT' &&
            !assessment.skipped.includes(c.code) &&
            !['SCORED', 'ACCEPTED', 'ADJUSTED'].includes(assessment.entries[c.code]?.status ?? 'EMPTY'),
        );
        if (missing.length)
          throw bad(
            'ASSESSMENT.INCOMPLETE',
            `Chưa chấm (hoặc chưa bổ sung) ${missing.length} tiêu chí: ${missing
              .slice(0, 10)
              .map((c) => c.code)
              .join(', ')}${missing.length > 10 ? ', …' : ''}.`,
            'criteria',
          );
        return [{ type: 'SelfAssessmentSubmitted', data: { on: today, resubmission: assessment.status === 'RETURNED' } }];
      }
      case 'AppraiseCriterion': {
        const assessment = existing(state);
        const { criterionCode, decision, today } = command.data;
        if (assessment.status === 'FINALISED') throw conflict('ASSESSMENT.FINALISED', 'Kết quả thẩm định đã chốt: không thể thay đổi.', 'id');
        if (assessment.status !== 'SUBMITTED')
          throw conflict('ASSESSMENT.NOT_SUBMITTED', 'Đơn vị chưa nộp phiếu tự chấm (hoặc đang bổ sung tiêu chí bị trả lại).', 'id');
        inWindow(assessment.appraisalWindow, today, 'thẩm định', 'input.criterionCode');
        const criterion = criterionOf(assessment, criterionCode, 'input.criterionCode');
        const entry = assessment.entries[criterionCode];
        const reason = text(command.data.reason, 'input.reason');
        switch (decision) {
          case 'ACCEPT':
            if (criterion.scoredBy !== 'UNIT' || !entry || entry.status === 'EMPTY')
              throw bad(
                'ASSESSMENT.NOTHING_TO_ACCEPT',
                `input.decision: tiêu chí ${criterionCode} không có điểm tự chấm để đồng ý; hãy nhập điểm thẩm định (ADJUST).`,
                'input.decision',
              );
            return [{ type: 'CriterionAppraised', data: { criterionCode, decision, score: entry.notApplicable ? null : entry.selfScore, reason, on: today } }];
          case 'ADJUST': {
            if (entry?.notApplicable)
              throw bad(
                'ASSESSMENT.NOT_APPLICABLE',
                `input.decision: đơn vị đã báo tiêu chí ${criterionCode} không áp dụng; hãy trả lại nếu không đồng ý.`,
                'input.decision',
              );
            const score = checkScore(criterion, command.data.score, 'input.score');
            if (!reason) throw bad('ASSESSMENT.REASON_REQUIRED', `input.reason: điều chỉnh điểm tiêu chí ${criterionCode} cần nêu lý do.`, 'input.reason');
            return [{ type: 'CriterionAppraised', data: { criterionCode, decision, score, reason, on: today } }];
          }
          case 'RETURN':
            if (criterion.scoredBy !== 'UNIT')
              throw bad(
                'ASSESSMENT.NOT_SELF_SCORED',
                `input.decision: tiêu chí ${criterionCode} không do đơn vị tự chấm, không trả lại được.`,
                'input.decision',
              );
            if (!reason)
              throw bad('ASSESSMENT.REASON_REQUIRED', `input.reason: trả lại tiêu chí ${criterionCode} cần nêu tài liệu cần bổ sung.`, 'input.reason');
            return [{ type: 'CriterionAppraised', data: { criterionCode, decision, score: null, reason, on: today } }];
          default:
            return assertNever(decision, 'decision');
        }
      }
      case 'FinaliseAppraisal': {
        const assessment = existing(state);
        const { today } = command.data;
        if (assessment.status === 'FINALISED') throw conflict('ASSESSMENT.FINALISED', 'Kết quả thẩm định đã chốt.', 'id');
        if (assessment.status !== 'SUBMITTED')
          throw conflict('ASSESSMENT.NOT_SUBMITTED', 'Chưa chốt được: đơn vị chưa nộp (hoặc chưa nộp lại sau khi bổ sung).', 'id');
        inWindow(assessment.appraisalWindow, today, 'thẩm định', 'id');
        const unscored = applicableCriteria(assessment).filter((c) => c.scoredBy !== 'UNIT' && assessment.entries[c.code]?.appraisedScore == null);
        if (unscored.length)
          throw bad(
            'ASSESSMENT.COUNCIL_SCORES_MISSING',
            `Chưa nhập điểm thẩm định cho tiêu chí do hội đồng hoặc điều tra chấm: ${unscored.map((c) => c.code).join(', ')}.`,
            'criteria',
          );
        // Self-scores the council did not touch are accepted as scored, and the event says which.
        const acceptedAsScored = applicableCriteria(assessment)
          .filter((c) => c.scoredBy === 'UNIT' && assessment.entries[c.code]?.status === 'SCORED')
          .map((c) => c.code);
        const final = (entry: CriterionEntry | undefined) => (entry?.status === 'SCORED' ? entry.selfScore : (entry?.appraisedScore ?? null));
        return [{ type: 'AppraisalFinalised', data: { on: today, acceptedAsScored, result: resultOf(assessment, final) } }];
      }
      default:
        return assertNever(command, 'command');
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'AssessmentOpened': {
        const { on: _on, ...facts } = event.data;
        return { ...facts, status: 'OPEN', entries: {}, submittedOn: null, finalisedOn: null, result: null };
      }
      case 'CriterionSelfScored': {
        const assessment = existing(state);
        const { criterionCode, score, notApplicable, explanation, files, citations } = event.data;
        const before = assessment.entries[criterionCode] ?? emptyEntry(criterionCode);
        return {
          ...assessment,
          entries: {
            ...assessment.entries,
            [criterionCode]: {
              ...before,
              status: 'SCORED',
              selfScore: score,
              notApplicable,
              explanation,
              files,
              citations,
              appraisedScore: null,
              appraisalReason: null,
            },
          },
        };
      }
      case 'SelfAssessmentSubmitted': {
        const assessment = existing(state);
        return { ...assessment, status: 'SUBMITTED', submittedOn: assessment.submittedOn ?? event.data.on };
      }
      case 'CriterionAppraised': {
        const assessment = existing(state);
        const { criterionCode, decision, score, reason } = event.data;
        const before = assessment.entries[criterionCode] ?? emptyEntry(criterionCode);
        const entry: CriterionEntry =
          decision === 'RETURN'
            ? { ...before, status: 'RETURNED', returnReason: reason, appraisedScore: null, appraisalReason: null }
            : { ...before, status: decision === 'ACCEPT' ? 'ACCEPTED' : 'ADJUSTED', appraisedScore: score, appraisalReason: reason };
        return { ...assessment, status: decision === 'RETURN' ? 'RETURNED' : assessment.status, entries: { ...assessment.entries, [criterionCode]: entry } };
      }
      case 'AppraisalFinalised': {
        const assessment = existing(state);
        const entries = { ...assessment.entries };
        for (const code of event.data.acceptedAsScored) entries[code] = { ...entries[code], status: 'ACCEPTED', appraisedScore: entries[code].selfScore };
        return { ...assessment, entries, status: 'FINALISED', finalisedOn: event.data.on, result: event.data.result };
      }
      default:
        return assertNever(event, 'event');
    }
  },
};
