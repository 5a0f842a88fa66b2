import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Identity, Role, TokenService } from '@reform/auth';
import { FixedClock } from '@reform/clock';
import { InProcessBus } from '@reform/messaging';
import { createPlansApp } from '@reform/plans';
import { createScoringApp, DEMO_INDEX_SET, indexSetWorkbookRows, seedFrameworks, writeWorkbook } from '@reform/scoring';
import { createTestDatabase, eventually, GraphQLTestClient, TEST_SIGNING_KEYS, TestDatabase } from '@reform/testing';
import { publishUnits, TestUnit } from '@reform/unit-hierarchy';

/**
 * ADR 0034: the scoring service owns the framework catalogue; the plans service decides against
 * its replica, fed by scoring's published events. Both services on one database (their own
 * schemas) and the in-process bus, as the embedded platform runs them.
 */
const UNITS: TestUnit[] = [
  { code: '46', name: 'Tỉnh Thừa Thiên Huế', level: 'PROVINCE', parentCode: null },
  { code: '477', name: 'Huyện Quảng Điền', level: 'DISTRICT', parentCode: '46' },
  { code: '477.VP', name: 'Văn phòng HĐND và UBND huyện Quảng Điền', level: 'AGENCY', kind: 'Văn phòng', parentCode: '477' },
  { code: '19867', name: 'Thị trấn Sịa', level: 'COMMUNE', parentCode: '477' },
];
const SET_2020 = { ...DEMO_INDEX_SET, code: 'CCHC-XA-477-2020-MINH-HOA', name: 'Bộ chỉ số CCHC cấp xã năm 2020 (minh họa)', year: 2020 };
const LOAD = 'mutation($f: FileContent!) { loadIndexSetFromExcel(file: $f, fileName: "bo-chi-so-2020.xlsx") { code version } }';
const CATALOGUE = '{ planFrameworks { code version kind issuerCode editions { fromYear indicators { code name } } } }';
const DRAFT = 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id sections { indicator { framework code name } } } }';

