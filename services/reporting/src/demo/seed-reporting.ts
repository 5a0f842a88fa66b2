import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegimeDefinition } from '../domain/regime/regime';
import { daNangMonthlyRegime, thangBinhRegime } from './demo-regimes';
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

export { DEMO_FORM, daNangMonthlyRegime, thangBinhRegime } from './demo-regimes';

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
