import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity, Role, TokenService } from '@reform/auth';
import { EVENT_STORE, PostgresEventStore, rebuildReadModels, RebuildResult } from '@reform/event-store';
import { TEST_FRAMEWORKS } from '@reform/contracts';
import { InProcessBus, publishFrameworks } from '@reform/messaging';
import { createTestDatabase, eventually, GraphQLTestClient, tableSnapshot, TEST_SIGNING_KEYS, TestDatabase } from '@reform/testing';
import { publishUnits, TestUnit } from '@reform/unit-hierarchy';
import { createPlansApp, plansReadModels, seedDemoPlans } from '../src';
import {
  DEMO_DISTRICT_OFFICES as DISTRICT_OFFICES,
  DEMO_PROVINCE_OFFICES as PROVINCE_OFFICES,
  DEMO_PROVINCES as PROVINCES,
} from '../src/domain/testing/demo-offices';

// ── the directory demo's units around the demo plans' issuers (as services/directory/src/demo/seed-demo.ts names them) ──
/** The seeds' districts; Vị Xuyên with its communes of the 2025-03 list (seed 001 picks them by code). */
const DISTRICTS: Record<string, { name: string; province: string; communes: string[] }> = {
  '519': { name: 'Nông Sơn', province: '49', communes: ['20656', '20668'] },
  '513': { name: 'Thăng Bình', province: '49', communes: ['20794', '20797', '20800'] },
  '030': {
    name: 'Vị Xuyên',
    province: '02',
    communes: [
      '00703',
      '00706',
      '00709',
      '00913',
      '00916',
      '00919',
      '00922',
      '00925',
      '00928',
      '00931',
      '00934',
      '00937',
      '00940',
      '00943',
      '00952',
      '00955',
      '00958',
      '00961',
      '00964',
      '00967',
      '00970',
      '00973',
      '00976',
      '00979',
    ],
  },
};
const UNITS: TestUnit[] = [
  ...Object.entries(PROVINCES).flatMap(([code, name]): TestUnit[] => [
    { code, name: `Tỉnh ${name}`, level: 'PROVINCE', parentCode: null },
    ...PROVINCE_OFFICES.map(([abbr, kind, office]): TestUnit => ({
      code: `${code}.${abbr}`,
      name: office(`tỉnh ${name}`),
      level: 'AGENCY',
      kind,
      parentCode: code,
    })),
  ]),
  ...Object.entries(DISTRICTS).flatMap(([code, { name, province, communes }]): TestUnit[] => [
    { code, name: `Huyện ${name}`, level: 'DISTRICT', parentCode: province },
    ...DISTRICT_OFFICES.map(([abbr, kind, office]): TestUnit => ({
      code: `${code}.${abbr}`,
      name: office(`huyện ${name}`),
      level: 'AGENCY',
      kind,
      parentCode: code,
    })),
    ...communes.flatMap((c): TestUnit[] => [
      { code: c, name: `Xã ${c}`, level: 'COMMUNE', parentCode: code },
      { code: `${c}.CA`, name: `Công an xã ${c}`, level: 'AGENCY', kind: 'Công an', parentCode: c },
    ]),
  ]),
];

const tokens = new TokenService([...TEST_SIGNING_KEYS]);
async function tokenFor(username: string, role: Role, unitCode: string): Promise<string> {
  const identity: Identity = { accountId: `acc-${username}`, username, unitCode, roles: [{ role, unitCode }] };
  return (await tokens.issue(identity)).token;
}

/**
 * Issue 5, "Rebuild", for the plans service: the six demo plans drafted and issued through its
 * commands (as `npm start` seeds them), one amended and one closed through the subgraph;
 * rebuilding `plans` from the event store gives exactly the live table.
 */
