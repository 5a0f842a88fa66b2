import { checkRegime } from './regime';
import { parseRequirement, regimeFromRequirement } from './from-plan';

describe("a plan's reporting requirement read as a schedule", () => {
  it.each([
    [
      'seed 002, V',
      'Tăng cường công tác tự kiểm tra, giám sát tình hình thực hiện cải cách hành chính tại các cơ quan, đơn vị và báo cáo kết quả về Ủy ban nhân dân huyện (qua Phòng Nội vụ) định kỳ hằng quý, 6 tháng, 9 tháng và năm.',
      { kind: 'PERIODIC', periodTypes: ['QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR'] },
    ],
    ['the brief', 'báo cáo định kỳ hằng quý, 6 tháng, 9 tháng và năm', { kind: 'PERIODIC', periodTypes: ['QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR'] }],
    [
      'seed 002, quarterly only',
      'định kỳ hằng quý báo cáo kết quả thực hiện về UBND huyện (qua Phòng Nội vụ) để tổng hợp báo cáo',
      { kind: 'PERIODIC', periodTypes: ['QUARTER'] },
    ],
    ['"hàng" spelling, months', 'Báo cáo tình hình thực hiện hàng tháng về Sở Nội vụ', { kind: 'PERIODIC', periodTypes: ['MONTH'] }],
    ['words for numbers', 'Định kỳ sáu tháng và cả năm báo cáo UBND tỉnh', { kind: 'PERIODIC', periodTypes: ['HALF_YEAR', 'YEAR'] }],
    [
      'seed 001, interim report',
      'Báo cáo sơ kết kết quả thực hiện (trước ngày 15/9/2021) và báo cáo tổng kết theo chỉ đạo của UBND huyện (gửi Phòng Nội vụ tổng hợp)',
      { kind: 'AD_HOC', dueOn: '2021-09-15', title: 'Báo cáo sơ kết' },
    ],
    ['the brief, ad hoc', 'báo cáo sơ kết trước ngày 15/9/2021', { kind: 'AD_HOC', dueOn: '2021-09-15', title: 'Báo cáo sơ kết' }],
    [
      "seed 001's cascade sentence: the plan's deadline is not the report's",
      'xây dựng kế hoạch của cơ quan, đơn vị gửi UBND huyện (trước ngày 15/6/2021); báo cáo sơ kết kết quả thực hiện (trước ngày 15/9/2021)',
      { kind: 'AD_HOC', dueOn: '2021-09-15', title: 'Báo cáo sơ kết' },
    ],
    ["no year: the plan's", 'Báo cáo tổng kết gửi Phòng Nội vụ chậm nhất ngày 10 tháng 12', { kind: 'AD_HOC', dueOn: '2021-12-10', title: 'Báo cáo tổng kết' }],
    ['a day that does not exist', 'Báo cáo trước ngày 31/9/2021', null],
    ['no schedule at all', 'Các cơ quan, đơn vị phát huy tinh thần chủ động, sáng tạo', null],
    ['periodic words without a period', 'định kỳ kiểm tra, đôn đốc', null],
  ])('%s', (_name, text, expected) => expect(parseRequirement(text, 2021)).toEqual(expected));
});

describe('the regime a requirement makes', () => {
  const plan = {
    planId: 'p-53',
    number: '53/KH-UBND',
    issuerCode: '513',
    issuedOn: '2021-01-20',
    year: 2021,
    implementingUnitCodes: ['20797', '513.PNV', '20794', '20797', '513'],
  };

  it('periodic: owned by the issuer, the implementing units (not the issuer) report, Decree 09 cut-off, the standard deadlines, the plan linked', () => {
    const regime = regimeFromRequirement(plan, { text: 'báo cáo định kỳ hằng quý, 6 tháng, 9 tháng và năm' }, 1);
    expect(regime).toMatchObject({
      id: 'p-53~bc1',
      ownerCode: '513',
      kind: 'PERIODIC',
      periodTypes: ['QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR'],
      cutOff: { rule: 'DECREE_09' },
      selector: { levels: [], unitCodes: ['513.PNV', '20794', '20797'] },
      planIds: ['p-53'],
      fromPlan: { planId: 'p-53', planNumber: '53/KH-UBND', requirement: 1 },
    });
    expect(regime && checkRegime(regime)).toBeTruthy();
  });

  it('ad hoc: one period whose cut-off ends the day before the deadline written', () => {
    const regime = regimeFromRequirement(plan, { text: 'báo cáo sơ kết trước ngày 15/9/2021' }, 2);
    expect(regime).toMatchObject({
      id: 'p-53~bc2',
      kind: 'AD_HOC',
      periodTypes: ['AD_HOC'],
      cutOff: { rule: 'FIXED', from: '2021-01-20', to: '2021-09-14' },
      name: 'Báo cáo sơ kết kết quả thực hiện Kế hoạch 53/KH-UBND',
    });
    expect(regime && checkRegime(regime)).toBeTruthy();
  });

  it('none from a text without a schedule', () => expect(regimeFromRequirement(plan, { text: 'Các cơ quan chủ động thực hiện' }, 1)).toBeNull());
});
