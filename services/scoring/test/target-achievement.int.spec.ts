import { randomUUID } from 'node:crypto';
import { FixedClock } from '@reform/clock';
import {
  AssignmentCancelledV1,
  AssignmentCompletedV1,
  AssignmentCreatedV1,
  IntegrationEventContract,
  PlanAmendedV1,
  PlanIssuedV1,
  PublishedTask,
  RegimeDefinedV1,
  ReportAcceptedV1,
  ReportApprovedV1,
  ReportSubmittedV1,
} from '@reform/contracts';
import { eventually } from '@reform/testing';
import { ScoringTestBed, useTokens } from './scoring-test-kit';

/**
 * Target achievement kept from the plans, tasks and reporting services' events (the in-process
 * bus, real PostgreSQL) and answered at the subgraph as `Plan.targetAchievement`: a percentage
 * from an accepted report's figure (a submitted one does not count until accepted), coverage
 * from the assignments' completions, unknown where nothing was reported.
 */
const Q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { targetAchievement {
  taskId taskText status kind target comparator value actual basis trail { source id unitCode figure on period itemCode } parts { kind status actual } } } } }`;

const task = (taskId: string, text: string, target: string | null, parsedTarget: PublishedTask['parsedTarget']): PublishedTask => ({
  taskId,
  sectionCode: 'PAPI 1.1',
  text,
  target,
  parsedTarget,
  timeframe: { kind: 'year', text: 'Năm 2021', year: 2021 },
  dueOn: '2021-12-31',
  lead: [],
  implementing: ['477'],
  monitoring: [],
  expectedResult: null,
});

describe('target achievement at the scoring subgraph (real PostgreSQL, in-process bus)', () => {
  const bed = new ScoringTestBed('scoring_target', new FixedClock('2022-01-10T03:00:00Z'));
  const planId = `plan-${randomUUID()}`;
  const regimeId = `regime-${randomUUID().slice(0, 8)}`;
  const reportId = `${regimeId}~2021~477`;
  const publish = async <T>(contract: IntegrationEventContract<T>, data: T) => {
    const eventId = randomUUID();
    await bed.bus.publish({
      eventId,
      name: contract.name,
      version: contract.version,
      subject: contract.subject,
      data: contract.validate(data),
      metadata: {
        actor: { accountId: 'acc-d477', username: 'd477', unitCode: '477' },
        tenant: '477',
        correlationId: eventId,
        causationId: null,
        recordedAt: new Date().toISOString(),
        stream: 'test',
        streamVersion: 1,
      },
    });
  };
  const achievement = async () => {
    const { _entities } = await bed.client.as('d477', Q, { r: [{ __typename: 'Plan', id: planId }] });
    return _entities[0].targetAchievement as Array<Record<string, unknown> & { taskId: string; status: string; trail: unknown[] }>;
  };

  beforeAll(async () => {
    await bed.start();
    await useTokens(bed.client, { d477: [['UNIT_MANAGER', '477']] });
    await publish(PlanIssuedV1, {
      planId,
      number: '154/KH-UBND',
      title: 'Kế hoạch cải thiện chỉ số PAPI năm 2021',
      issuerCode: '477',
      issuedOn: '2021-05-31',
      year: 2021,
      implementsPlanId: null,
      cascade: null,
      tasks: [
        task('t1', 'Tổ chức bầu cử', 'Tỷ lệ cử tri đi bầu đạt trên 99,5%', {
          kind: 'percentage',
          text: 'Tỷ lệ cử tri đi bầu đạt trên 99,5%',
          comparator: 'gt',
          value: 99.5,
          subject: 'Tỷ lệ cử tri đi bầu',
        }),
        task('t2', 'Giải quyết TTHC đúng hạn', 'Có ít nhất 95% kết quả giải quyết đúng hạn', {
          kind: 'percentage',
          text: 'Có ít nhất 95% kết quả giải quyết đúng hạn',
          comparator: 'gte',
          value: 95,
        }),
        task('t3', 'Phát triển Internet', '80% dân số được sử dụng dịch vụ Internet', {
          kind: 'percentage',
          text: '80% dân số được sử dụng dịch vụ Internet',
          comparator: 'gte',
          value: 80,
        }),
        task('t4', 'Công khai', '100% các xã, thị trấn', { kind: 'coverage', text: '100% các xã, thị trấn', value: 100, of: 'các xã, thị trấn' }),
        task('t5', 'Tuyên truyền', 'Theo kế hoạch của huyện', { kind: 'text', text: 'Theo kế hoạch của huyện' }),
        task('t6', 'Không có mục tiêu', null, null),
      ],
    });
    await publish(RegimeDefinedV1, {
      regimeId,
      ownerCode: '46',
      name: 'Báo cáo kết quả thực hiện kế hoạch PAPI',
      on: '2021-06-01',
      items: [
        { code: 'TL_CU_TRI', name: 'Tỷ lệ cử tri đi bầu', unit: '%', type: 'PERCENT', measures: { planId, taskId: 't1' } },
        { code: 'TL_DUNG_HAN', name: 'Tỷ lệ hồ sơ đúng hạn', unit: '%', type: 'PERCENT', measures: { planId, taskId: 't2' } },
        { code: 'TTHC_HS', name: 'Số hồ sơ', unit: 'hồ sơ', type: 'COUNT', measures: null },
      ],
    });
    for (const [id, unitCode] of [
      ['a1', '19867'],
      ['a2', '19870'],
      ['a3', '19873'],
    ] as const) {
      await publish(AssignmentCreatedV1, {
        assignmentId: id,
        planId,
        taskId: 't4',
        planNumber: '154/KH-UBND',
        taskText: 'Công khai',
        unitCode,
        role: 'IMPLEMENTING',
        assignedOn: '2021-06-01',
      });
    }
    await publish(AssignmentCompletedV1, { assignmentId: 'a1', on: '2021-08-01', late: false });
    await publish(AssignmentCompletedV1, { assignmentId: 'a2', on: '2021-09-01', late: false });
  });
  afterAll(() => bed.stop());

  it('lists the tasks with a target it can read, in order; figures submitted but not accepted count as nothing reported', async () => {
    await publish(ReportSubmittedV1, {
      reportId,
      regimeId,
      period: '2021',
      unitCode: '477',
      on: '2021-12-20',
      late: false,
      resubmission: false,
      figures: [
        { code: 'TL_CU_TRI', value: 99.7 },
        { code: 'TL_DUNG_HAN', value: 93.2 },
        { code: 'TTHC_HS', value: 1200 },
      ],
    });
    await eventually(async () => {
      const rows = await achievement();
      expect(rows.map((r) => [r.taskId, r.status])).toEqual([
        ['t1', 'UNKNOWN'],
        ['t2', 'UNKNOWN'],
        ['t3', 'UNKNOWN'],
        ['t4', 'NOT_ACHIEVED'],
      ]);
      expect(rows[3]).toMatchObject({ kind: 'coverage', actual: 66.667, basis: '2/3 nhiệm vụ được giao đã hoàn thành' });
    });
  });

  it('before the task is due, coverage not yet complete is in progress (unknown), with the share so far', async () => {
    bed.clock.set('2021-09-15T03:00:00Z');
    try {
      const t4 = (await achievement()).find((r) => r.taskId === 't4');
      expect(t4).toMatchObject({ status: 'UNKNOWN', actual: 66.667, basis: 'Đang thực hiện, hạn 31/12/2021: 2/3 nhiệm vụ được giao đã hoàn thành' });
    } finally {
      bed.clock.set('2022-01-10T03:00:00Z');
    }
  });

  it('once accepted: above "trên 99,5%" achieved, below "ít nhất 95%" not, nothing for t3 unknown; the trail names the report, item, period and day', async () => {
    await publish(ReportAcceptedV1, { reportId, on: '2021-12-24' });
    await eventually(async () => {
      const rows = await achievement();
      expect(rows.map((r) => [r.taskId, r.status, r.actual])).toEqual([
        ['t1', 'ACHIEVED', 99.7],
        ['t2', 'NOT_ACHIEVED', 93.2],
        ['t3', 'UNKNOWN', null],
        ['t4', 'NOT_ACHIEVED', 66.667],
      ]);
      expect(rows[0]).toMatchObject({ target: 'Tỷ lệ cử tri đi bầu đạt trên 99,5%', comparator: 'gt', value: 99.5, basis: 'báo cáo kỳ 2021' });
      expect(rows[0].trail).toEqual([
        { source: 'REPORT', id: reportId, unitCode: '477', figure: 99.7, on: '2021-12-24', period: '2021', itemCode: 'TL_CU_TRI' },
      ]);
      expect(rows[2].trail).toEqual([]);
    });
  });

  it('a later approved figure replaces it; the last assignment cancelled makes coverage achieved; an amendment removing a task drops it', async () => {
    await publish(ReportApprovedV1, { reportId, regimeId, period: '2021', unitCode: '477', on: '2022-01-05', figures: [{ code: 'TL_DUNG_HAN', value: 96 }] });
    await publish(AssignmentCancelledV1, { assignmentId: 'a3', on: '2021-10-01' });
    await publish(PlanAmendedV1, {
      planId,
      revision: 2,
      reason: 'Điều chỉnh',
      amendedOn: '2021-10-01',
      addedTasks: [],
      removedTaskIds: ['t3'],
      rescheduledTasks: [],
    });
    await eventually(async () => {
      const rows = await achievement();
      expect(rows.map((r) => [r.taskId, r.status, r.actual])).toEqual([
        ['t1', 'UNKNOWN', null],
        ['t2', 'ACHIEVED', 96],
        ['t4', 'ACHIEVED', 100],
      ]);
    });
  });
});