describe('plans: rebuilding the read model from the event store', () => {
  let database: TestDatabase;
  let bus: InProcessBus;
  let app: INestApplication;
  let dataSource: DataSource;
  let client: GraphQLTestClient;
  let thangBinh: string;
  const tables = plansReadModels.projections.flatMap((p) => p.tables);

  beforeAll(async () => {
    database = await createTestDatabase('plans_rebuild');
    bus = new InProcessBus();
    app = await createPlansApp({ databaseUrl: database.url, bus, signingKeys: [...TEST_SIGNING_KEYS], port: 0, logger: ['error'] });
    dataSource = app.get<DataSource>(getDataSourceToken());
    client = new GraphQLTestClient(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`);
    client.useToken('d513', await tokenFor('d513', 'UNIT_MANAGER', '513')).useToken('d519', await tokenFor('d519', 'UNIT_MANAGER', '519'));
    client.useToken('auditor', await tokenFor('auditor', 'AUDITOR', '49'));
    await publishUnits(bus, UNITS);
    // The catalogue is the scoring service's: published to the plans service's replica as scoring would (ADR 0034).
    await publishFrameworks(bus, TEST_FRAMEWORKS);
    await eventually(async () => expect(Number((await dataSource.query(`SELECT count(*)::int AS n FROM plans.units`))[0].n)).toBe(UNITS.length));
    await eventually(async () => expect(Number((await dataSource.query(`SELECT count(*)::int AS n FROM plans.frameworks`))[0].n)).toBe(TEST_FRAMEWORKS.length));
    const seeded = await seedDemoPlans(app);
    expect(seeded.issued).toBe(6);
    thangBinh = seeded.planIds['thang-binh-par-2021'];
    await client.as(
      'd513',
      `mutation($id: ID!) { amendPlan(id: $id, input: { reason: "Bỏ nhiệm vụ đã hoàn thành", removeTaskIds: ["t2"], amendedOn: "2021-08-01" }) { revision } }`,
      { id: thangBinh },
    );
    await client.as('d519', `mutation($id: ID!) { closePlan(id: $id, reason: "Hết năm kế hoạch", closedOn: "2020-12-31") { status } }`, {
      id: seeded.planIds['nong-son-papi-2020'],
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await database?.drop();
  });

  let live: Record<string, unknown[]>;
  let result: RebuildResult;

  it('rebuilds plans equal to the live table, row for row (documents, revisions, statuses)', async () => {
    live = await tableSnapshot(dataSource, 'plans', tables);
    expect(live.plans).toHaveLength(6);
    expect((live.plans as Array<{ status: string }>).map((p) => p.status).sort()).toEqual(['CLOSED', 'ISSUED', 'ISSUED', 'ISSUED', 'ISSUED', 'ISSUED']);
    const [{ events }] = await dataSource.query(`SELECT count(*)::int AS events FROM plans.events`);
    const unitsBefore = await tableSnapshot(dataSource, 'plans', ['units', 'unit_periods', 'frameworks']);

    result = await rebuildReadModels({
      dataSource,
      store: app.get<PostgresEventStore>(EVENT_STORE),
      schema: plansReadModels.schema,
      projections: plansReadModels.projections,
      pageSize: 5,
    });

    expect(await tableSnapshot(dataSource, 'plans', tables)).toEqual(live);
    expect(result).toMatchObject({ events, tables: [{ table: 'plans', rowsBefore: 6, rowsAfter: 6 }] });
    // The unit copy is the bus's, not the rebuild's: left as it was.
    expect(await tableSnapshot(dataSource, 'plans', ['units', 'unit_periods', 'frameworks'])).toEqual(unitsBefore);
  });

  it('the subgraph answers from the rebuilt table, and commands project into it', async () => {
    const read = await client.as('auditor', `{ plans(issuerCode: "513") { id number status revision implementsPlan { number } } }`);
    expect(read.plans).toEqual([{ id: thangBinh, number: expect.any(String), status: 'ISSUED', revision: 2, implementsPlan: { number: '4003/QĐ-UBND' } }]);
    await client.as('d513', `mutation($id: ID!) { closePlan(id: $id, reason: "Hết năm kế hoạch", closedOn: "2021-12-31") { status } }`, { id: thangBinh });
    expect((await client.as('auditor', `query($id: ID!) { plan(id: $id) { status } }`, { id: thangBinh })).plan).toEqual({ status: 'CLOSED' });
  });
});
