import { ContractRegistry, PLAN_CONTRACTS, PlanIssuedV1, RegimeDefinedV1, REPORT_CONTRACTS, ReportSubmittedV1 } from '@reform/contracts';
import { evaluateTarget, ReportedFigure, Target } from '../../src/domain/target-achievement/target-achievement';

/**
 * Scoring's side of the plans and reporting contracts for target achievement (consumer contract
 * test): the parsed target of a task, the task a regime's data item measures, a report's figures,
 * each in a payload as its service publishes it and passed through the registry the consumer uses
 * (it keeps only what the contract declares). A field dropped from libs/contracts no longer
 * reaches the comparison below, and this fails.
 */
const registry = new ContractRegistry().register(...PLAN_CONTRACTS, RegimeDefinedV1, ...REPORT_CONTRACTS);
const asConsumed = <T>(contract: { name: string; version: number } & Parameters<ContractRegistry['accept']>[0], payload: unknown) =>
  registry.accept(contract, contract.version, JSON.parse(JSON.stringify(payload))) as T;

describe('scoring consumes the parsed targets, the measuring items and the figures', () => {
  const plan = asConsumed<PlanIssuedV1>(PlanIssuedV1, {
    planId: 'p-1',
    number: '154/KH-UBND',
    title: 'Kế hoạch PAPI 2021',
    issuerCode: '030',
    issuedOn: '2021-05-31',
    year: 2021,
    implementsPlanId: null,
    cascade: null,
    tasks: [
      {
        taskId: 't3',
        sectionCode: 'PAPI 1.3',
        text: 'Bầu cử',
        target: 'Tỷ lệ cử tri đi bầu đạt trên 99,5%',
        parsedTarget: { kind: 'percentage', text: 'Tỷ lệ cử tri đi bầu đạt trên 99,5%', comparator: 'gt', value: 99.5, subject: 'Tỷ lệ cử tri đi bầu' },
        timeframe: { kind: 'year', text: 'Năm 2021', year: 2021 },
        dueOn: '2021-12-31',
        lead: [],
        implementing: ['030'],
        monitoring: [],
        expectedResult: null,
      },
    ],
  });
  const regime = asConsumed<RegimeDefinedV1>(RegimeDefinedV1, {
    regimeId: 'r1',
    ownerCode: '02',
    name: 'Báo cáo',
    on: '2021-06-01',
    items: [{ code: 'TL_CU_TRI', name: 'Tỷ lệ cử tri đi bầu', unit: '%', type: 'PERCENT', measures: { planId: 'p-1', taskId: 't3' } }],
  });
  const report = asConsumed<ReportSubmittedV1>(ReportSubmittedV1, {
    reportId: 'r1~2021~030',
    regimeId: 'r1',
    period: '2021',
    unitCode: '030',
    on: '2021-12-17',
    late: false,
    resubmission: false,
    figures: [{ code: 'TL_CU_TRI', value: 99.72 }],
  });

  it('the parsed target, the item that measures the task and the figure reach the comparison', () => {
    const item = regime.items[0];
    expect(item.measures).toEqual({ planId: plan.planId, taskId: plan.tasks[0].taskId });
    const figures: ReportedFigure[] = report.figures.map((f) => ({
      reportId: report.reportId,
      itemCode: f.code,
      itemType: item.type,
      unitCode: report.unitCode,
      period: report.period,
      value: f.value,
      on: '2021-12-22',
    }));
    expect(evaluateTarget(plan.tasks[0].parsedTarget as Target, { figures, assignments: [] })).toMatchObject({
      status: 'ACHIEVED',
      actual: 99.72,
      comparator: 'gt',
      value: 99.5,
    });
  });
});
