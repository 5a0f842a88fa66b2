import { AssignmentFact, Comparator, evaluateTarget, meets, periodEnd, ReportedFigure, Target } from './target-achievement';

const figure = (value: number, overrides: Partial<ReportedFigure> = {}): ReportedFigure => ({
  reportId: `r~${overrides.period ?? '2021'}~${overrides.unitCode ?? '026'}`,
  itemCode: 'TL',
  itemType: 'PERCENT',
  unitCode: '026',
  period: '2021',
  value,
  on: '2021-12-24',
  ...overrides,
});
const assignment = (id: string, completedOn: string | null, cancelled = false): AssignmentFact => ({
  assignmentId: id,
  unitCode: `u${id}`,
  completedOn,
  cancelled,
});
const none = { figures: [], assignments: [] };

describe('meets: every comparator at, below and above the target', () => {
  const rows: ReadonlyArray<[Comparator, number, number, boolean]> = [
    ['gte', 95, 95, true],
    ['gte', 94.9, 95, false],
    ['gt', 99.5, 99.5, false],
    ['gt', 99.6, 99.5, true],
    ['lte', 5, 5, true],
    ['lte', 5.1, 5, false],
    ['lt', 5, 5, false],
    ['lt', 4.9, 5, true],
    ['eq', 0, 0, true],
    ['eq', 1, 0, false],
    ['gte', 0.1 + 0.2, 0.3, true],
  ];
  it.each(rows)('%s: %p against %p → %p', (comparator, actual, value, expected) => {
    expect(meets(actual, comparator, value)).toBe(expected);
  });
});

