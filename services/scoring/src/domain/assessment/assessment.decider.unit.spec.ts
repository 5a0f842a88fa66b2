import { spec } from '@reform/decider';
import { DEMO_INDEX_SET } from '../../demo/demo-index-set';
import { leavesOf, validateIndexSet } from '../framework/index-set';
import { indexSetWorkbookRows, parseIndexSetWorkbook } from '../framework/index-set-table';
import { assessmentDecider, AssessmentEvent, AssessmentFacts } from './assessment.decider';

const facts: AssessmentFacts = {
  id: 'a1',
  campaignId: 'c1',
  unitCode: '19885',
  ownerCode: '477',
  year: 2019,
  frameworkCode: DEMO_INDEX_SET.code,
  frameworkVersion: 1,
  maxTotal: 100,
  grades: DEMO_INDEX_SET.grades,
  criteria: leavesOf(DEMO_INDEX_SET.fields).map(({ children: _c, ...leaf }) => leaf),
  skipped: ['8.1'],
  entryWindow: { from: '2019-11-01', to: '2019-12-15' },
  appraisalWindow: { from: '2019-12-16', to: '2020-01-31' },
};
const opened: AssessmentEvent = { type: 'AssessmentOpened', data: { ...facts, on: '2019-11-01' } };
const scored = (
  criterionCode: string,
  score: number | null,
  extra: Partial<Extract<AssessmentEvent, { type: 'CriterionSelfScored' }>['data']> = {},
): AssessmentEvent => ({
  type: 'CriterionSelfScored',
  data: { criterionCode, score, notApplicable: false, explanation: 'Giải trình', files: [], citations: [], on: '2019-12-01', ...extra },
});
const allScored = facts.criteria.filter((c) => c.scoredBy === 'UNIT').map((c) => scored(c.code, c.maxScore));
const submitted: AssessmentEvent = { type: 'SelfAssessmentSubmitted', data: { on: '2019-12-10', resubmission: false } };
const today = '2019-12-01';

