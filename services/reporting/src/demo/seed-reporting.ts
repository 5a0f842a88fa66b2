import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlanRegimeJobs } from '../automation/when-plan-issued-then-define-regime/plan-regime-jobs';
import { RegimeDefinition } from '../domain/regime/regime';
import { daNangMonthlyRegime, thangBinhRegime } from './demo-regimes';
import { regimeDecider, regimeStreamId } from '../domain/regime/regime.decider';
import { parsePeriod } from '../domain/period/period';
import { REPORTING_SCHEMA as S } from '../schema';
import { PeriodOpening } from '../write/open-period/open-period';
import { ReportingCommands } from '../write/common/reporting-commands';

export interface DemoReportingSummary {
  /** Regimes the platform made from the demo plans' reporting requirements (seed 001's interim report). */
  readonly regimesFromPlans: number;
  readonly periodsOpened: number;
  readonly expectedReports: number;
}

export { DEMO_FORM, daNangMonthlyRegime, thangBinhRegime } from './demo-regimes';

const DEMO_ACTOR = (unitCode: string) => ({ accountId: 'demo', username: 'demo', unitCode });
const THANG_BINH_Q3_OPENED = '2021-09-15';
/** The day seed 002 was issued: its regime is there from that day. */
const THANG_BINH_PLAN_DAY = '2021-01-14';
export const THANG_BINH_REGIME_ID = 'thang-binh-cchc';
const DA_NANG_REGIME_ID = 'da-nang-cchc-thang';

const demoRegimes = (today: string, twoTier: boolean): Array<{ id: string; definition: Omit<RegimeDefinition, 'id'>; definedOn: string }> => [
  { id: THANG_BINH_REGIME_ID, definition: thangBinhRegime(), definedOn: today < THANG_BINH_PLAN_DAY ? today : THANG_BINH_PLAN_DAY },
  ...(twoTier ? [{ id: DA_NANG_REGIME_ID, definition: daNangMonthlyRegime(), definedOn: today < '2025-07-01' ? today : '2025-07-01' }] : []),
];

/**
 * The regimes defined by hand, before the demo plans are issued (seed 002's reporting requirement
 * names Thăng Bình's, which its issue links). A second run finds them and changes nothing.
 */
export async function defineDemoRegimes(app: INestApplication, options: { twoTier?: boolean }): Promise<{ regimes: number }> {
  const dataSource = app.get(DataSource);
  const commands = app.get(ReportingCommands);
  let regimes = 0;
  for (const { id, definition, definedOn } of demoRegimes(commands.today(), options.twoTier === true)) {
    const [row]: Array<{ id: string }> = await dataSource.query(`SELECT id FROM "${S}".regimes WHERE id = $1`, [id]);
    if (row) continue;
    await commands.execute(
      regimeDecider,
      regimeStreamId(id),
      { type: 'DefineRegime', data: { definition: { ...definition, id }, on: definedOn } },
      await commands.metadataFor({ ...DEMO_ACTOR(definition.ownerCode), roles: [] }, definition.ownerCode),
    );
    regimes++;
  }
  return { regimes };
}

/**
 * The embedded mode's reporting demo after the plans, each act on its own day: once the issued
 * plans' reporting requirements are worked off (Thăng Bình's regime linked to seed 002, seed 001's
 * interim report made a regime of Vị Xuyên's), Q3/2021 of Thăng Bình's opened on 15/9/2021 when the
 * clock has reached it, and with the two tiers Đà Nẵng's current month when the clock is past the
 * reorganisation. A second run finds them and changes nothing.
 */
export async function seedDemoReporting(
  app: INestApplication,
  options: { thangBinhPlanId: string; twoTier?: boolean; timeoutMs?: number },
): Promise<DemoReportingSummary> {
  const dataSource = app.get(DataSource);
  const commands = app.get(ReportingCommands);
  const opening = app.get(PeriodOpening);
  const jobs = app.get(PlanRegimeJobs);
  const today = commands.today();
  // The plans' requirements arrive over the bus: wait until Thăng Bình's regime lists its plan and the queue is idle.
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const [linked]: Array<{ n: number }> = await dataSource.query(`SELECT count(*)::int AS n FROM "${S}".regimes WHERE id = $1 AND state->'planIds' ? $2`, [
      THANG_BINH_REGIME_ID,
      options.thangBinhPlanId,
    ]);
    if (linked.n > 0 && (await jobs.idle())) break;
    if (Date.now() > deadline)
      throw new Error(
        `demo reporting: regime ${THANG_BINH_REGIME_ID} not linked to plan ${options.thangBinhPlanId} within ${options.timeoutMs ?? 60_000} ms (reporting.plan-regimes jobs pending or dead-lettered)`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let periodsOpened = 0;
  let expectedReports = 0;
  const open = async (id: string, period: { key: string; on: string }) => {
    const [cycle]: Array<{ id: string }> = await dataSource.query(`SELECT id FROM "${S}".cycles WHERE regime_id = $1 AND period = $2`, [id, period.key]);
    if (cycle) return;
    const [row]: Array<{ state: RegimeDefinition }> = await dataSource.query(`SELECT state FROM "${S}".regimes WHERE id = $1`, [id]);
    const opened = await opening.openAs(DEMO_ACTOR(row.state.ownerCode), row.state, period.key, period.on);
    periodsOpened++;
    expectedReports += opened.expected;
  };
  if (today >= THANG_BINH_Q3_OPENED) await open(THANG_BINH_REGIME_ID, { key: '2021-Q3', on: THANG_BINH_Q3_OPENED });
  if (options.twoTier && today >= '2025-07-01') await open(DA_NANG_REGIME_ID, { key: parsePeriod(today.slice(0, 7)).key, on: today });
  const [fromPlans]: Array<{ n: number }> = await dataSource.query(
    `SELECT count(*)::int AS n FROM "${S}".regimes WHERE state->'fromPlan' IS NOT NULL AND state->>'fromPlan' <> 'null'`,
  );
  return { regimesFromPlans: fromPlans.n, periodsOpened, expectedReports };
}
