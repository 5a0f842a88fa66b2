import { ContractRegistry, PLAN_CONTRACTS, PlanAmendedV1, PlanIssuedV1 } from '@reform/contracts';
import { reportingPeriods, scheduleFor } from '../../src/domain/assignment/schedule';

/**
 * The tasks service's side of the plans contract (consumer contract test): every field of
 * PlanIssued and PlanAmended the tasks service reads, in a payload as the plans service publishes
 * it, passed through the same entry the consumer uses (the registry validates and keeps only what
 * the contract declares). A field dropped from libs/contracts — `every` of an ongoing timeframe,
 * `month` of a yearly one, a due day — no longer reaches the schedules below, and this fails.
 */
const registry = new ContractRegistry().register(...PLAN_CONTRACTS);
const asConsumed = <T>(contract: { name: string; version: number } & Parameters<ContractRegistry['accept']>[0], payload: unknown) =>
  registry.accept(contract, contract.version, JSON.parse(JSON.stringify(payload))) as T;

/** As the plans service publishes it (services/plans/src/publish.ts): JSON, every field the parser recorded. */
const published = {
  planId: 'p-1',
  number: '12/KH-UBND',
  title: 'Kế hoạch cải cách hành chính năm 2025',
  issuerCode: '513',
  issuedOn: '2025-02-10',
  year: 2025,
  years: { from: 2025, to: 2025 },
  implementsPlanId: null,
  cascade: { unitCodes: ['20794'], dueOn: '2025-03-12', text: 'Ban hành kế hoạch thực hiện' },
  tasks: [
    {
      taskId: 't1',
      sectionCode: 'PAPI 1.1',
      text: 'Báo cáo định kỳ',
      target: null,
      timeframe: { kind: 'ongoing', text: 'Định kỳ 6 tháng', every: ['half'] },
      dueOn: null,
      lead: ['513.PNV'],
      implementing: ['20794'],
      monitoring: [],
      expectedResult: null,
    },
    {
      taskId: 't2',
      sectionCode: null,
      text: 'Tổng kết',
      target: null,
      timeframe: { kind: 'yearly', text: 'Tháng 6 hằng năm', month: 6 },
      dueOn: null,
      lead: [],
      implementing: ['20794'],
      monitoring: ['513.PNV'],
      expectedResult: null,
    },
    {
      taskId: 't3',
      sectionCode: null,
      text: 'Rà soát',
      target: '100%',
      timeframe: { kind: 'quarter', text: 'Quý III/2025', year: 2025, quarter: 3 },
      dueOn: '2025-09-30',
      lead: ['513.PNV'],
      implementing: ['20794'],
      monitoring: [],
      expectedResult: 'Báo cáo',
    },
  ],
};

describe('tasks consumes plans.PlanIssued v1', () => {
  const plan = asConsumed<PlanIssuedV1>(PlanIssuedV1, published);
  const task = (taskId: string) => {
    const found = plan.tasks.find((candidate) => candidate.taskId === taskId);
    if (!found) throw new Error(`task ${taskId} did not reach the consumer`);
    return found;
  };
  const context = { years: plan.years ?? { from: plan.year, to: plan.year }, assignedOn: plan.issuedOn };

  it('an ongoing task is reported each period its timeframe names (`every`)', () => {
    expect(scheduleFor(task('t1'), context)).toEqual({ kind: 'periodic', every: 'half', periods: reportingPeriods('half', 2025) });
  });

  it('a yearly task is due on the last day of its month (`month`)', () => {
    expect(scheduleFor(task('t2'), context)).toMatchObject({ kind: 'periodic', every: 'year', periods: [{ from: '2024-12-15', to: '2025-06-30' }] });
  });

  it('a dated task is due on the day the plans service decided (`dueOn`), with its text as written', () => {
    expect(scheduleFor(task('t3'), context)).toEqual({ kind: 'once', dueOn: '2025-09-30' });
    expect(task('t3').timeframe.text).toBe('Quý III/2025');
  });

  it('the units, the cascade and the plan years reach the fan-out', () => {
    expect(task('t1')).toMatchObject({ lead: ['513.PNV'], implementing: ['20794'], monitoring: [], sectionCode: 'PAPI 1.1' });
    expect(plan.cascade).toEqual({ unitCodes: ['20794'], dueOn: '2025-03-12', text: 'Ban hành kế hoạch thực hiện' });
    expect(plan.years).toEqual({ from: 2025, to: 2025 });
    expect(plan.implementsPlanId).toBeNull();
  });
});

describe('tasks consumes plans.PlanAmended v1', () => {
  const amendment = asConsumed<PlanAmendedV1>(PlanAmendedV1, {
    planId: 'p-1',
    revision: 2,
    reason: 'Điều chỉnh theo chỉ đạo của tỉnh',
    amendedOn: '2025-04-01',
    years: { from: 2025, to: 2025 },
    addedTasks: [{ ...published.tasks[0], taskId: 't4', timeframe: { kind: 'ongoing', text: '6 tháng và năm', every: ['year', 'half'] } }],
    removedTaskIds: ['t2'],
    rescheduledTasks: [{ taskId: 't1', timeframe: { kind: 'yearly', text: 'Tháng 11 hằng năm', month: 11 }, dueOn: null }],
  });

  it('an added ongoing task keeps its periods, a rescheduled yearly one its month', () => {
    const context = { years: amendment.years ?? { from: 0, to: 0 }, assignedOn: amendment.amendedOn };
    expect(amendment.years).toEqual({ from: 2025, to: 2025 });
    expect(scheduleFor(amendment.addedTasks[0], context)).toMatchObject({ every: 'half' });
    expect(scheduleFor(amendment.rescheduledTasks[0], context)).toMatchObject({ periods: [{ from: '2024-12-15', to: '2025-11-30' }] });
    expect(amendment.removedTaskIds).toEqual(['t2']);
    expect(amendment.reason).toBe('Điều chỉnh theo chỉ đạo của tỉnh');
  });
});
