import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AssignmentCreatedV1, AssignmentProgressReportedV1, IntegrationEventContract } from '@reform/contracts';
import { Identity, Role, TokenService } from '@reform/auth';
import { FixedClock } from '@reform/clock';
import { IntegrationMessage, JetStreamBus } from '@reform/messaging';
import { createTestDatabase, eventually, GraphQLTestClient, tableSnapshot, TEST_SIGNING_KEYS, TestDatabase, testNatsUrl, uniqueName } from '@reform/testing';
import { publishUnits, TestUnit } from '@reform/unit-hierarchy';
import { EVENT_STORE, PostgresEventStore, rebuildReadModels } from '@reform/event-store';
import { createReportingApp, reportingReadModels } from '../src';
import { reportingReadModelMigrations } from '../src/read/reports/reports.migrations';
import { countsOf, ReportRow } from '../src/domain/completeness/completeness';

/**
 * The reporting service alone in the distributed mode's shape: real PostgreSQL, real NATS
 * JetStream (its own stream prefix). The units and the tasks service's assignment events arrive as
 * messages; a regime is defined and a period opened through the subgraph; the draft is pre-filled
 * from what arrived; a message delivered twice changes nothing.
 */
const COMMUNES = Array.from({ length: 20 }, (_, i) => String(60001 + i));
const UNITS: TestUnit[] = [
  { code: '49', name: 'Tỉnh Quảng Nam', level: 'PROVINCE', parentCode: null },
  { code: '600', name: 'Huyện Thử Nghiệm', level: 'DISTRICT', parentCode: '49' },
  { code: '600.PNV', name: 'Phòng Nội vụ', level: 'AGENCY', kind: 'Phòng', parentCode: '600' },
  ...COMMUNES.map((code): TestUnit => ({ code, name: `Xã ${code}`, level: 'COMMUNE', parentCode: '600' })),
  { code: '601', name: 'Huyện Bên Cạnh', level: 'DISTRICT', parentCode: '49' },
  { code: '60101', name: 'Xã 60101', level: 'COMMUNE', parentCode: '601' },
];

function message<Data>(
  contract: IntegrationEventContract<Data>,
  data: Data,
  stream: string,
  streamVersion: number,
  eventId: string = randomUUID(),
): IntegrationMessage<Data> {
  return {
    eventId,
    name: contract.name,
    version: contract.version,
    subject: contract.subject,
    data,
    metadata: {
      actor: { accountId: 'a', username: 'c60001', unitCode: '60001' },
      tenant: '600',
      correlationId: `corr-${eventId}`,
      causationId: null,
      recordedAt: new Date().toISOString(),
      stream,
      streamVersion,
    },
  };
}

const tokens = new TokenService([...TEST_SIGNING_KEYS]);
async function tokenFor(username: string, role: Role, unitCode: string): Promise<string> {
  const identity: Identity = { accountId: `acc-${username}`, username, unitCode, roles: [{ role, unitCode }] };
  return (await tokens.issue(identity)).token;
}

