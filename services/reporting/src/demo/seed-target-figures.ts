import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DataItem, RegimeDefinition } from '../domain/regime/regime';
import { regimeDecider, regimeStreamId } from '../domain/regime/regime.decider';
import { reportDecider, reportIdOf, reportStreamId } from '../domain/report/report.decider';
import { REPORTING_SCHEMA as S } from '../schema';
import { PeriodOpening } from '../write/open-period/open-period';
import { ReportingCommands } from '../write/common/reporting-commands';

/**
 * Issue 19's target achievement in the demo: the provinces ask the districts of their PAPI plans
 * for a year-end report whose data items measure the plans' percentage and count targets, and
 * accept it. The figures are ILLUSTRATIVE (no published source gives them): they are chosen so
 * that the plan page shows each outcome — a target met, one missed, and targets with nothing
 * reported (unknown). The task ids are the plans' own (t1, t2... in appendix order, seeds 000, 001).
 */
interface DemoTargetReport {
  readonly key: string;
  readonly planKey: string;
  readonly ownerCode: string;
  readonly unitCode: string;
  readonly name: string;
  readonly period: string;
  readonly definedOn: string;
  readonly openedOn: string;
  readonly submittedOn: string;
  readonly acceptedOn: string;
  readonly items: ReadonlyArray<{
    readonly code: string;
    readonly name: string;
    readonly type: 'PERCENT' | 'COUNT';
    readonly taskId: string;
    readonly value: number;
  }>;
}

export const DEMO_TARGET_REPORTS: readonly DemoTargetReport[] = [
  {
    key: 'vi-xuyen-papi-2021-ket-qua',
    planKey: 'vi-xuyen-papi-2021',
    ownerCode: '02',
    unitCode: '030',
    name: 'Báo cáo kết quả thực hiện Kế hoạch cải thiện chỉ số PAPI năm 2021 (số liệu minh họa)',
    period: '2021',
    definedOn: '2021-06-01',
    openedOn: '2021-12-01',
    submittedOn: '2021-12-17',
    acceptedOn: '2021-12-22',
    items: [
      // t3 "Tỷ lệ cử tri đi bầu đạt trên 99,5%": met.
      { code: 'TL_CU_TRI', name: 'Tỷ lệ cử tri đi bầu', type: 'PERCENT', taskId: 't3', value: 99.72 },
      // t24 "Có ít nhất 95% kết quả giải quyết đúng hạn; ... 100% hồ sơ trễ hạn": missed.
      { code: 'TL_DUNG_HAN', name: 'Tỷ lệ kết quả giải quyết đúng hạn', type: 'PERCENT', taskId: 't24', value: 93.4 },
      // t34 "90% người dân nông thôn được dùng nước sinh hoạt hợp vệ sinh": met.
      { code: 'TL_NUOC_HVS', name: 'Tỷ lệ người dân nông thôn dùng nước hợp vệ sinh', type: 'PERCENT', taskId: 't34', value: 91.2 },
      // t29 "Ít nhất 01 đợt/năm": met.
      { code: 'SO_DOT_KT', name: 'Số đợt kiểm tra trong năm', type: 'COUNT', taskId: 't29', value: 2 },
    ],
  },
  {
    key: 'nong-son-papi-2020-ket-qua',
    planKey: 'nong-son-papi-2020',
    ownerCode: '49',
    unitCode: '519',
    name: 'Báo cáo kết quả thực hiện Kế hoạch cải thiện chỉ số PAPI năm 2020 (số liệu minh họa)',
    period: '2020',
    definedOn: '2020-08-01',
    openedOn: '2020-12-01',
    submittedOn: '2020-12-16',
    acceptedOn: '2020-12-21',
    items: [
      // t12 "95% hài lòng": met.
      { code: 'TL_HAI_LONG', name: 'Tỷ lệ người dân hài lòng', type: 'PERCENT', taskId: 't12', value: 96.1 },
      // t29 "Đạt trên 90% lượng rác thải ... được thu gom xử lý": missed.
      { code: 'TL_RAC_THAI', name: 'Tỷ lệ rác thải được thu gom xử lý', type: 'PERCENT', taskId: 't29', value: 88.5 },
    ],
  },
];

