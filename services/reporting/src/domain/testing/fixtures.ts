/* Fixtures of the domain's tests: a quarterly regime of a district over its communes. */
import { RegimeDefinition } from '../regime/regime';
import { ReportFacts } from '../report/report.decider';

export const quarterlyRegime = (overrides: Partial<RegimeDefinition> = {}): RegimeDefinition => ({
  id: 'r1',
  ownerCode: '513',
  name: 'Báo cáo cải cách hành chính hằng quý',
  kind: 'PERIODIC',
  periodTypes: ['QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR'],
  cutOff: { rule: 'DECREE_09' },
  deadlines: [
    { level: 'COMMUNE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 2 },
    { level: 'DISTRICT', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 4 },
  ],
  lockAfterDays: 5,
  selector: { text: 'UBND các xã, thị trấn', levels: ['COMMUNE'], unitCodes: [] },
  form: {
    sections: [
      { code: 'ket-qua', title: 'Kết quả đạt được' },
      { code: 'ton-tai', title: 'Tồn tại, hạn chế' },
      { code: 'phuong-huong', title: 'Phương hướng, nhiệm vụ kỳ tới' },
    ],
    items: [
      { code: 'NV', name: 'Số nhiệm vụ được giao', unit: 'nhiệm vụ', type: 'COUNT', required: true, min: 0, max: null, rule: 'SUM', weightItem: null, prefill: 'ASSIGNMENTS' },
      { code: 'HT', name: 'Số nhiệm vụ hoàn thành', unit: 'nhiệm vụ', type: 'COUNT', required: true, min: 0, max: null, rule: 'SUM', weightItem: null, prefill: 'COMPLETED' },
      { code: 'TD', name: 'Tiến độ bình quân', unit: '%', type: 'PERCENT', required: false, min: 0, max: 100, rule: 'WEIGHTED_MEAN', weightItem: 'NV', prefill: 'MEAN_PROGRESS' },
      { code: 'HL', name: 'Tỷ lệ hài lòng', unit: '%', type: 'PERCENT', required: false, min: 0, max: 100, rule: 'MEAN', weightItem: null, prefill: null },
      { code: 'HLMIN', name: 'Tỷ lệ hài lòng thấp nhất', unit: '%', type: 'PERCENT', required: false, min: 0, max: 100, rule: 'MIN', weightItem: null, prefill: null },
      { code: 'HLMAX', name: 'Tỷ lệ hài lòng cao nhất', unit: '%', type: 'PERCENT', required: false, min: 0, max: 100, rule: 'MAX', weightItem: null, prefill: null },
      { code: 'MC', name: 'Có Bộ phận một cửa điện tử', unit: null, type: 'YES_NO', required: false, min: null, max: null, rule: 'COUNT_YES', weightItem: null, prefill: null },
      { code: 'GC', name: 'Ghi chú', unit: null, type: 'TEXT', required: false, min: null, max: null, rule: 'NONE', weightItem: null, prefill: null },
    ],
  },
  planIds: ['plan-1'],
  source: 'Kế hoạch 09/KH-UBND, mục V',
  ...overrides,
});

export const communeReport = (overrides: Partial<ReportFacts> = {}): ReportFacts => {
  const regime = quarterlyRegime();
  return {
    id: 'r1~2021-Q3~20794',
    regimeId: 'r1',
    regimeName: regime.name,
    period: '2021-Q3',
    unitCode: '20794',
    unitName: 'Xã Bình Nguyên',
    level: 'COMMUNE',
    role: 'UNIT',
    reviewerCode: '513',
    cutOff: { from: '2021-06-15', to: '2021-09-14' },
    dueOn: '2021-09-16',
    closesOn: '2021-09-21',
    form: regime.form,
    prefill: { assignments: [], content: { sections: {}, items: { NV: 4, HT: 1, TD: 55 } } },
    ...overrides,
  };
};