describe('reporting over JetStream', () => {
  let db: TestDatabase;
  let bus: JetStreamBus;
  let app: INestApplication;
  let dataSource: DataSource;
  let client: GraphQLTestClient;
  const clock = new FixedClock('2025-06-16T03:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase('reporting_js');
    bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix: uniqueName('reporting') });
    app = await createReportingApp({
      databaseUrl: db.url,
      bus,
      signingKeys: [...TEST_SIGNING_KEYS],
      port: 0,
      logger: ['error'],
      clock,
      reminders: { intervalMs: 0 },
    });
    dataSource = app.get(DataSource);
    client = new GraphQLTestClient(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`);
    client.useToken('d600', await tokenFor('d600', 'UNIT_MANAGER', '600'));
    client.useToken('c60001', await tokenFor('c60001', 'UNIT_MANAGER', '60001'));
    client.useToken('c60002', await tokenFor('c60002', 'UNIT_MANAGER', '60002'));
    client.useToken('d601', await tokenFor('d601', 'UNIT_MANAGER', '601'));
    client.useToken('p49', await tokenFor('p49', 'VIEWER', '49'));
    await publishUnits(bus, UNITS);
    await eventually(async () => expect((await dataSource.query(`SELECT count(*)::int AS n FROM reporting.units`))[0].n).toBe(UNITS.length), {
      timeoutMs: 20_000,
    });
  });

  /** Every unit on a report's path has the counts the domain's definition gives over the reports below it, and no other unit has a row. */
  async function expectCountsAsDefined(): Promise<void> {
    const reports: Array<ReportRow & { regimeId: string; period: string; path: string[] }> = await dataSource.query(
      `SELECT regime_id AS "regimeId", period, unit_code AS "unitCode", status, to_char(submitted_on, 'YYYY-MM-DD') AS "submittedOn", late, path FROM reporting.reports WHERE role = 'UNIT'`,
    );
    const counts: Array<Record<string, unknown>> = await dataSource.query(`SELECT * FROM reporting.completeness_counts ORDER BY regime_id, period, unit_code`);
    const expected = new Map<string, Record<string, unknown>>();
    for (const report of reports) {
      report.path.forEach((code, i) => {
        const key = `${report.regimeId}|${report.period}|${code}`;
        if (expected.has(key)) return;
        const below = reports.filter((r) => r.regimeId === report.regimeId && r.period === report.period && r.path.includes(code));
        const c = countsOf(below);
        expected.set(key, {
          regime_id: report.regimeId,
          period: report.period,
          unit_code: code,
          parent_code: report.path[i + 1] ?? null,
          expected: c.expected,
          submitted: c.submitted,
          on_time: c.onTime,
          late: c.late,
          missing: c.missing,
          accepted: c.accepted,
          returned: c.returned,
          waived: c.waived,
        });
      });
    }
    expect(counts).toEqual([...expected.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row));
  }

  afterAll(async () => {
    await app?.close();
    await bus?.deleteStreams().catch(() => undefined);
    await bus?.close();
    await db?.drop();
  });

  it("keeps the tasks service's assignment events (once, whatever the redeliveries) and pre-fills the period's drafts from them", async () => {
    const created = (id: string, unitCode: string) =>
      message(
        AssignmentCreatedV1,
        {
          assignmentId: id,
          planId: 'p1',
          taskId: 't1',
          planNumber: '15/KH-UBND',
          taskText: 'Niêm yết thủ tục hành chính',
          unitCode,
          role: 'IMPLEMENTING',
          assignedOn: '2025-03-01',
        },
        `assignment-${id}`,
        1,
      );
    for (const code of COMMUNES) await bus.publish(created(`a-${code}`, code));
    const progress = message(
      AssignmentProgressReportedV1,
      { assignmentId: 'a-60001', percent: 70, note: 'Đã niêm yết', on: '2025-05-10' },
      'assignment-a-60001',
      2,
    );
    await bus.publish(progress);
    await bus.publish({ ...progress }); // the same event id again: JetStream's window, then the inbox
    const late = message(AssignmentProgressReportedV1, { assignmentId: 'a-60002', percent: 90, note: 'Sau kỳ', on: '2025-06-15' }, 'assignment-a-60002', 2);
    await bus.publish(late);
    await eventually(
      async () => {
        const [row] = await dataSource.query(`SELECT happenings FROM reporting.assignment_facts WHERE assignment_id = 'a-60002'`);
        expect(row?.happenings).toEqual([{ type: 'progress', on: '2025-06-15', percent: 90, note: 'Sau kỳ' }]);
      },
      { timeoutMs: 20_000 },
    );
    const [facts] = await dataSource.query(`SELECT count(*)::int AS n, sum(jsonb_array_length(happenings))::int AS h FROM reporting.assignment_facts`);
    expect(facts).toEqual({ n: 20, h: 2 });

    const input = {
      ownerCode: '600',
      name: 'Báo cáo cải cách hành chính hằng quý',
      kind: 'PERIODIC',
      periodTypes: ['QUARTER'],
      deadlines: [
        { level: 'COMMUNE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 2 },
        { level: 'DISTRICT', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 3 },
      ],
      selector: { text: 'UBND các xã, thị trấn', levels: ['COMMUNE'] },
      form: {
        sections: [{ code: 'ket-qua', title: 'Kết quả đạt được' }],
        items: [
          { code: 'NV', name: 'Số nhiệm vụ được giao', type: 'COUNT', rule: 'SUM', prefill: 'ASSIGNMENTS', required: true },
          { code: 'TD', name: 'Tiến độ bình quân', unit: '%', type: 'PERCENT', rule: 'MEAN', prefill: 'MEAN_PROGRESS' },
        ],
      },
      planIds: ['p1'],
    };
    expect(await client.outcome('d601', 'mutation($input: DefineReportRegimeInput!) { defineReportRegime(input: $input) { id } }', { input })).toBe(
      'FORBIDDEN',
    );
    const { defineReportRegime } = await client.as(
      'd600',
      'mutation($input: DefineReportRegimeInput!) { defineReportRegime(input: $input) { id cutOff { rule } } }',
      { input },
    );
    expect(defineReportRegime.cutOff).toEqual({ rule: 'DECREE_09' });
    const { openReportingPeriod } = await client.as(
      'd600',
      'mutation($r: ID!) { openReportingPeriod(regimeId: $r, period: "2025-Q2") { expected cutOffFrom cutOffTo deadlines { level dueOn } } }',
      { r: defineReportRegime.id },
    );
    expect(openReportingPeriod).toEqual({
      expected: 20,
      cutOffFrom: '2025-03-15',
      cutOffTo: '2025-06-14',
      deadlines: [
        { level: 'COMMUNE', dueOn: '2025-06-17' },
        { level: 'DISTRICT', dueOn: '2025-06-18' },
      ],
    });
    const again = await client.request(
      'mutation($r: ID!) { openReportingPeriod(regimeId: $r, period: "2025-Q2") { expected } }',
      { r: defineReportRegime.id },
      await client.login('d600'),
    );
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    const id = (code: string) => `${defineReportRegime.id}~2025-Q2~${code}`;
    const { report } = await client.as(
      'c60001',
      'query($id: ID!) { report(id: $id) { status items { code number } prefilledAssignments { assignmentId percent progress { on percent } } } }',
      { id: id('60001') },
    );
    expect(report.prefilledAssignments).toEqual([{ assignmentId: 'a-60001', percent: 70, progress: [{ on: '2025-05-10', percent: 70 }] }]);
    expect(report.items).toEqual([
      { code: 'NV', number: 1 },
      { code: 'TD', number: 70 },
    ]);
    // 60002's progress came after the cut-off (15/6): not in the period.
    const { report: other } = await client.as('c60002', 'query($id: ID!) { report(id: $id) { prefilledAssignments { percent progress { on } } } }', {
      id: id('60002'),
    });
    expect(other.prefilledAssignments).toEqual([{ percent: 0, progress: [] }]);
    expect(await client.outcome('c60002', 'query($id: ID!) { report(id: $id) { id } }', { id: id('60001') })).toBe('FORBIDDEN');

    const refused = await client.request(
      'mutation($id: ID!) { submitReport(id: $id, input: { items: [{ code: "TD", number: 140 }] }) { id } }',
      { id: id('60001') },
      await client.login('c60001'),
    );
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'items.TD' } });
    expect(refused.errors?.[0].message).toContain('từ 0 đến 100');
    const { submitReport } = await client.as(
      'c60001',
      'mutation($id: ID!) { submitReport(id: $id, input: { sections: [{ code: "ket-qua", text: "Hoàn thành niêm yết" }] }) { status late } }',
      { id: id('60001') },
    );
    expect(submitReport).toEqual({ status: 'SUBMITTED', late: false });
    const { reportingCompleteness } = await client.as(
      'd600',
      'query($r: ID!) { reportingCompleteness(regimeId: $r, period: "2025-Q2", unitCode: "600") { expected submitted onTime missing } }',
      { r: defineReportRegime.id },
    );
    expect(reportingCompleteness).toEqual({ expected: 20, submitted: 1, onTime: 1, missing: 19 });
    // The province's answer, its districts' and the missing list come from the counts read model and the reports' paths.
    const unit = await client.as(
      'p49',
      `query($r: ID!) { reportingCompleteness(regimeId: $r, period: "2025-Q2", unitCode: "49") {
         expected submitted onTime late missing submittedRate children { unitCode expected submitted missing children { unitCode } }
         missingUnitPage(offset: 2, limit: 5) { items { code } total hasNextPage } missingUnitCodes } }`,
      { r: defineReportRegime.id },
    );
    expect(unit.reportingCompleteness).toMatchObject({ expected: 20, submitted: 1, onTime: 1, late: 0, missing: 19, submittedRate: 5 });
    expect(unit.reportingCompleteness.children).toEqual([
      { unitCode: '600', expected: 20, submitted: 1, missing: 19, children: COMMUNES.map((code) => ({ unitCode: code })) },
    ]);
    expect(unit.reportingCompleteness.missingUnitPage).toEqual({ items: COMMUNES.slice(3, 8).map((code) => ({ code })), total: 19, hasNextPage: true });
    expect(unit.reportingCompleteness.missingUnitCodes).toEqual(COMMUNES.slice(1));
    const tooMany = await client.request(
      'query($r: ID!) { reportingCompleteness(regimeId: $r, period: "2025-Q2", unitCode: "600") { missingUnitCodes(limit: 1001) } }',
      { r: defineReportRegime.id },
      await client.login('d600'),
    );
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'limit' } });
    await expectCountsAsDefined();
    const { acceptReport } = await client.as('d600', 'mutation($id: ID!) { acceptReport(id: $id) { consolidation { accepted } } }', { id: id('60001') });
    expect(acceptReport.consolidation).toBeNull(); // a commune has no children; the district's own report holds the consolidation
    const { report: own } = await client.as(
      'd600',
      'query($id: ID!) { report(id: $id) { role consolidation { children accepted items { code value contributors { unitCode value } } sections { units { unitCode text } } } } }',
      { id: id('600') },
    );
    expect(own).toEqual({
      role: 'CONSOLIDATED',
      consolidation: {
        children: 20,
        accepted: 1,
        items: [
          { code: 'NV', value: 1, contributors: [{ unitCode: '60001', value: 1 }] },
          { code: 'TD', value: 70, contributors: [{ unitCode: '60001', value: 70 }] },
        ],
        sections: [{ units: [{ unitCode: '60001', text: 'Hoàn thành niêm yết' }] }],
      },
    });
  });

  it('rebuilds regimes, cycles, reports, consolidations and completeness counts from the event store equal to the live tables', async () => {
    const tables = reportingReadModels.projections.flatMap((p) => p.tables);
    expect(tables).toContain('completeness_counts');
    const live = await tableSnapshot(dataSource, 'reporting', tables);
    expect(live.reports).toHaveLength(21);
    expect(live.consolidations).toHaveLength(1);
    // 49, 600 and the 20 communes (the owner's consolidated report is not counted).
    expect(live.completeness_counts).toHaveLength(22);
    const facts = await tableSnapshot(dataSource, 'reporting', ['assignment_facts']);
    await rebuildReadModels({
      dataSource,
      store: app.get<PostgresEventStore>(EVENT_STORE),
      schema: reportingReadModels.schema,
      projections: reportingReadModels.projections,
      pageSize: 7,
    });
    expect(await tableSnapshot(dataSource, 'reporting', tables)).toEqual(live);
    expect(await tableSnapshot(dataSource, 'reporting', ['assignment_facts'])).toEqual(facts);
  });

  it("fills an existing deployment's report paths and completeness counts as the projections write them (migration 1766100000000)", async () => {
    const tables = ['reports', 'completeness_counts'];
    const live = await tableSnapshot(dataSource, 'reporting', tables);
    expect(live.completeness_counts.length).toBeGreaterThan(0);
    const Migration = reportingReadModelMigrations.find((migration) => migration.name.startsWith('CompletenessCounts'));
    expect(Migration).toBeDefined();
    const runner = dataSource.createQueryRunner();
    try {
      const migration = new (Migration as new () => { up(r: unknown): Promise<void>; down(r: unknown): Promise<void> })();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await tableSnapshot(dataSource, 'reporting', tables)).toEqual(live);
  });
});