describe("the framework catalogue: scoring publishes, plans' copy follows (ADR 0034)", () => {
  let database: TestDatabase;
  const bus = new InProcessBus();
  let scoring: INestApplication;
  let plans: INestApplication;
  let scoringClient: GraphQLTestClient;
  let plansClient: GraphQLTestClient;
  let token: string;
  let common: Parameters<typeof createPlansApp>[0];

  const clientOf = async (app: INestApplication) => new GraphQLTestClient(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`);
  const count = async (app: INestApplication, sql: string) => Number((await app.get(DataSource).query(sql))[0].n);

  beforeAll(async () => {
    database = await createTestDatabase('catalogue');
    common = {
      databaseUrl: database.url,
      bus,
      signingKeys: [...TEST_SIGNING_KEYS],
      port: 0,
      logger: ['error' as const],
      clock: new FixedClock('2020-03-02T03:00:00Z'),
    };
    // Plans first: until scoring runs, nothing publishes a framework.
    plans = await createPlansApp(common);
    plansClient = await clientOf(plans);
    await publishUnits(bus, UNITS);
    await eventually(async () => expect(await count(plans, 'SELECT count(*)::int AS n FROM plans.units')).toBe(UNITS.length));
    const identity: Identity = { accountId: 'acc-d477', username: 'd477', unitCode: '477', roles: [{ role: 'UNIT_MANAGER' as Role, unitCode: '477' }] };
    token = (await new TokenService([...TEST_SIGNING_KEYS]).issue(identity)).token;
  }, 120_000);

  afterAll(async () => {
    await plans?.close();
    await scoring?.close();
    await bus.close();
    await database?.drop();
  });

  const draftCiting = (code: string) => ({
    number: `${code}/KH-UBND`,
    title: 'Kế hoạch CCHC năm 2020',
    issuerCode: '477',
    year: 2020,
    frameworks: [SET_2020.code],
    sections: [
      {
        title: 'Chỉ đạo, điều hành',
        indicator: { framework: SET_2020.code, code },
        tasks: [{ text: 'Ban hành kế hoạch', implementing: { text: 'Văn phòng HĐND và UBND huyện Quảng Điền' } }],
      },
    ],
  });

  it('holds nothing of its own: a draft citing PAPI is refused until scoring, started, publishes the platform frameworks', async () => {
    const papiDraft = { ...draftCiting('1.1'), frameworks: ['PAPI'], sections: [] };
    expect((await plansClient.request(DRAFT, { input: papiDraft }, token)).errors?.[0].extensions).toMatchObject({ rule: 'PLAN.UNKNOWN_FRAMEWORK' });
    expect(await count(plans, 'SELECT count(*)::int AS n FROM plans.frameworks')).toBe(0);

    scoring = await createScoringApp(common);
    scoringClient = await clientOf(scoring);
    await eventually(async () => expect(await count(scoring, 'SELECT count(*)::int AS n FROM scoring.units')).toBe(UNITS.length));
    await eventually(async () => expect(await count(plans, 'SELECT count(*)::int AS n FROM plans.frameworks')).toBe(6));
    expect((await plansClient.request(DRAFT, { input: { ...papiDraft, number: '2/KH-UBND' } }, token)).errors).toBeUndefined();
    // The same content again (the embedded platform's seed, a restart) is no new version.
    expect((await seedFrameworks(scoring, { demoIndexSet: false })).frameworks).toEqual([
      'PAPI v1',
      'PAR_INDEX v1',
      'SIPAS v1',
      'ICT_INDEX v1',
      'DDCI v1',
      'OTHER v1',
    ]);
  });

  it("a set loaded from Excel in scoring is in plans' catalogue, citable and named; a corrected edition replaces it as version 2", async () => {
    expect((await plansClient.request(DRAFT, { input: draftCiting('1.1') }, token)).errors?.[0].extensions).toMatchObject({ rule: 'PLAN.UNKNOWN_FRAMEWORK' });

    const loaded = await scoringClient.request(LOAD, { f: (await writeWorkbook(indexSetWorkbookRows(SET_2020))).toString('base64') }, token);
    expect(loaded.errors).toBeUndefined();
    expect(loaded.data.loadIndexSetFromExcel).toEqual({ code: SET_2020.code, version: 1 });
    await eventually(async () => {
      const { data } = await plansClient.request(CATALOGUE, {}, token);
      const set = data.planFrameworks.find((f: { code: string }) => f.code === SET_2020.code);
      expect(set).toMatchObject({ version: 1, kind: 'PAR_INDEX_SET', issuerCode: '477', editions: [{ fromYear: 2020 }] });
      expect(set.editions[0].indicators).toContainEqual({ code: '1.1', name: 'Ban hành kế hoạch CCHC năm của UBND xã' });
    });
    const drafted = await plansClient.request(DRAFT, { input: draftCiting('1.1') }, token);
    expect(drafted.errors).toBeUndefined();
    expect(drafted.data.draftPlan.sections[0].indicator).toEqual({ framework: SET_2020.code, code: '1.1', name: 'Ban hành kế hoạch CCHC năm của UBND xã' });
    expect((await plansClient.request(DRAFT, { input: draftCiting('1.9') }, token)).errors?.[0].extensions).toMatchObject({ rule: 'PLAN.UNKNOWN_INDICATOR' });

    const [first, ...rest] = SET_2020.fields;
    const corrected = {
      ...SET_2020,
      fields: [{ ...first, children: first.children.map((c) => (c.code === '1.1' ? { ...c, name: 'Ban hành kế hoạch CCHC năm đúng hạn' } : c)) }, ...rest],
    };
    const reloaded = await scoringClient.request(LOAD, { f: (await writeWorkbook(indexSetWorkbookRows(corrected))).toString('base64') }, token);
    expect(reloaded.data.loadIndexSetFromExcel).toEqual({ code: SET_2020.code, version: 2 });
    await eventually(async () => {
      const { data } = await plansClient.request(
        `query($id: ID!) { plan(id: $id) { sections { indicator { name } } } }`,
        { id: drafted.data.draftPlan.id },
        token,
      );
      expect(data.plan.sections[0].indicator.name).toBe('Ban hành kế hoạch CCHC năm đúng hạn');
    });
    expect(await count(plans, `SELECT count(*)::int AS n FROM plans.frameworks WHERE code = '${SET_2020.code}'`)).toBe(2);
  });
});
