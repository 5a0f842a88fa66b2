import { randomUUID } from 'node:crypto';
import { FixedClock } from '@reform/clock';
import {
  AssignmentCompletedV1,
  AssignmentCreatedV1,
  IntegrationEventContract,
  PlanIssuedV1,
  RegimeDefinedV1,
  ReportAcceptedV1,
  ReportSubmittedV1,
} from '@reform/contracts';
import { eventually } from '@reform/testing';
import { ScoringTestBed, useTokens } from './scoring-test-kit';

/**
 * Issue 19's leak: `Plan.targetAchievement` answers, per reader, only the figures of the units
 * whose reports that reader may read under reporting's rule (`read` on the reporting unit: its
 * own unit, the units below, an auditor's province), and computes the actual figure and status
 * from those alone. Quảng Điền (477) plans; two of its communes report and are assigned a task.
 */
const Q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { targetAchievement {
  taskId status actual basis trail { source unitCode figure } } } } }`;

describe('target achievement shows each reader only the figures it may read (real PostgreSQL, in-process bus)', () => {
  const bed = new ScoringTestBed('scoring_target_access', new FixedClock('2022-01-10T03:00:00Z'));
  const planId = `plan-${randomUUID()}`;
  const regimeId = `regime-${randomUUID().slice(0, 8)}`;
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
  const achievementOf = async (user: string) => {
    const { _entities } = await bed.client.as(user, Q, { r: [{ __typename: 'Plan', id: planId }] });
    return _entities[0].targetAchievement as Array<{
      taskId: string;
      status: string;
      actual: number | null;
      basis: string;
      trail: Array<{ unitCode: string; figure: number }>;
    }>;
  };
  const outcome = async (user: string, taskId = 't1') => {
    const row = (await achievementOf(user)).find((r) => r.taskId === taskId);
    return { status: row?.status, actual: row?.actual, units: row?.trail.map((t) => [t.unitCode, t.figure]) };
  };

  beforeAll(async () => {
    await bed.start();
    await useTokens(bed.client, {
      d477: [['UNIT_MANAGER', '477']],
      c19867: [['UNIT_OFFICER', '19867']],
      auditor: [['AUDITOR', '46']],
      d476: [['UNIT_MANAGER', '476']],
    });
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
        {
          taskId: 't1',
          sectionCode: 'PAPI 1.1',
          text: 'Tổ chức bầu cử',
          target: 'Tỷ lệ cử tri đi bầu đạt trên 99,5%',
          parsedTarget: { kind: 'percentage', text: 'Tỷ lệ cử tri đi bầu đạt trên 99,5%', comparator: 'gt', value: 99.5 },
          timeframe: { kind: 'year', text: 'Năm 2021', year: 2021 },
          dueOn: '2021-12-31',
          lead: [],
          implementing: ['19867', '19870'],
          monitoring: [],
          expectedResult: null,
        },
        {
          taskId: 't2',
          sectionCode: 'PAPI 1.2',
          text: 'Công khai',
          target: '100% các xã, thị trấn',
          parsedTarget: { kind: 'coverage', text: '100% các xã, thị trấn', value: 100, of: 'các xã, thị trấn' },
          timeframe: { kind: 'year', text: 'Năm 2021', year: 2021 },
          dueOn: '2021-12-31',
          lead: [],
          implementing: ['19867', '19870'],
          monitoring: [],
          expectedResult: null,
        },
      ],
    });
    for (const [assignmentId, unitCode] of [
      ['a1', '19867'],
      ['a2', '19870'],
    ] as const) {
      await publish(AssignmentCreatedV1, {
        assignmentId,
        planId,
        taskId: 't2',
        planNumber: '154/KH-UBND',
        taskText: 'Công khai',
        unitCode,
        role: 'IMPLEMENTING',
        assignedOn: '2021-06-01',
      });
    }
    await publish(AssignmentCompletedV1, { assignmentId: 'a1', on: '2021-08-01', late: false });
    await publish(RegimeDefinedV1, {
      regimeId,
      ownerCode: '477',
      name: 'Báo cáo kết quả thực hiện kế hoạch PAPI',
      on: '2021-06-01',
      items: [{ code: 'TL_CU_TRI', name: 'Tỷ lệ cử tri đi bầu', unit: '%', type: 'PERCENT', measures: { planId, taskId: 't1' } }],
    });
    for (const [unitCode, value] of [
      ['19867', 99.9],
      ['19870', 98],
    ] as const) {
      const reportId = `${regimeId}~2021~${unitCode}`;
      await publish(ReportSubmittedV1, {
        reportId,
        regimeId,
        period: '2021',
        unitCode,
        on: '2021-12-20',
        late: false,
        resubmission: false,
        figures: [{ code: 'TL_CU_TRI', value }],
      });
      await publish(ReportAcceptedV1, { reportId, on: '2021-12-24' });
    }
    await eventually(async () => {
      expect((await outcome('d477')).units).toHaveLength(2);
      expect((await outcome('d477', 't2')).units).toEqual([
        ['19867', 1],
        ['19870', 0],
      ]);
    });
  });
  afterAll(() => bed.stop());

  it("the district sees all its communes' figures, averaged: 98,95% is not above 99,5%; half the assignments done", async () => {
    expect(await outcome('d477')).toEqual({
      status: 'NOT_ACHIEVED',
      actual: 98.95,
      units: [
        ['19867', 99.9],
        ['19870', 98],
      ],
    });
    expect(await outcome('d477', 't2')).toMatchObject({ status: 'NOT_ACHIEVED', actual: 50 });
  });

  it("the province's auditor sees them all", async () => {
    expect((await outcome('auditor')).units).toEqual([
      ['19867', 99.9],
      ['19870', 98],
    ]);
  });

  it("a commune sees only its own figure and the status judged from it alone, nothing of its sibling's", async () => {
    expect(await outcome('c19867')).toEqual({ status: 'ACHIEVED', actual: 99.9, units: [['19867', 99.9]] });
    // Its sibling's unfinished assignment neither shows nor lowers the coverage it sees.
    expect(await outcome('c19867', 't2')).toEqual({ status: 'ACHIEVED', actual: 100, units: [['19867', 1]] });
  });

  it('another district sees none of them: unknown, no figure, no assignment', async () => {
    const [t1, t2] = await achievementOf('d476');
    expect(t1).toMatchObject({ taskId: 't1', status: 'UNKNOWN', actual: null, trail: [] });
    expect(t2).toMatchObject({ taskId: 't2', status: 'UNKNOWN', actual: null, trail: [] });
  });
});
