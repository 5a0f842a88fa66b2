/* Fixtures of the domain's tests: a quarterly regime of a district over its communes. */
import { DEMO_FORM, thangBinhRegime } from '../../demo/demo-regimes';
import { assignmentCount, percentItem, RegimeDefinition, yesNoItem } from '../regime/regime';
import { ReportFacts } from '../report/report.decider';

/** Thăng Bình's quarterly regime of the demo (one source), with items covering every rule. */
export const quarterlyRegime = (overrides: Partial<RegimeDefinition> = {}): RegimeDefinition => ({
  ...thangBinhRegime(),
  planIds: ['plan-1'],
  id: 'r1',
  name: 'Báo cáo cải cách hành chính hằng quý',
  form: {
    sections: DEMO_FORM.sections,
    items: [
      assignmentCount('NV', 'Số nhiệm vụ được giao', true, 'ASSIGNMENTS'),
      assignmentCount('HT', 'Số nhiệm vụ hoàn thành', true, 'COMPLETED'),
      percentItem('TD', 'Tiến độ bình quân', 'WEIGHTED_MEAN', 'NV', 'MEAN_PROGRESS'),
      percentItem('HL', 'Tỷ lệ hài lòng', 'MEAN'),
      percentItem('HLMIN', 'Tỷ lệ hài lòng thấp nhất', 'MIN'),
      percentItem('HLMAX', 'Tỷ lệ hài lòng cao nhất', 'MAX'),
      yesNoItem('MC', 'Có Bộ phận một cửa điện tử'),
      { code: 'GC', name: 'Ghi chú', unit: null, type: 'TEXT', required: false, min: null, max: null, rule: 'NONE', weightItem: null, prefill: null },
    ],
  },
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
