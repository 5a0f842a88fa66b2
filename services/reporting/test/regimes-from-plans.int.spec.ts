import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IntegrationEventContract, PlanIssuedV1, PublishedTask } from '@reform/contracts';
import { Identity, Role, TokenService } from '@reform/auth';
import { FixedClock } from '@reform/clock';
import { IntegrationMessage, JetStreamBus, Job } from '@reform/messaging';
import { createTestDatabase, eventually, GraphQLTestClient, TEST_SIGNING_KEYS, TestDatabase, testNatsUrl, uniqueName } from '@reform/testing';
import { publishUnits, TestUnit } from '@reform/unit-hierarchy';
import { createReportingApp, PLAN_REGIMES_QUEUE, PlanRegimeJobs } from '../src';

/**
 * Regimes from plans (issue 18): a plan issued with reporting requirements, as the plans service
 * publishes it over real JetStream, makes its regimes in the reporting service (real PostgreSQL):
 * periodic from "định kỳ hằng quý, 6 tháng, 9 tháng và năm", one ad hoc period from "báo cáo sơ
 * kết trước ngày 15/9/2021", a named regime linked rather than made, nothing from a text without a
 * schedule; the plan's implementing units owe the reports when a period opens; a redelivery and a
 * second run of the job change nothing.
 */
const COMMUNES = ['60001', '60002', '60003'];
const UNITS: TestUnit[] = [
  { code: '49', name: 'Tỉnh Quảng Nam', level: 'PROVINCE', parentCode: null },
  { code: '600', name: 'Huyện Thử Nghiệm', level: 'DISTRICT', parentCode: '49' },
  { code: '600.PNV', name: 'Phòng Nội vụ', level: 'AGENCY', kind: 'Phòng', parentCode: '600' },
  { code: '600.PVH', name: 'Phòng Văn hóa và Thông tin', level: 'AGENCY', kind: 'Phòng', parentCode: '600' },
  ...COMMUNES.map((code): TestUnit => ({ code, name: `Xã ${code}`, level: 'COMMUNE', parentCode: '600' })),
  { code: '60009', name: 'Xã Không Thực Hiện', level: 'COMMUNE', parentCode: '600' },
];

const tokens = new TokenService([...TEST_SIGNING_KEYS]);
async function tokenFor(username: string, role: Role, unitCode: string): Promise<string> {
  const identity: Identity = { accountId: `acc-${username}`, username, unitCode, roles: [{ role, unitCode }] };
  return (await tokens.issue(identity)).token;
}

function message<Data>(contract: IntegrationEventContract<Data>, data: Data, stream: string, eventId: string = randomUUID()): IntegrationMessage<Data> {
  return {
    eventId,
    name: contract.name,
    version: contract.version,
    subject: contract.subject,
    data,
    metadata: {
      actor: { accountId: 'a-600', username: 'd600', unitCode: '600' },
      tenant: '600',
      correlationId: `corr-${eventId}`,
      causationId: null,
      recordedAt: new Date().toISOString(),
      stream,
      streamVersion: 2,
    },
  };
}

const task = (taskId: string, implementing: string[]): PublishedTask => ({
  taskId,
  sectionCode: null,
  text: `Nhiệm vụ ${taskId}`,
  target: null,
  timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
  dueOn: null,
  lead: [],
  implementing,
  monitoring: [],
  expectedResult: null,
});

