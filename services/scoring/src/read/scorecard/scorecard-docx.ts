import { Paragraph, Table } from 'docx';
import { blank, body, centred, dataTable, decree30Docx, heading, properName, run, signatureBlock } from '@reform/documents';
import { AssessmentView } from '../assessments/assessment.types';

export interface ScorecardContext {
  readonly assessment: AssessmentView;
  /** The assessed unit and the unit that appraises it (the campaign's owner), as the directory names them. */
  readonly unit: { readonly name: string; readonly type: string };
  readonly owner: { readonly name: string; readonly type: string };
  /** The day printed on the date line. */
  readonly day: string;
}

const score = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value).replace('.', ','));

/**
 * A unit's scorecard (phiếu chấm điểm) as a Word document in Decree 30's layout (@reform/documents):
 * the unit as issuer, the criteria with their maximum, self-assessed and appraised scores and the
 * appraisal's reasons, the totals, the rescaled total and the grade. Criteria the index set marks
 * as illustrative say so, on the row and in a note above the table, as on screen.
 */
export async function scorecardDocx(context: ScorecardContext): Promise<Buffer> {
  const { assessment: a, unit } = context;
  const subject = `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${a.year} của ${unit.name}`;
  const content: Array<Paragraph | Table> = [
    heading({ issuerName: unit.name, numberLine: 'Số:       /BC-UBND', place: properName(unit), day: context.day }),
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    centred(run('PHIẾU CHẤM ĐIỂM', { bold: true })),
    centred(run(subject, { bold: true })),
    blank(),
    body(
      `Đơn vị được đánh giá: ${unit.name}. Đơn vị thẩm định: ${context.owner.name}. Bộ chỉ số: ${a.frameworkCode}, phiên bản ${a.frameworkVersion}; điểm tối đa ${score(a.maxTotal)}.`,
    ),
    body(
      a.finalisedOn ? `Đã chốt thẩm định ngày ${a.finalisedOn.split('-').reverse().join('/')}.` : 'Chưa chốt thẩm định: điểm thẩm định có thể còn thay đổi.',
    ),
  ];
  if (a.criteria.some((c) => c.illustrative)) content.push(body('Các tiêu chí ghi "(minh họa)" là dữ liệu minh họa, không lấy từ bộ chỉ số đã ban hành.'));
  const rows = a.criteria.map((c) => [
    c.code,
    `${c.name}${c.illustrative ? ' (minh họa)' : ''}`,
    score(c.maxScore),
    c.notApplicable ? 'Không áp dụng' : c.skippedByCampaign ? 'Bỏ qua' : score(c.selfScore),
    score(c.appraisedScore),
    c.appraisalReason ?? c.returnReason ?? c.explanation ?? '',
  ]);
  const self = a.selfResult;
  const result = a.result;
  rows.push(['', 'Tổng điểm', score(a.maxTotal), score(self.total), score(result?.total), '']);
  rows.push(['', 'Tổng điểm quy đổi', score(a.maxTotal), score(self.rescaledTotal), score(result?.rescaledTotal), '']);
  rows.push(['', 'Xếp loại', '', self.grade ?? '', result?.grade ?? '', '']);
  content.push(body('I. ĐIỂM CÁC TIÊU CHÍ', { bold: true }));
  content.push(dataTable(['Mã', 'Tiêu chí', 'Điểm tối đa', 'Tự chấm', 'Thẩm định', 'Giải trình, lý do'], rows, [8, 42, 10, 10, 10, 20], [1, 5]));
  content.push(body('II. KẾT QUẢ', { bold: true }));
  content.push(
    body(
      `Tổng điểm tự chấm: ${score(self.total)}/${score(self.applicableMax)} (quy đổi ${score(self.rescaledTotal)}/${score(a.maxTotal)})${self.grade ? `, xếp loại ${self.grade}` : ''}.`,
    ),
  );
  if (result)
    content.push(
      body(
        `Tổng điểm sau thẩm định: ${score(result.total)}/${score(result.applicableMax)} (quy đổi ${score(result.rescaledTotal)}/${score(a.maxTotal)})${result.grade ? `, xếp loại ${result.grade}` : ''}.`,
      ),
    );
  content.push(blank(), signatureBlock([context.owner.name]));
  return decree30Docx(subject, content);
}
