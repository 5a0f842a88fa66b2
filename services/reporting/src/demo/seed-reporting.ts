import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegimeDefinition } from '../domain/regime/regime';
import { regimeDecider, regimeStreamId } from '../domain/regime/regime.decider';
import { parsePeriod } from '../domain/period/period';
import { REPORTING_SCHEMA as S } from '../schema';
import { PeriodOpening } from '../write/open-period/open-period';
import { ReportingCommands } from '../write/shared/reporting-commands';

export interface DemoReportingSummary {
  readonly regimes: number;
  readonly periodsOpened: number;
  readonly expectedReports: number;
}

/** The form every demo regime uses: the three sections plans ask for, and figures the platform can pre-fill. */
export const DEMO_FORM: RegimeDefinition['form'] = {
  sections: [
    { code: 'ket-qua', title: 'Kết quả đạt được' },
    { code: 'ton-tai', title: 'Tồn tại, hạn chế' },
    { code: 'phuong-huong', title: 'Phương hướng, nhiệm vụ kỳ tới' },
  ],
  items: [
    { code: 'NV_GIAO', name: 'Số nhiệm vụ được giao', unit: 'nhiệm vụ', type: 'COUNT', required: true, min: 0, max: null, rule: 'SUM', weightItem: null, prefill: 'ASSIGNMENTS' },
    { code: 'NV_HT', name: 'Số nhiệm vụ đã hoàn thành', unit: 'nhiệm vụ', type: 'COUNT', required: true, min: 0, max: null, rule: 'SUM', weightItem: null, prefill: 'COMPLETED' },
    { code: 'NV_QH', name: 'Số nhiệm vụ quá hạn', unit: 'nhiệm vụ', type: 'COUNT', required: false, min: 0, max: null, rule: 'SUM', weightItem: null, prefill: 'OVERDUE' },
    { code: 'TIEN_DO', name: 'Tiến độ bình quân các nhiệm vụ', unit: '%', type: 'PERCENT', required: false, min: 0, max: 100, rule: 'WEIGHTED_MEAN', weightItem: 'NV_GIAO', prefill: 'MEAN_PROGRESS' },
    { code: 'TTHC_HS', name: 'Số hồ sơ thủ tục hành chính tiếp nhận', unit: 'hồ sơ', type: 'COUNT', required: false, min: 0, max: null, rule: 'SUM', weightItem: null, prefill: null },
    { code: 'HAI_LONG', name: 'Tỷ lệ hài lòng của người dân', unit: '%', type: 'PERCENT', required: false, min: 0, max: 100, rule: 'MEAN', weightItem: null, prefill: null },
    { code: 'HL_THAP', name: 'Tỷ lệ hài lòng thấp nhất', unit: '%', type: 'PERCENT', required: false, min: 0, max: 100, rule: 'MIN', weightItem: null, prefill: null },
    { code: 'MOT_CUA_DT', name: 'Có Bộ phận một cửa điện tử', unit: null, type: 'YES_NO', required: false, min: null, max: null, rule: 'COUNT_YES', weightItem: null, prefill: null },
  ],
};

/** Seed 002, section V: Thăng Bình's communes report quarterly to the district (Phòng Nội vụ), which consolidates. */
export const thangBinhRegime = (planId: string): Omit<RegimeDefinition, 'id'> => ({
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
  planIds: [planId],
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

const DEMO_ACTOR = (unitCode: string) => ({ accountId: 'demo', username: 'demo', unitCode });
const THANG_BINH_Q3_OPENED = '2021-09-15';

/**
 * The embedded mode's reporting demo, each act on its own day: Thăng Bình's quarterly regime
 * (defined the day its plan's section V applies, Q3/2021 opened on 15/9/2021 when the clock has
 * reached it), and with the two tiers Đà Nẵng's monthly regime, the current month opened when
 * the clock is past the reorganisation. A second run finds them and changes nothing.
 */
export async function seedDemoReporting(app: INestApplication, options: { thangBinhPlanId: string; twoTier?: boolean }): Promise<DemoReportingSummary> {
  const dataSource = app.get(DataSource);
  const commands = app.get(ReportingCommands);
  const opening = app.get(PeriodOpening);
  const today = commands.today();
  let regimes = 0;
  let periodsOpened = 0;
  let expectedReports = 0;
  const ensure = async (key: string, definition: Omit<RegimeDefinition, 'id'>, definedOn: string, period: { key: string; on: string } | null) => {
    const [row]: Array<{ id: string }> = await dataSource.query(`SELECT id FROM "${S}".regimes WHERE id = $1`, [key]);
    if (!row) {
      await commands.execute(regimeDecider, regimeStreamId(key), { type: 'DefineRegime', data: { definition: { ...definition, id: key }, on: definedOn } }, await commands.metadataFor({ ...DEMO_ACTOR(definition.ownerCode), roles: [] }, definition.ownerCode));
      regimes++;
    }
    if (!period) return;
    const [cycle]: Array<{ id: string }> = await dataSource.query(`SELECT id FROM "${S}".cycles WHERE regime_id = $1 AND period = $2`, [key, period.key]);
    if (cycle) return;
    const opened = await opening.openAs(DEMO_ACTOR(definition.ownerCode), { ...definition, id: key }, period.key, period.on);
    periodsOpened++;
    expectedReports += opened.expected;
  };
  await ensure('thang-binh-cchc', thangBinhRegime(options.thangBinhPlanId), today < '2021-06-15' ? today : '2021-06-15', today >= THANG_BINH_Q3_OPENED ? { key: '2021-Q3', on: THANG_BINH_Q3_OPENED } : null);
  if (options.twoTier) {
    const month = parsePeriod(today.slice(0, 7)).key;
    await ensure('da-nang-cchc-thang', daNangMonthlyRegime(), today < '2025-07-01' ? today : '2025-07-01', today >= '2025-07-01' ? { key: month, on: today } : null);
  }
  return { regimes, periodsOpened, expectedReports };
}
