/*
 * The demo's regimes as data (no framework): the seed defines them, and the domain's test
 * fixtures start from Thăng Bình's, so that a regime of the kind plans really set is written once.
 */
import { STANDARD_FORM } from '../domain/regime/from-plan';
import { percentItem, RegimeDefinition, yesNoItem } from '../domain/regime/regime';

/** The form every demo regime uses: the standard form of regimes made from plans, and figures units report beyond it. */
export const DEMO_FORM: RegimeDefinition['form'] = {
  sections: STANDARD_FORM.sections,
  items: [
    ...STANDARD_FORM.items,
    {
      code: 'TTHC_HS',
      name: 'Số hồ sơ thủ tục hành chính tiếp nhận',
      unit: 'hồ sơ',
      type: 'COUNT',
      required: false,
      min: 0,
      max: null,
      rule: 'SUM',
      weightItem: null,
      prefill: null,
    },
    percentItem('HAI_LONG', 'Tỷ lệ hài lòng của người dân', 'MEAN'),
    percentItem('HL_THAP', 'Tỷ lệ hài lòng thấp nhất', 'MIN'),
    yesNoItem('MOT_CUA_DT', 'Có Bộ phận một cửa điện tử'),
  ],
};

/**
 * Seed 002, section V: Thăng Bình's communes report quarterly to the district (Phòng Nội vụ), which
 * consolidates. Defined before the plan is issued; the plan's reporting requirement names it, and
 * issuing the plan links it (the plan's assignments then pre-fill its reports).
 */
export const thangBinhRegime = (): Omit<RegimeDefinition, 'id'> => ({
  ownerCode: '513',
  name: 'Báo cáo kết quả thực hiện công tác cải cách hành chính',
  kind: 'PERIODIC',
  periodTypes: ['QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR'],
  cutOff: { rule: 'DECREE_09' },
  deadlines: [
    { level: 'COMMUNE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 2 },
    { level: 'DISTRICT', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 4 },
  ],
  lockAfterDays: 5,
  selector: { text: 'UBND các xã, thị trấn', levels: ['COMMUNE'], unitCodes: [] },
  form: DEMO_FORM,
  planIds: [],
  source: 'Kế hoạch 53/KH-UBND của UBND huyện Thăng Bình, mục V: định kỳ hằng quý báo cáo kết quả thực hiện về UBND huyện (qua Phòng Nội vụ)',
});

/** Today's two tiers: the new Đà Nẵng's 94 communes, wards and special zone report monthly to the city, one level of deadlines. */
export const daNangMonthlyRegime = (): Omit<RegimeDefinition, 'id'> => ({
  ownerCode: '48',
  name: 'Báo cáo tình hình thực hiện nhiệm vụ cải cách hành chính hằng tháng',
  kind: 'PERIODIC',
  periodTypes: ['MONTH'],
  cutOff: { rule: 'DECREE_09' },
  deadlines: [{ level: 'COMMUNE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 3 }],
  lockAfterDays: 5,
  selector: { text: 'UBND các xã, phường, đặc khu', levels: ['COMMUNE'], unitCodes: [] },
  form: DEMO_FORM,
  planIds: [],
  source: null,
});