const DEMO_ACTOR = (unitCode: string) => ({ accountId: 'demo', username: 'demo', unitCode });

export const demoTargetRegime = (demo: DemoTargetReport, planId: string): RegimeDefinition => ({
  id: demo.key,
  ownerCode: demo.ownerCode,
  name: demo.name,
  kind: 'THEMATIC',
  periodTypes: ['YEAR'],
  cutOff: { rule: 'DECREE_09' },
  deadlines: [{ level: 'DISTRICT', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 5 }],
  lockAfterDays: 10,
  selector: { text: 'UBND huyện', levels: [], unitCodes: [demo.unitCode] },
  form: {
    sections: [{ code: 'ket-qua', title: 'Kết quả thực hiện các chỉ tiêu' }],
    items: demo.items.map((item): DataItem => ({
      code: item.code,
      name: item.name,
      unit: item.type === 'PERCENT' ? '%' : 'đợt',
      type: item.type,
      required: false,
      min: 0,
      max: item.type === 'PERCENT' ? 100 : null,
      rule: item.type === 'PERCENT' ? 'MEAN' : 'SUM',
      weightItem: null,
      prefill: null,
      measures: { planId, taskId: item.taskId },
    })),
  },
  planIds: [planId],
  source: 'Số liệu minh họa của bản demo, không phải số liệu đã công bố',
});

/**
 * Defines each regime, opens its year, submits the district's figures and accepts them, each on
 * its own day; a run that finds a step done skips it. Only when the service's clock has passed
 * the acceptance day (the demo's clock is today).
 */
export async function seedDemoTargetFigures(app: INestApplication, planIds: Readonly<Record<string, string>>): Promise<{ accepted: number }> {
  const dataSource = app.get(DataSource);
  const commands = app.get(ReportingCommands);
  const opening = app.get(PeriodOpening);
  if (commands.today() < '2021-12-22') return { accepted: 0 };
  let accepted = 0;
  for (const demo of DEMO_TARGET_REPORTS) {
    const planId = planIds[demo.planKey];
    if (!planId) continue;
    const regime = demoTargetRegime(demo, planId);
    const [known] = await dataSource.query(`SELECT id FROM "${S}".regimes WHERE id = $1`, [regime.id]);
    if (!known)
      await commands.execute(
        regimeDecider,
        regimeStreamId(regime.id),
        { type: 'DefineRegime', data: { definition: regime, on: demo.definedOn } },
        await commands.metadataFor({ ...DEMO_ACTOR(demo.ownerCode), roles: [] }, demo.ownerCode),
      );
    const [cycle] = await dataSource.query(`SELECT id FROM "${S}".cycles WHERE regime_id = $1 AND period = $2`, [regime.id, demo.period]);
    if (!cycle) await opening.openAs(DEMO_ACTOR(demo.ownerCode), regime, demo.period, demo.openedOn);
    const id = reportIdOf(regime.id, demo.period, demo.unitCode);
    const [report]: Array<{ status: string }> = await dataSource.query(`SELECT status FROM "${S}".reports WHERE id = $1`, [id]);
    if (!report) continue;
    const content = {
      sections: { 'ket-qua': 'Kết quả thực hiện các chỉ tiêu của Kế hoạch (số liệu minh họa).' },
      items: Object.fromEntries(demo.items.map((item) => [item.code, item.value])),
    };
    if (report.status === 'EXPECTED' || report.status === 'DRAFT') {
      await commands.execute(
        reportDecider,
        reportStreamId(id),
        { type: 'SubmitReport', data: { content, on: demo.submittedOn } },
        await commands.metadataFor({ ...DEMO_ACTOR(demo.unitCode), roles: [] }, demo.unitCode),
      );
    }
    if (report.status !== 'ACCEPTED') {
      await commands.execute(
        reportDecider,
        reportStreamId(id),
        { type: 'AcceptReport', data: { on: demo.acceptedOn } },
        await commands.metadataFor({ ...DEMO_ACTOR(demo.ownerCode), roles: [] }, demo.unitCode),
      );
      accepted++;
    }
  }
  return { accepted };
}