describe('the Assessment decider', () => {
  it('records a score with a citation', () => {
    spec(assessmentDecider)
      .given([opened])
      .when({ type: 'ScoreCriterion', data: { criterionCode: '1.1', score: 4, citations: [{ number: '12/KH-UBND', date: '2019-01-15', page: 2 }], today } })
      .then([
        {
          type: 'CriterionSelfScored',
          data: {
            criterionCode: '1.1',
            score: 4,
            notApplicable: false,
            explanation: null,
            files: [],
            citations: [{ number: '12/KH-UBND', date: '2019-01-15', page: 2 }],
            on: today,
          },
        },
      ]);
  });

  it.each([
    ['a score above the maximum', { criterionCode: '2.2', score: 6 }, 'ASSESSMENT.ABOVE_MAX', 'input.score'],
    ['a negative score', { criterionCode: '2.2', score: -1 }, 'ASSESSMENT.NEGATIVE_SCORE', 'input.score'],
    ['a yes/no score between 0 and the maximum', { criterionCode: '1.1', score: 2 }, 'ASSESSMENT.RULE', 'input.score'],
    ['a tier score not listed', { criterionCode: '1.2', score: 3 }, 'ASSESSMENT.RULE', 'input.score'],
    ['a score without evidence or explanation', { criterionCode: '2.2', score: 3, explanation: '  ' }, 'ASSESSMENT.EXPLANATION_REQUIRED', 'input.explanation'],
    ['a criterion that does not exist', { criterionCode: '9.9', score: 1 }, 'ASSESSMENT.UNKNOWN_CRITERION', 'input.criterionCode'],
    ['a criterion the campaign skips', { criterionCode: '8.1', score: 1 }, 'ASSESSMENT.SKIPPED_CRITERION', 'input.criterionCode'],
    [
      'not applicable on a criterion that may not be skipped',
      { criterionCode: '5.1', score: null, notApplicable: true },
      'ASSESSMENT.NOT_SKIPPABLE',
      'input.notApplicable',
    ],
  ])('refuses %s, naming the field', (_name, input, code, field) => {
    spec(assessmentDecider)
      .given([opened])
      .when({ type: 'ScoreCriterion', data: { explanation: 'x', ...input, today } })
      .thenThrows(code, field);
  });

  it('refuses scoring outside the entry window, with the window in the message', () => {
    expect(() =>
      assessmentDecider.decide(
        { type: 'ScoreCriterion', data: { criterionCode: '2.2', score: 3, explanation: 'x', today: '2019-12-16' } },
        assessmentDecider.evolve(assessmentDecider.initialState, opened),
      ),
    ).toThrow('input.criterionCode: ngoài thời hạn tự chấm điểm (từ 01/11/2019 đến 15/12/2019); hôm nay là 16/12/2019.');
  });

  it('submission needs every self-scored criterion and then locks the form', () => {
    spec(assessmentDecider)
      .given([opened, scored('1.1', 4)])
      .when({ type: 'SubmitSelfAssessment', data: { today } })
      .thenThrows('ASSESSMENT.INCOMPLETE', 'criteria');
    spec(assessmentDecider)
      .given([opened, ...allScored, submitted])
      .when({ type: 'ScoreCriterion', data: { criterionCode: '2.2', score: 1, explanation: 'x', today } })
      .thenThrows('ASSESSMENT.LOCKED', 'id');
  });

  it('a returned criterion goes back to the unit, which answers it and submits again; the rest stays locked', () => {
    const returned: AssessmentEvent = {
      type: 'CriterionAppraised',
      data: { criterionCode: '3.3', decision: 'RETURN', score: null, reason: 'Bổ sung thư xin lỗi', on: '2019-12-20' },
    };
    spec(assessmentDecider)
      .given([opened, ...allScored, submitted, returned])
      .when({ type: 'ScoreCriterion', data: { criterionCode: '2.2', score: 1, explanation: 'x', today: '2019-12-21' } })
      .thenThrows('ASSESSMENT.LOCKED', 'input.criterionCode');
    spec(assessmentDecider)
      .given([opened, ...allScored, submitted, returned])
      .when({ type: 'SubmitSelfAssessment', data: { today: '2019-12-21' } })
      .thenThrows('ASSESSMENT.INCOMPLETE', 'criteria');
    spec(assessmentDecider)
      .given([opened, ...allScored, submitted, returned, scored('3.3', 3, { on: '2019-12-21' })])
      .when({ type: 'SubmitSelfAssessment', data: { today: '2019-12-21' } })
      .then([{ type: 'SelfAssessmentSubmitted', data: { on: '2019-12-21', resubmission: true } }]);
  });

  it('an adjustment needs a reason; finalising accepts the untouched scores and rescales without the survey', () => {
    spec(assessmentDecider)
      .given([opened, ...allScored, submitted])
      .when({ type: 'AppraiseCriterion', data: { criterionCode: '2.2', decision: 'ADJUST', score: 3, today: '2019-12-20' } })
      .thenThrows('ASSESSMENT.REASON_REQUIRED', 'input.reason');
    const adjusted: AssessmentEvent = {
      type: 'CriterionAppraised',
      data: { criterionCode: '2.2', decision: 'ADJUST', score: 3, reason: 'Thiếu báo cáo kiểm tra', on: '2019-12-20' },
    };
    spec(assessmentDecider)
      .given([opened, ...allScored, submitted, adjusted])
      .when({ type: 'FinaliseAppraisal', data: { today: '2019-12-30' } })
      .thenState((state) => {
        if (state.status !== 'FINALISED') throw new Error('not finalised');
        // 70 criteria points less 2 taken off, out of 70 applicable (survey skipped): 68 → 97.14 of 100.
        expect(state.result).toEqual({ total: 68, applicableMax: 70, rescaledTotal: 97.14, percent: 97.14, grade: 'Tốt' });
        expect(state.entries['1.1']).toMatchObject({ status: 'ACCEPTED', appraisedScore: 4 });
        expect(state.entries['2.2']).toMatchObject({ status: 'ADJUSTED', appraisedScore: 3, appraisalReason: 'Thiếu báo cáo kiểm tra' });
      });
  });

  it('a criterion the unit lacks (not applicable) leaves the total rescaled over what applies', () => {
    const withoutFive = allScored.map((e) =>
      e.type === 'CriterionSelfScored' && e.data.criterionCode === '5.2' ? scored('5.2', null, { notApplicable: true }) : e,
    );
    spec(assessmentDecider)
      .given([opened, ...withoutFive, submitted])
      .when({ type: 'FinaliseAppraisal', data: { today: '2019-12-30' } })
      .thenState((state) =>
        expect(state.status !== 'NONE' && state.result).toEqual({ total: 65, applicableMax: 65, rescaledTotal: 100, percent: 100, grade: 'Tốt' }),
      );
  });
});

describe('index sets as data', () => {
  it('the demo set is valid: 100 = 70 of criteria + 30 of survey, every criterion marked illustrative', () => {
    expect(() => validateIndexSet(DEMO_INDEX_SET)).not.toThrow();
    const leaves = leavesOf(DEMO_INDEX_SET.fields);
    expect(leaves.filter((l) => l.scoredBy === 'SURVEY').reduce((s, l) => s + l.maxScore, 0)).toBe(30);
    expect(leaves.every((l) => l.illustrative)).toBe(true);
    expect(DEMO_INDEX_SET.illustrative).toBe(true);
  });

  it('round-trips through the workbook layout a province fills in', () => {
    expect(parseIndexSetWorkbook(indexSetWorkbookRows(DEMO_INDEX_SET))).toEqual(DEMO_INDEX_SET);
  });

  it('refuses a set whose field is not worth the sum of its criteria, naming the criterion', () => {
    const broken = { ...DEMO_INDEX_SET, fields: DEMO_INDEX_SET.fields.map((f) => (f.code === '2' ? { ...f, maxScore: 11 } : f)) };
    expect(() => validateIndexSet(broken)).toThrow('Tiêu chí 2: điểm tối đa 11 khác tổng điểm các tiêu chí con (10).');
  });
});
