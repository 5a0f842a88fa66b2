import { CriterionNode, IndexSetDefinition, ScoringRule } from '../domain/framework/index-set';

/**
 * The demo's commune index set for Quảng Điền, 2019 — ILLUSTRATIVE, not an official set.
 * Thừa Thiên Huế's decision 2642/QĐ-UBND could not be found (docs/domain/data/par-index/README.md),
 * so the set follows only the structure the sources state: the seven field names of a commune PAR
 * framework (Hà Nội, as reported by Báo Đầu tư, verbatim but for the first letter's case) and the
 * split of 70 points of criteria and 30 of a sociological survey (Hà Tĩnh, QĐ 52/2019/QĐ-UBND,
 * commune set). Every criterion, sub-criterion, point, rule and grade threshold below is the
 * platform's illustration and is marked `illustrative` in the data and on screen. Grade names
 * (Tốt / Khá / Trung bình / Yếu) are those Khánh Hòa publishes; their thresholds were not found.
 */
const leaf = (code: string, name: string, maxScore: number, rule: ScoringRule, evidence: string | null, extra: Partial<CriterionNode> = {}): CriterionNode => ({
  code,
  name,
  maxScore,
  rule,
  evidence,
  scoredBy: 'UNIT',
  skippable: false,
  illustrative: true,
  children: [],
  ...extra,
});
const field = (code: string, name: string, children: CriterionNode[]): CriterionNode => ({
  code,
  name,
  maxScore: children.reduce((s, c) => s + c.maxScore, 0),
  rule: { kind: 'FIXED' },
  evidence: null,
  scoredBy: 'UNIT',
  skippable: false,
  // The field names are the source's; their points (the sum of illustrative criteria) are not.
  illustrative: false,
  children,
});
const YES_NO: ScoringRule = { kind: 'YES_NO' };
const PERCENT: ScoringRule = { kind: 'PERCENT_SCALE' };
/** A criterion scored by tier: each tier's label and score, best first. */
const tiers = (...steps: Array<[label: string, score: number]>): ScoringRule => ({ kind: 'TIERS', tiers: steps.map(([label, score]) => ({ label, score })) });

export const DEMO_INDEX_SET: IndexSetDefinition = {
  kind: 'PAR_INDEX_SET',
  code: 'CCHC-XA-477-2019-MINH-HOA',
  name: 'Bộ chỉ số CCHC cấp xã năm 2019 (minh họa) — huyện Quảng Điền',
  issuerCode: '477',
  level: 'COMMUNE',
  year: 2019,
  maxTotal: 100,
  source:
    'MINH HỌA: không tìm được văn bản 2642/QĐ-UBND của tỉnh Thừa Thiên Huế. Tên 7 lĩnh vực theo khung chỉ số CCHC cấp xã của Hà Nội (Báo Đầu tư đưa tin); cơ cấu 70 điểm tiêu chí + 30 điểm điều tra xã hội học theo QĐ 52/2019/QĐ-UBND của Hà Tĩnh. Các tiêu chí, điểm, cách chấm và ngưỡng xếp loại do nền tảng minh họa, không phải bộ chỉ số chính thức.',
  illustrative: true,
  grades: [
    { name: 'Tốt', minPercent: 80 },
    { name: 'Khá', minPercent: 65 },
    { name: 'Trung bình', minPercent: 50 },
    { name: 'Yếu', minPercent: 0 },
  ],
  fields: [
    field('1', 'Công tác chỉ đạo, điều hành', [
      leaf('1.1', 'Ban hành kế hoạch CCHC năm của UBND xã', 4, YES_NO, 'Kế hoạch CCHC năm đã ban hành'),
      leaf(
        '1.2',
        'Mức độ hoàn thành kế hoạch CCHC năm',
        4,
        tiers(['Hoàn thành 100%', 4], ['Từ 80% đến dưới 100%', 2], ['Dưới 80%', 0]),
        'Báo cáo kết quả thực hiện kế hoạch',
      ),
      leaf('1.3', 'Báo cáo CCHC định kỳ gửi UBND huyện đúng hạn', 2, YES_NO, 'Các báo cáo quý, 6 tháng, năm'),
    ]),
    field('2', 'Tổ chức thực hiện văn bản quy phạm pháp luật', [
      leaf('2.1', 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật', 5, YES_NO, 'Kế hoạch và báo cáo rà soát'),
      leaf('2.2', 'Kiểm tra việc thực hiện văn bản quy phạm pháp luật', 5, { kind: 'FIXED' }, 'Kế hoạch và báo cáo kiểm tra'),
    ]),
    field('3', 'Thủ tục hành chính và thực hiện cơ chế “một cửa”, “một cửa liên thông”', [
      leaf('3.1', 'Công khai đầy đủ thủ tục hành chính tại Bộ phận tiếp nhận và trả kết quả', 3, YES_NO, 'Ảnh chụp nơi niêm yết'),
      leaf('3.2', 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn', 4, PERCENT, 'Sổ theo dõi, phần mềm một cửa'),
      leaf('3.3', 'Xin lỗi tổ chức, cá nhân khi giải quyết hồ sơ trễ hẹn', 3, YES_NO, 'Thư xin lỗi'),
    ]),
    field('4', 'Nâng cao chất lượng đội ngũ', [
      leaf('4.1', 'Tỷ lệ công chức cấp xã đạt chuẩn', 5, PERCENT, 'Danh sách công chức, văn bằng'),
      leaf('4.2', 'Đánh giá, xếp loại cán bộ, công chức cuối năm', 5, YES_NO, 'Quyết định xếp loại'),
    ]),
    field('5', 'Quản lý tài chính', [
      leaf('5.1', 'Ban hành quy chế chi tiêu nội bộ', 5, YES_NO, 'Quy chế chi tiêu nội bộ'),
      leaf('5.2', 'Giao quyền tự chủ cho đơn vị sự nghiệp công lập trực thuộc', 5, YES_NO, 'Quyết định giao tự chủ', { skippable: true }),
    ]),
    field('6', 'Hiện đại hóa hành chính', [
      {
        ...field('6.1', 'Ứng dụng công nghệ thông tin', [
          leaf('6.1.1', 'Trang thông tin điện tử của xã cập nhật thường xuyên', 3, YES_NO, 'Địa chỉ trang, ảnh chụp'),
          leaf('6.1.2', 'Tỷ lệ văn bản gửi, nhận dưới dạng điện tử', 3, PERCENT, 'Thống kê phần mềm quản lý văn bản'),
        ]),
        illustrative: true,
      },
      leaf('6.2', 'Áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015', 4, YES_NO, 'Quyết định công bố'),
    ]),
    field('7', 'Tác động đến phát triển kinh tế - xã hội', [
      leaf(
        '7.1',
        'Thực hiện các chỉ tiêu phát triển kinh tế - xã hội được giao',
        10,
        tiers(['Đạt, vượt 100% chỉ tiêu', 10], ['Đạt từ 80%', 6], ['Dưới 80%', 2]),
        'Báo cáo kinh tế - xã hội năm',
      ),
    ]),
    {
      ...field('8', 'Điều tra xã hội học', [
        leaf('8.1', 'Mức độ hài lòng của người dân, tổ chức (điều tra xã hội học)', 30, { kind: 'FIXED' }, null, { scoredBy: 'SURVEY', skippable: true }),
      ]),
      // The 30 points of the survey are the source's (Hà Tĩnh's commune split); its name here is ours.
      illustrative: true,
    },
  ],
};