describe('regimes from plans (over JetStream)', () => {
  let db: TestDatabase;
  let bus: JetStreamBus;
  let app: INestApplication;
  let dataSource: DataSource;
  let client: GraphQLTestClient;
  const clock = new FixedClock('2021-06-20T03:00:00Z');
  const planId = `plan-${randomUUID()}`;
  let monthlyId = '';
  let provincialId = '';
  const issued = (): PlanIssuedV1 => ({
    planId,
    number: '68/KH-UBND',
    title: 'Kế hoạch cải thiện chỉ số PAPI năm 2021',
    issuerCode: '600',
    issuedOn: '2021-05-31',
    year: 2021,
    implementsPlanId: null,
    tasks: [task('t1', [...COMMUNES, '600.PVH']), task('t2', ['600', '60001'])],
    cascade: null,
    reportingRequirements: [
      { text: 'Các cơ quan, đơn vị báo cáo kết quả về Ủy ban nhân dân huyện (qua Phòng Nội vụ) định kỳ hằng quý, 6 tháng, 9 tháng và năm.', regimeId: null },
      { text: 'báo cáo sơ kết kết quả thực hiện (trước ngày 15/9/2021) và báo cáo tổng kết theo chỉ đạo của UBND huyện', regimeId: null },
      { text: 'Gửi báo cáo theo chế độ báo cáo hằng tháng của huyện', regimeId: monthlyId },
      { text: 'Các cơ quan, đơn vị phát huy tinh thần chủ động', regimeId: null },
      // The province's regime: the district's plan may not attach itself to it.
      { text: 'Báo cáo theo chế độ của tỉnh', regimeId: provincialId },
    ],
  });
  const regimeEvents = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM reporting.events WHERE stream_id LIKE 'regime-%'`))[0].n as number;

  beforeAll(async () => {
    db = await createTestDatabase('reporting_plans');
    bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix: uniqueName('reporting_plans') });
    app = await createReportingApp({
      databaseUrl: db.url,
      bus,
      signingKeys: [...TEST_SIGNING_KEYS],
      port: 0,
      logger: ['error'],
      clock,
      reminders: { intervalMs: 0 },
      planRegimes: { pollMs: 50, retryDelayMs: 100 },
    });
    dataSource = app.get(DataSource);
    client = new GraphQLTestClient(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`);
    client.useToken('d600', await tokenFor('d600', 'UNIT_MANAGER', '600'));
    client.useToken('p49', await tokenFor('p49', 'UNIT_MANAGER', '49'));
    await publishUnits(bus, UNITS);
    await eventually(async () => expect((await dataSource.query(`SELECT count(*)::int AS n FROM reporting.units`))[0].n).toBe(UNITS.length), {
      timeoutMs: 20_000,
    });
    // The monthly regime the third requirement names, defined by hand before the plan.
    const { defineReportRegime } = await client.as('d600', 'mutation($input: DefineReportRegimeInput!) { defineReportRegime(input: $input) { id } }', {
      input: {
        ownerCode: '600',
        name: 'Báo cáo hằng tháng của huyện',
        kind: 'PERIODIC',
        periodTypes: ['MONTH'],
        deadlines: [{ level: 'COMMUNE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 2 }],
        selector: { text: 'UBND các xã', levels: ['COMMUNE'] },
        form: { sections: [{ code: 'ket-qua', title: 'Kết quả' }], items: [] },
      },
    });
    monthlyId = defineReportRegime.id;
    const { defineReportRegime: provincial } = await client.as(
      'p49',
      'mutation($input: DefineReportRegimeInput!) { defineReportRegime(input: $input) { id } }',
      {
        input: {
          ownerCode: '49',
          name: 'Báo cáo của tỉnh',
          kind: 'PERIODIC',
          periodTypes: ['YEAR'],
          deadlines: [{ level: 'DISTRICT', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 3 }],
          selector: { text: 'UBND các huyện', levels: ['DISTRICT'] },
          form: { sections: [{ code: 'ket-qua', title: 'Kết quả' }], items: [] },
        },
      },
    );
    provincialId = provincial.id;
  });

  afterAll(async () => {
    await app?.close();
    await bus?.deleteStreams().catch(() => undefined);
    await bus?.close();
    await db?.drop();
  });

  it('makes a periodic regime and an ad hoc one of the texts, links the named regime, and makes nothing of a text without a schedule', async () => {
    const planMessage = message(PlanIssuedV1, issued(), `plan-${planId}`);
    await bus.publish(planMessage);
    const query = `{ reportRegimes(ownerCode: "600") { id name kind periodTypes planIds cutOff { rule from to } deadlines { level days } selector { levels unitCodes } fromPlan { planId planNumber requirement } source } }`;
    await eventually(
      async () => {
        const { reportRegimes } = await client.as('d600', query);
        expect(reportRegimes).toHaveLength(3);
        expect(reportRegimes.find((r: { id: string }) => r.id === monthlyId).planIds).toEqual([planId]);
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    const { reportRegimes } = await client.as('d600', query);
    const byId = new Map(reportRegimes.map((r: { id: string }) => [r.id, r]));
    expect(byId.get(`${planId}~bc1`)).toMatchObject({
      name: 'Báo cáo định kỳ kết quả thực hiện Kế hoạch 68/KH-UBND',
      kind: 'PERIODIC',
      periodTypes: ['QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR'],
      planIds: [planId],
      cutOff: { rule: 'DECREE_09' },
      // The plan's implementing units, the issuer (which implements t2 itself) left out.
      selector: { levels: [], unitCodes: ['600.PVH', ...COMMUNES] },
      fromPlan: { planId, planNumber: '68/KH-UBND', requirement: 1 },
    });
    expect(byId.get(`${planId}~bc2`)).toMatchObject({
      name: 'Báo cáo sơ kết kết quả thực hiện Kế hoạch 68/KH-UBND',
      kind: 'AD_HOC',
      periodTypes: ['AD_HOC'],
      cutOff: { rule: 'FIXED', from: '2021-05-31', to: '2021-09-14' },
      fromPlan: { requirement: 2 },
    });
    expect(byId.get(monthlyId)).toMatchObject({ fromPlan: null });
    expect(byId.has(`${planId}~bc4`)).toBe(false);

    // A redelivery of the same message, and the job run once more (a retry after a crash): nothing new.
    const before = await regimeEvents();
    await bus.publish({ ...planMessage });
    const jobs = app.get(PlanRegimeJobs);
    const job: Job<PlanIssuedV1, Omit<IntegrationMessage, 'data'>> = {
      seq: '0',
      queue: PLAN_REGIMES_QUEUE,
      key: planId,
      jobId: planMessage.eventId,
      name: planMessage.name,
      data: issued(),
      meta: { ...planMessage, data: undefined } as never,
      attempts: 0,
    };
    expect(await jobs.regimesOf(job)).toEqual([
      { requirement: 1, regimeId: `${planId}~bc1`, outcome: 'already' },
      { requirement: 2, regimeId: `${planId}~bc2`, outcome: 'already' },
      { requirement: 3, regimeId: monthlyId, outcome: 'already' },
      { requirement: 4, regimeId: null, outcome: 'no-schedule' },
      { requirement: 5, regimeId: provincialId, outcome: 'not-the-issuers' },
    ]);
    const { reportRegime } = await client.as('p49', 'query($id: ID!) { reportRegime(id: $id) { planIds } }', { id: provincialId });
    expect(reportRegime.planIds).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await jobs.idle()).toBe(true);
    expect(await regimeEvents()).toBe(before);
    const [queued] = await dataSource.query(`SELECT count(*)::int AS n FROM reporting.jobs WHERE queue = $1`, [PLAN_REGIMES_QUEUE]);
    expect(queued.n).toBe(1);
    // Operators see the queue: none pending once worked off.
    const metrics = await (await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/metrics`)).text();
    expect(metrics).toMatch(/reform_pending_jobs\{service="reporting",queue="plan-regimes"\} 0/);
  });

  it("the plan's implementing units owe the reports: the ad hoc period's deadline is the day written, the quarter's Decree 09's", async () => {
    const { adHoc } = await client.as(
      'd600',
      `mutation($r: ID!) { adHoc: openReportingPeriod(regimeId: $r, period: "AD_HOC") { expected cutOffTo deadlines { level dueOn } } }`,
      { r: `${planId}~bc2` },
    );
    expect(adHoc).toEqual({ expected: 4, cutOffTo: '2021-09-14', deadlines: expect.arrayContaining([{ level: 'COMMUNE', dueOn: '2021-09-15' }]) });
    const { quarter } = await client.as(
      'd600',
      `mutation($r: ID!) { quarter: openReportingPeriod(regimeId: $r, period: "2021-Q2") { expected cutOffFrom cutOffTo } }`,
      { r: `${planId}~bc1` },
    );
    expect(quarter).toEqual({ expected: 4, cutOffFrom: '2021-03-15', cutOffTo: '2021-06-14' });
    const { reports } = await client.as(
      'd600',
      `query($r: ID!) { reports(unitCode: "600", regimeId: $r, period: "2021-Q2", includeSubtree: true) { unitCode role } }`,
      { r: `${planId}~bc1` },
    );
    expect(
      reports
        .filter((r: { role: string }) => r.role === 'UNIT')
        .map((r: { unitCode: string }) => r.unitCode)
        .sort(),
    ).toEqual(['600.PVH', ...COMMUNES].sort());
  });
});