describe('evaluateTarget', () => {
  const pct = (comparator: Comparator, value: number): Target => ({ kind: 'percentage', text: `${comparator} ${value}%`, comparator, value });
  const rows: ReadonlyArray<[string, Target, Parameters<typeof evaluateTarget>[1], { status: string; actual: number | null; trail: number }]> = [
    ['"trên 99,5%" with 99.7 reported', pct('gt', 99.5), { figures: [figure(99.7)], assignments: [] }, { status: 'ACHIEVED', actual: 99.7, trail: 1 }],
    [
      '"trên 99,5%" with exactly 99.5 reported',
      pct('gt', 99.5),
      { figures: [figure(99.5)], assignments: [] },
      { status: 'NOT_ACHIEVED', actual: 99.5, trail: 1 },
    ],
    ['"ít nhất 95%" with 93.2', pct('gte', 95), { figures: [figure(93.2)], assignments: [] }, { status: 'NOT_ACHIEVED', actual: 93.2, trail: 1 }],
    ['"tối đa 5%" with 4', pct('lte', 5), { figures: [figure(4)], assignments: [] }, { status: 'ACHIEVED', actual: 4, trail: 1 }],
    ['"dưới 5%" with 5', pct('lt', 5), { figures: [figure(5)], assignments: [] }, { status: 'NOT_ACHIEVED', actual: 5, trail: 1 }],
    ['"đúng 50%" with 50', pct('eq', 50), { figures: [figure(50)], assignments: [] }, { status: 'ACHIEVED', actual: 50, trail: 1 }],
    ['a percentage with nothing reported', pct('gte', 95), none, { status: 'UNKNOWN', actual: null, trail: 0 }],
    [
      'a percentage with only a COUNT item reported',
      pct('gte', 95),
      { figures: [figure(96, { itemType: 'COUNT' })], assignments: [] },
      { status: 'UNKNOWN', actual: null, trail: 0 },
    ],
    [
      'a percentage: the latest period wins (Q3 before the year)',
      pct('gte', 90),
      { figures: [figure(80, { period: '2021-Q3', on: '2021-09-20' }), figure(92, { period: '2021', on: '2021-12-24' })], assignments: [] },
      { status: 'ACHIEVED', actual: 92, trail: 1 },
    ],
    [
      'a percentage: three units of the latest period averaged',
      pct('gte', 90),
      { figures: [figure(95, { unitCode: 'a' }), figure(90, { unitCode: 'b' }), figure(82, { unitCode: 'c' })], assignments: [] },
      { status: 'NOT_ACHIEVED', actual: 89, trail: 3 },
    ],
    [
      'a percentage: a unit resubmitted and accepted again counts once, its latest',
      pct('gte', 90),
      { figures: [figure(85, { on: '2021-12-20' }), figure(91, { on: '2021-12-28' })], assignments: [] },
      { status: 'ACHIEVED', actual: 91, trail: 1 },
    ],
    [
      '"Ít nhất 01 đợt/năm" with 2 in the year',
      { kind: 'count', text: 'Ít nhất 01 đợt/năm', comparator: 'gte', value: 1, unit: 'đợt', per: 'year' },
      { figures: [figure(2, { itemType: 'COUNT' })], assignments: [] },
      { status: 'ACHIEVED', actual: 2, trail: 1 },
    ],
    [
      '"01 lần/quý": quarterly figures only, the year\'s figure ignored',
      { kind: 'count', text: '01 lần/quý', comparator: 'gte', value: 1, unit: 'lần', per: 'quarter' },
      { figures: [figure(0, { itemType: 'COUNT', period: '2021-Q4' }), figure(3, { itemType: 'COUNT', period: '2021' })], assignments: [] },
      { status: 'NOT_ACHIEVED', actual: 0, trail: 1 },
    ],
    [
      '"01 lần/năm" with only a quarter reported',
      { kind: 'count', text: '01 lần/năm', comparator: 'gte', value: 1, unit: 'lần', per: 'year' },
      { figures: [figure(1, { itemType: 'COUNT', period: '2021-Q3' })], assignments: [] },
      { status: 'UNKNOWN', actual: null, trail: 0 },
    ],
    [
      '"Không có trường hợp ..." (eq 0): summed over the units',
      { kind: 'count', text: 'Không có trường hợp ...', comparator: 'eq', value: 0, unit: 'trường hợp', per: 'period' },
      { figures: [figure(0, { itemType: 'COUNT', unitCode: 'a' }), figure(1, { itemType: 'COUNT', unitCode: 'b' })], assignments: [] },
      { status: 'NOT_ACHIEVED', actual: 1, trail: 2 },
    ],
    [
      'coverage: every assignment completed (a cancelled one left out)',
      { kind: 'coverage', text: '100% các xã, thị trấn', value: 100, of: 'các xã, thị trấn' },
      { figures: [], assignments: [assignment('1', '2021-06-01'), assignment('2', '2021-07-01'), assignment('3', null, true)] },
      { status: 'ACHIEVED', actual: 100, trail: 2 },
    ],
    [
      'coverage: two of three completed',
      { kind: 'coverage', text: '100% các xã, thị trấn', value: 100, of: 'các xã, thị trấn' },
      { figures: [], assignments: [assignment('1', '2021-06-01'), assignment('2', '2021-07-01'), assignment('3', null)] },
      { status: 'NOT_ACHIEVED', actual: 66.667, trail: 3 },
    ],
    [
      'coverage: two of three completed before the due day → in progress',
      { kind: 'coverage', text: '100% các xã, thị trấn', value: 100, of: 'các xã, thị trấn' },
      {
        figures: [],
        assignments: [assignment('1', '2021-06-01'), assignment('2', '2021-07-01'), assignment('3', null)],
        dueOn: '2021-12-31',
        today: '2021-09-15',
      },
      { status: 'UNKNOWN', actual: 66.667, trail: 3 },
    ],
    [
      'coverage: two of three completed after the due day',
      { kind: 'coverage', text: '100% các xã, thị trấn', value: 100, of: 'các xã, thị trấn' },
      {
        figures: [],
        assignments: [assignment('1', '2021-06-01'), assignment('2', '2021-07-01'), assignment('3', null)],
        dueOn: '2021-12-31',
        today: '2022-01-01',
      },
      { status: 'NOT_ACHIEVED', actual: 66.667, trail: 3 },
    ],
    [
      'coverage: all completed before the due day',
      { kind: 'coverage', text: '100% các xã, thị trấn', value: 100, of: 'các xã, thị trấn' },
      { figures: [], assignments: [assignment('1', '2021-06-01')], dueOn: '2021-12-31', today: '2021-09-15' },
      { status: 'ACHIEVED', actual: 100, trail: 1 },
    ],
    [
      'coverage: a plan with no last year is never past due',
      { kind: 'coverage', text: '100% các xã, thị trấn', value: 100, of: 'các xã, thị trấn' },
      { figures: [], assignments: [assignment('1', null)], dueOn: null, today: '2030-01-01' },
      { status: 'UNKNOWN', actual: 0, trail: 1 },
    ],
    ['coverage: no assignment', { kind: 'coverage', text: '100% các xã', value: 100, of: 'các xã' }, none, { status: 'UNKNOWN', actual: null, trail: 0 }],
    [
      'rank: not compared',
      { kind: 'rank', text: 'trong nhóm 08 ...', top: 8, among: 'huyện' },
      { figures: [figure(3)], assignments: [] },
      { status: 'UNKNOWN', actual: null, trail: 0 },
    ],
    ['free text', { kind: 'text', text: 'Theo kế hoạch của huyện' }, { figures: [figure(3)], assignments: [] }, { status: 'UNKNOWN', actual: null, trail: 0 }],
  ];
  it.each(rows)('%s', (_, target, facts, expected) => {
    const result = evaluateTarget(target, facts);
    expect({ status: result.status, actual: result.actual, trail: result.trail.length }).toEqual(expected);
    expect(result.target).toBe(target.text);
  });

  it('keeps the trail to each figure: report id, unit, item, period, value and day', () => {
    const result = evaluateTarget(pct('gt', 99.5), { figures: [figure(99.7, { reportId: 'ha-giang~2021~026', itemCode: 'TL_CU_TRI' })], assignments: [] });
    expect(result.trail).toEqual([
      { source: 'REPORT', id: 'ha-giang~2021~026', unitCode: '026', figure: 99.7, on: '2021-12-24', period: '2021', itemCode: 'TL_CU_TRI' },
    ]);
    expect(result.basis).toBe('báo cáo kỳ 2021');
  });

  describe('several targets in one cell', () => {
    const both: Target = {
      kind: 'all',
      text: 'Có ít nhất 95% kết quả giải quyết đúng hạn; có văn bản xin lỗi đối với 100% hồ sơ có kết quả giải quyết trễ hạn',
      parts: [
        { kind: 'percentage', text: 'Có ít nhất 95% kết quả giải quyết đúng hạn', comparator: 'gte', value: 95 },
        { kind: 'coverage', text: 'có văn bản xin lỗi đối với 100% hồ sơ ...', value: 100, of: 'hồ sơ ...' },
        { kind: 'text', text: 'Các TTHC được tích hợp.' },
      ],
    };
    const rows: ReadonlyArray<[string, Parameters<typeof evaluateTarget>[1], string]> = [
      ['a part not achieved → not achieved', { figures: [figure(93)], assignments: [assignment('1', '2021-05-01')] }, 'NOT_ACHIEVED'],
      ['every comparable part achieved → achieved (free text ignored)', { figures: [figure(96)], assignments: [assignment('1', '2021-05-01')] }, 'ACHIEVED'],
      ['one part achieved, one unknown → unknown', { figures: [figure(96)], assignments: [] }, 'UNKNOWN'],
    ];
    it.each(rows)('%s', (_, facts, status) => {
      const result = evaluateTarget(both, facts);
      expect(result.status).toBe(status);
      expect(result.parts.map((p) => p.kind)).toEqual(['percentage', 'coverage', 'text']);
    });
  });

  it('says why a coverage in progress is unknown', () => {
    const result = evaluateTarget(
      { kind: 'coverage', text: '100% các xã', value: 100, of: 'các xã' },
      { figures: [], assignments: [assignment('1', null), assignment('2', '2021-07-01')], dueOn: '2021-12-31', today: '2021-09-15' },
    );
    expect(result.basis).toBe('Đang thực hiện, hạn 31/12/2021: 1/2 nhiệm vụ được giao đã hoàn thành');
  });

  it('orders period keys by their last day', () => {
    expect(['2021', '2021-Q3', '2021-H1', '2021-M9', '2021-09', 'AD_HOC'].map(periodEnd)).toEqual([
      '2021-12-31',
      '2021-09-31',
      '2021-06-31',
      '2021-09-31',
      '2021-09-31',
      '0000-00-00',
    ]);
  });
});
