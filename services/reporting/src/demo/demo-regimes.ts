/*
 * The demo's regimes as data (no framework): the seed defines them, and the domain's test
 * fixtures start from Thăng Bình's, so that a regime of the kind plans really set is written once.
 */
import { RegimeDefinition } from '../domain/regime/regime';

/** The form every demo regime uses: the three sections plans ask for, and figures the platform can pre-fill. */
export const DEMO_FORM: RegimeDefinition['form'] = {
  sections: [
    { code: 'ket-qua', title: 'Kết quả đạt được' },
    { code: 'ton-tai', title: 'Tồn tại, hạn chế' },
    { code: 'phuong-huong', title: 'Phương hướng, nhiệm vụ kỳ tới' },
  ],
  items: [
    {
      code: 'NV_GIAO',
      name: 'Số nhiệm vụ được giao',
      unit: 'nhiệm vụ',
      type: 'COUNT',
      required: true,
      min: 0,
      max: null,
      rule: 'SUM',
      weightItem: null,
      prefill: 'ASSIGNMENTS',
    },
    {
      code: 'NV_HT',
      name: 'Số nhiệm vụ đã hoàn thành',
      unit: 'nhiệm vụ',
      type: 'COUNT',
      required: true,
      min: 0,
      max: null,
      rule: 'SUM',
      weightItem: null,
      prefill: 'COMPLETED',
    },
    {
      code: 'NV_QH',
      name: 'Số nhiệm vụ quá hạn',
      unit: 'nhiệm vụ',
      type: 'COUNT',
      required: false,
      min: 0,
      max: null,
      rule: 'SUM',
      weightItem: null,
      prefill: 'OVERDUE',
    },
    {
      code: 'TIEN_DO',
      name: 'Tiến độ bình quân các nhiệm vụ',
      unit: '%',
      type: 'PERCENT',
      required: false,
      min: 0,
      max: 100,
      rule: 'WEIGHTED_MEAN',
      weightItem: 'NV_GIAO',
      prefill: 'MEAN_PROGRESS',
    },
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
    {
      code: 'HAI_LONG',
      name: 'Tỷ lệ hài lòng của người dân',
      unit: '%',
      type: 'PERCENT',
      required: false,
      min: 0,
      max: 100,
      rule: 'MEAN',
      weightItem: null,
      prefill: null,
    },
    {
      code: 'HL_THAP',
      name: 'Tỷ lệ hài lòng thấp nhất',
      unit: '%',
      type: 'PERCENT',
      required: false,
      min: 0,
      max: 100,
      rule: 'MIN',
      weightItem: null,
      prefill: null,
    },
    {
      code: 'MOT_CUA_DT',
      name: 'Có Bộ phận một cửa điện tử',
      unit: null,
      type: 'YES_NO',
      required: false,
      min: null,
      max: null,
      rule: 'COUNT_YES',
      weightItem: null,
      prefill: null,
    },
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
