import JSZip from 'jszip';
import { DEMO_INDEX_SET } from '../../demo/demo-index-set';
import { Assessment, AssessmentCommand, assessmentDecider, AssessmentFacts, AssessmentState } from '../../domain/assessment/assessment.decider';
import { leavesOf } from '../../domain/framework/index-set';
import { assessmentView } from '../assessments/assessment.types';
import { scorecardDocx } from './scorecard-docx';

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

/** The assessment through the decider: every unit criterion self-scored at its maximum, 2.2 adjusted with a reason, the council's criteria scored, finalised. */
function finalised(): Assessment {
  let state: AssessmentState = assessmentDecider.evolve(assessmentDecider.initialState, { type: 'AssessmentOpened', data: { ...facts, on: '2019-11-01' } });
  const run = (command: AssessmentCommand) => {
    for (const event of assessmentDecider.decide(command, state)) state = assessmentDecider.evolve(state, event);
  };
  const applicable = facts.criteria.filter((c) => !facts.skipped.includes(c.code));
  for (const c of applicable.filter((c) => c.scoredBy === 'UNIT'))
    run({ type: 'ScoreCriterion', data: { criterionCode: c.code, score: c.maxScore, explanation: 'Đã thực hiện đầy đủ', today: '2019-12-01' } });
  run({ type: 'SubmitSelfAssessment', data: { today: '2019-12-10' } });
  run({ type: 'AppraiseCriterion', data: { criterionCode: '2.2', decision: 'ADJUST', score: 3, reason: 'Thiếu văn bản chứng minh', today: '2019-12-20' } });
  for (const c of applicable.filter((c) => c.scoredBy !== 'UNIT'))
    run({ type: 'AppraiseCriterion', data: { criterionCode: c.code, decision: 'ADJUST', score: c.maxScore, reason: 'Hội đồng chấm', today: '2019-12-20' } });
  run({ type: 'FinaliseAppraisal', data: { today: '2019-12-21' } });
  return state as Assessment;
}

async function textOf(docx: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`)
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe("a unit's scorecard as Word (Decree 30 layout)", () => {
  it('holds the unit, every criterion with its scores and the reason of an adjustment, the totals and the grade, read back from the file', async () => {
    const assessment = finalised();
    expect(assessment.status).toBe('FINALISED');
    const view = assessmentView(assessment);
    const file = await scorecardDocx({
      assessment: view,
      unit: { name: 'Xã Quảng Vinh', type: 'Xã' },
      owner: { name: 'Huyện Quảng Điền', type: 'Huyện' },
      day: '2019-12-21',
    });
    const text = await textOf(file);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('XÃ QUẢNG VINH');
    expect(text).toContain('Quảng Vinh, ngày 21 tháng 12 năm 2019');
    expect(text).toContain('PHIẾU CHẤM ĐIỂM');
    expect(text).toContain('Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2019 của Xã Quảng Vinh');
    for (const c of view.criteria) expect(text).toContain(c.code);
    const adjusted = view.criteria.find((c) => c.code === '2.2');
    if (!adjusted) throw new Error('criterion 2.2 missing');
    expect(text).toContain(`${adjusted.name}${adjusted.illustrative ? ' (minh họa)' : ''}`);
    expect(text).toContain('Thiếu văn bản chứng minh');
    expect(text).toContain('Các tiêu chí ghi "(minh họa)" là dữ liệu minh họa');
    const result = assessment.result;
    if (!result) throw new Error('no result');
    const comma = (n: number) => String(n).replace('.', ',');
    expect(text).toContain(
      `Tổng điểm sau thẩm định: ${comma(result.total)}/${comma(result.applicableMax)} (quy đổi ${comma(result.rescaledTotal)}/100)${result.grade ? `, xếp loại ${result.grade}` : ''}.`,
    );
    expect(result.grade).toBeTruthy();
    expect(text).toContain('Xếp loại');
    expect(text).toContain('Đã chốt thẩm định ngày 21/12/2019.');
  });
});
