import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlanAmendedV1, PlanIssuedV1, TEST_FRAMEWORKS } from '@reform/contracts';
import { Identity, Role, TokenService } from '@reform/auth';
import { InProcessBus, IntegrationMessage, publishFrameworks } from '@reform/messaging';
import { createTestDatabase, eventually, GraphQLTestClient, TEST_SIGNING_KEYS, TestDatabase } from '@reform/testing';
import { publishUnits, TEST_PROVINCE, TestUnit } from '@reform/unit-hierarchy';
import { createPlansApp } from '../src';

/** TEST_PROVINCE (49 → 513 with three communes and offices, 514 beside it), and a commune of 513 set up after the issue day. */
const UNITS: TestUnit[] = [...TEST_PROVINCE, { code: '20803', name: 'Xã Mới Lập', level: 'COMMUNE', parentCode: '513', validFrom: '2024-01-01' }];
const COMMUNES_2021 = ['20794', '20797', '20800'];

const tokens = new TokenService([...TEST_SIGNING_KEYS]);
async function tokenFor(username: string, role: Role, unitCode: string): Promise<string> {
  const identity: Identity = { accountId: `acc-${username}`, username, unitCode, roles: [{ role, unitCode }] };
  return (await tokens.issue(identity)).token;
}

const PLAN_FIELDS = `id number status revision issuerCode issuer { code } issuedOn year
  sections { code title indicator { framework code name } tasks { id text
    timeframe { text kind dueOn } target { text kind }
    lead { text units { code } unresolved } implementing { text units { code } unresolved } monitoring { units { code } } } }
  cascade { dueOn units { code } } amendments { revision reason amendedOn }`;
const DRAFT = `mutation($input: DraftPlanInput!) { draftPlan(input: $input) { ${PLAN_FIELDS} } }`;
const ISSUE = `mutation($id: ID!, $on: Date) { issuePlan(id: $id, issuedOn: $on) { ${PLAN_FIELDS} } }`;
const AMEND = `mutation($id: ID!, $input: AmendPlanInput!) { amendPlan(id: $id, input: $input) { ${PLAN_FIELDS} } }`;
const PLAN = `query($id: ID!, $asOf: DateTime) { plan(id: $id, asOf: $asOf) { ${PLAN_FIELDS} } }`;

// Numbers are unique per issuer and year once issued: each draft of these tests has its own.
let drafts = 0;
const draftInput = (tasks: unknown[], number = `${53 + drafts++}/KH-UBND`) => ({
  number,
  title: 'Kế hoạch cải thiện Chỉ số PAPI năm 2021',
  issuerCode: '513',
  year: 2021,
  frameworks: ['PAPI'],
  sections: [{ code: '1.3', title: 'Chất lượng bầu cử', indicator: { framework: 'PAPI', code: '1.3' }, tasks }],
  cascade: { text: 'Trong vòng 30 ngày, UBND các xã, thị trấn ban hành kế hoạch thực hiện', withinDays: 30, levels: ['COMMUNE'] },
});
const COMMUNE_TASK = {
  text: 'Tuyên truyền việc bầu cử trưởng thôn',
  target: '100% các xã, thị trấn',
  lead: { text: 'Phòng Nội vụ' },
  implementing: { text: 'UBND các xã, thị trấn' },
  timeframe: 'Quý III/2021',
};
const OFFICE_TASK = { text: 'Hướng dẫn hồ sơ bầu cử', lead: { text: 'Phòng Nội vụ' }, implementing: { text: 'Phòng Tư pháp' }, timeframe: 'Thường xuyên' };

describe('plans service: draft, issue, amend, read, publish', () => {
  let database: TestDatabase;
  let bus: InProcessBus;
  let app: INestApplication;
  let dataSource: DataSource;
  let client: GraphQLTestClient;
  const published: IntegrationMessage[] = [];
  const token: Record<string, string> = {};
  const as = async (who: string, query: string, variables: Record<string, unknown>) => client.request(query, variables, token[who]);
  const eventsOf = async (planId: string) =>
    Number((await dataSource.query(`SELECT count(*)::int AS n FROM plans.events WHERE stream_id = $1`, [`plan-${planId}`]))[0].n);

  beforeAll(async () => {
    database = await createTestDatabase('plans');
    bus = new InProcessBus();
    app = await createPlansApp({ databaseUrl: database.url, bus, signingKeys: [...TEST_SIGNING_KEYS], port: 0, logger: ['error'] });
    dataSource = app.get<DataSource>(getDataSourceToken());
    client = new GraphQLTestClient(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`);
    await bus.subscribe({ consumer: 'test.plans-observer', subjects: ['plans.plan.>'] }, async (message) => {
      published.push(message);
    });
    await publishUnits(bus, UNITS);
    // The catalogue is the scoring service's: published to the plans service's replica as scoring would (ADR 0034).
    await publishFrameworks(bus, TEST_FRAMEWORKS);
    await eventually(async () => expect(Number((await dataSource.query(`SELECT count(*)::int AS n FROM plans.units`))[0].n)).toBe(UNITS.length));
    await eventually(async () => expect(Number((await dataSource.query(`SELECT count(*)::int AS n FROM plans.frameworks`))[0].n)).toBe(TEST_FRAMEWORKS.length));
    token.d513 = await tokenFor('d513', 'UNIT_MANAGER', '513');
    token.d514 = await tokenFor('d514', 'UNIT_MANAGER', '514');
    token.c20797 = await tokenFor('c20797', 'UNIT_OFFICER', '20797');
    token.auditor = await tokenFor('auditor', 'AUDITOR', '49');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await database?.drop();
  });

  let planId: string;
  let beforeIssue: Date;

  it('drafts a district plan: tasks get t1, t2, parsed forms beside the texts, no units yet', async () => {
    const result = await as('d513', DRAFT, { input: draftInput([COMMUNE_TASK, OFFICE_TASK]) });
    expect(result.errors).toBeUndefined();
    const plan = result.data.draftPlan;
    planId = plan.id;
    expect(plan).toMatchObject({ status: 'DRAFT', revision: null, issuerCode: '513', issuer: { code: '513' }, year: 2021 });
    expect(plan.sections[0].indicator).toEqual({ framework: 'PAPI', code: '1.3', name: 'Chất lượng bầu cử' });
    expect(plan.sections[0].tasks.map((t: { id: string }) => t.id)).toEqual(['t1', 't2']);
    expect(plan.sections[0].tasks[0].timeframe).toEqual({ text: 'Quý III/2021', kind: 'quarter', dueOn: '2021-09-30' });
    expect(plan.sections[0].tasks[0].implementing.units).toEqual([]);
    beforeIssue = new Date();
  });

  it('refuses an issue with a task nobody implements: BAD_USER_INPUT naming the task, nothing appended', async () => {
    const draft = await as('d513', DRAFT, {
      input: draftInput([{ ...OFFICE_TASK, text: 'Nâng cao chất lượng xét xử', implementing: { text: 'Tòa án nhân dân cấp huyện' } }]),
    });
    const id = draft.data.draftPlan.id;
    const before = await eventsOf(id);
    const result = await as('d513', ISSUE, { id, on: '2021-06-01' });
    expect(result.errors?.[0]).toMatchObject({
      message: 'Nhiệm vụ "Nâng cao chất lượng xét xử" (t1) chưa có đơn vị thực hiện.',
      extensions: { code: 'BAD_USER_INPUT', field: 'sections[0].tasks[0].implementing' },
    });
    expect(await eventsOf(id)).toBe(before);
  });

  it('refuses an impossible issue day (2026-02-31) with BAD_USER_INPUT naming issuedOn, never a server error, nothing appended (issue 20)', async () => {
    const draft = await as('d513', DRAFT, { input: draftInput([OFFICE_TASK]) });
    const id = draft.data.draftPlan.id;
    const before = await eventsOf(id);
    // As the gateway sends it: every argument as a variable named `_<field>_<argument>`.
    const asGatewaySends = await as('d513', 'mutation($id: ID!, $_issuePlan_issuedOn: Date) { issuePlan(id: $id, issuedOn: $_issuePlan_issuedOn) { id } }', {
      id,
      _issuePlan_issuedOn: '2026-02-31',
    });
    expect(asGatewaySends.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^issuedOn: Ngày "2026-02-31" không hợp lệ/),
      extensions: { code: 'BAD_USER_INPUT', field: 'issuedOn' },
    });
    const asVariable = await as('d513', 'mutation($id: ID!, $issuedOn: Date) { issuePlan(id: $id, issuedOn: $issuedOn) { id } }', {
      id,
      issuedOn: '2026-02-31',
    });
    expect(asVariable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'issuedOn' });
    expect(await eventsOf(id)).toBe(before);
  });

  it('issues: "UBND các xã, thị trấn" is the district’s communes on the issue day; the cascade is due 30 days later', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5)); // the issue's recordedAt lies after `beforeIssue`
    const result = await as('d513', ISSUE, { id: planId, on: '2021-06-01' });
    expect(result.errors).toBeUndefined();
    const plan = result.data.issuePlan;
    expect(plan).toMatchObject({ status: 'ISSUED', revision: 1, issuedOn: '2021-06-01' });
    const [t1, t2] = plan.sections[0].tasks;
    expect(t1.implementing).toEqual({ text: 'UBND các xã, thị trấn', units: COMMUNES_2021.map((code) => ({ code })), unresolved: [] });
    expect(t1.lead.units).toEqual([{ code: '513.PNV' }]);
    expect(t2.implementing.units).toEqual([{ code: '513.PTP' }]);
    expect(plan.cascade).toEqual({ dueOn: '2021-07-01', units: COMMUNES_2021.map((code) => ({ code })) });
  });

  it('publishes plans.PlanIssued v1 with the resolved codes and each task’s due day', async () => {
    const message = await eventually(() => {
      const found = published.find((m) => m.name === PlanIssuedV1.name && (m.data as PlanIssuedV1).planId === planId);
      expect(found).toBeDefined();
      return found as IntegrationMessage<PlanIssuedV1>;
    });
    expect(message.metadata.tenant).toBe('513');
    expect(message.metadata.actor.username).toBe('d513');
    expect(message.data.tasks.map((task) => [task.taskId, task.implementing, task.lead, task.dueOn])).toEqual([
      ['t1', COMMUNES_2021, ['513.PNV'], '2021-09-30'],
      ['t2', ['513.PTP'], ['513.PNV'], null],
    ]);
    expect(message.data.cascade).toEqual({ unitCodes: COMMUNES_2021, dueOn: '2021-07-01', text: draftInput([]).cascade.text });
  });

  it('answers plan(asOf) before the issue instant with the draft', async () => {
    const draft = await as('auditor', PLAN, { id: planId, asOf: beforeIssue.toISOString() });
    expect(draft.data.plan).toMatchObject({ status: 'DRAFT', issuedOn: null });
    const now = await as('auditor', PLAN, { id: planId });
    expect(now.data.plan).toMatchObject({ status: 'ISSUED' });
    const beforeAnything = await as('auditor', PLAN, { id: planId, asOf: '2020-01-01T00:00:00Z' });
    expect(beforeAnything.data.plan).toBeNull();
  });

  it('amends the plan to drop the office task: revision 2 with its reason, PlanAmended published', async () => {
    const result = await as('d513', AMEND, {
      id: planId,
      input: { reason: 'Phòng Tư pháp đã hoàn thành nhiệm vụ', removeTaskIds: ['t2'], amendedOn: '2021-08-01' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.amendPlan).toMatchObject({
      revision: 2,
      amendments: [{ revision: 2, reason: 'Phòng Tư pháp đã hoàn thành nhiệm vụ', amendedOn: '2021-08-01' }],
    });
    expect(result.data.amendPlan.sections[0].tasks.map((t: { id: string }) => t.id)).toEqual(['t1']);
    await eventually(() =>
      expect(published.find((m) => m.name === PlanAmendedV1.name && (m.data as PlanAmendedV1).planId === planId)?.data).toMatchObject({
        revision: 2,
        removedTaskIds: ['t2'],
        addedTasks: [],
      }),
    );
  });

  it('lets the units below the issuer and auditors above read it; another district gets FORBIDDEN', async () => {
    expect((await as('c20797', PLAN, { id: planId })).data.plan.id).toBe(planId);
    expect((await as('d514', PLAN, { id: planId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('d514', `query { plans(issuerCode: "513") { id } }`, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('d514', `query { plans { id } }`, {})).data.plans).toEqual([]);
    expect((await as('auditor', `query { plans(year: 2021) { id } }`, {})).data.plans.map((p: { id: string }) => p.id)).toContain(planId);
  });

  it("answers the gateway's reference ask, plan(id) { __typename id }, from the issuer alone, with the same access rule (issue 11)", async () => {
    const REFERENCE = `query($id: ID!) { plan(id: $id) { __typename id } }`;
    expect((await as('c20797', REFERENCE, { id: planId })).data.plan).toEqual({ __typename: 'Plan', id: planId });
    expect((await as('d514', REFERENCE, { id: planId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('d513', REFERENCE, { id: 'no-such-plan' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Any other field, or a fragment, takes the whole plan.
    expect((await as('c20797', `query($id: ID!) { plan(id: $id) { id ... on Plan { issuerCode } } }`, { id: planId })).data.plan).toEqual({
      id: planId,
      issuerCode: '513',
    });
  });

  it('refuses another district’s manager and an unknown plan', async () => {
    expect((await as('d514', ISSUE, { id: planId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('d514', DRAFT, { input: draftInput([COMMUNE_TASK]) })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // An unknown plan answers as another tenant's does: nothing tells whether an id exists (issue 12, finding 7).
    expect((await as('d513', ISSUE, { id: 'no-such-plan' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('d513', PLAN, { id: 'no-such-plan' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('d514', PLAN, { id: 'no-such-plan' })).errors?.[0]).toEqual((await as('d514', PLAN, { id: planId })).errors?.[0]);
  });

  it('refuses a draft implementing a plan its drafter cannot read, as it refuses an unknown one (issue 12, finding 7)', async () => {
    const own = await as('d514', DRAFT, { input: { ...draftInput([COMMUNE_TASK]), issuerCode: '514' } });
    const otherDistrictsPlan = own.data?.draftPlan?.id;
    expect(otherDistrictsPlan).toEqual(expect.any(String));
    const unreadable = await as('d513', DRAFT, { input: { ...draftInput([COMMUNE_TASK]), implementsPlanId: otherDistrictsPlan } });
    const unknown = await as('d513', DRAFT, { input: { ...draftInput([COMMUNE_TASK]), implementsPlanId: 'no-such-plan' } });
    expect(unreadable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'implementsPlanId' });
    expect(unreadable.errors?.[0]).toEqual(unknown.errors?.[0]);
  });

  it('revises a refused draft and issues it; a closed plan accepts nothing more (CONFLICT)', async () => {
    const draft = await as('d513', DRAFT, { input: draftInput([{ ...OFFICE_TASK, implementing: { text: 'Tòa án nhân dân cấp huyện' } }]) });
    const id = draft.data.draftPlan.id;
    const revised = await as(
      'd513',
      `mutation($id: ID!, $input: DraftPlanInput!) { reviseDraftPlan(id: $id, input: $input) { id status sections { tasks { id implementing { text } } } } }`,
      {
        id,
        input: draftInput([{ ...OFFICE_TASK, implementing: { text: 'Tòa án nhân dân cấp huyện', unitCodes: ['513.PTP'] } }]),
      },
    );
    expect(revised.data.reviseDraftPlan).toMatchObject({ status: 'DRAFT', sections: [{ tasks: [{ id: 't1' }] }] });
    const issued = await as('d513', ISSUE, { id, on: '2021-06-01' });
    expect(issued.data.issuePlan.sections[0].tasks[0].implementing).toEqual({
      text: 'Tòa án nhân dân cấp huyện',
      units: [{ code: '513.PTP' }],
      unresolved: ['Tòa án nhân dân cấp huyện'],
    });
    const closed = await as(
      'd513',
      `mutation($id: ID!) { closePlan(id: $id, reason: "Hết năm kế hoạch", closedOn: "2021-12-31") { status closedOn closeReason } }`,
      { id },
    );
    expect(closed.data.closePlan).toEqual({ status: 'CLOSED', closedOn: '2021-12-31', closeReason: 'Hết năm kế hoạch' });
    const amended = await as('d513', AMEND, { id, input: { reason: 'Bổ sung', removeTaskIds: ['t1'] } });
    expect(amended.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('refuses an explicit unit of another district with BAD_USER_INPUT naming the cell', async () => {
    const draft = await as('d513', DRAFT, { input: draftInput([{ ...OFFICE_TASK, implementing: { text: 'UBND cấp xã', unitCodes: ['20833'] } }]) });
    const result = await as('d513', ISSUE, { id: draft.data.draftPlan.id, on: '2021-06-01' });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sections[0].tasks[0].implementing.unitCodes' });
    expect(result.errors?.[0].message).toContain('không thuộc phạm vi của đơn vị ban hành');
  });

  it('shows its history (who, when, state after each event) and an intact hash chain', async () => {
    const result = await as(
      'auditor',
      `query($id: ID!) { plan(id: $id) { history { version type actor { username } } integrity { ok checkedEvents firstBrokenVersion } } }`,
      { id: planId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.plan.history.map((h: { type: string }) => h.type)).toEqual(['PlanDrafted', 'PlanIssued', 'PlanAmended']);
    expect(result.data.plan.history[1].actor.username).toBe('d513');
    expect(result.data.plan.integrity).toEqual({ ok: true, checkedEvents: 3, firstBrokenVersion: null });
  });

  it('pages its history and the plans (issue 15): a window asked, a page with its total, a limit above the maximum refused by name', async () => {
    const history = await as(
      'auditor',
      `query($id: ID!) { plan(id: $id) { first: history(limit: 1) { type } page: historyPage(offset: 1, limit: 1) { total hasNextPage items { type } } } }`,
      { id: planId },
    );
    expect(history.data.plan).toEqual({ first: [{ type: 'PlanDrafted' }], page: { total: 3, hasNextPage: true, items: [{ type: 'PlanIssued' }] } });
    const tooLarge = await as('auditor', `query($id: ID!) { plan(id: $id) { history(limit: 501) { type } } }`, { id: planId });
    expect(tooLarge.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit', max: 500 });
    const all = (await as('d513', '{ plans(issuerCode: "513") { id } }', {})).data.plans;
    const page = (await as('d513', '{ planPage(issuerCode: "513", limit: 1) { total hasNextPage items { id } } }', {})).data.planPage;
    expect(page).toEqual({ total: all.length, hasNextPage: all.length > 1, items: [all[0]] });
    expect((await as('d513', '{ plans(issuerCode: "513", offset: -1) { id } }', {})).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'offset',
    });
  });

  it('previews a draft as it would be issued on a day, and the issue records exactly that', async () => {
    const draft = await as('d513', DRAFT, {
      input: draftInput([COMMUNE_TASK, { ...OFFICE_TASK, implementing: { text: 'Phòng Tư pháp; Công an các xã, thị trấn; Viện Kiểm sát nhân dân huyện' } }]),
    });
    const id = draft.data.draftPlan.id;
    const preview = await as(
      'd513',
      `query($id: ID!, $on: Date) { planIssuePreview(id: $id, issuedOn: $on) { issuedOn issuable problems { field rule message } assignments cascadeUnits { code } cascadeDueOn
      tasks { id path assignments lead { units { code } unresolved } implementing { text units { code } unresolved } monitoring { units { code } } } } }`,
      { id, on: '2024-02-01' },
    );
    expect(preview.errors).toBeUndefined();
    const seen = preview.data.planIssuePreview;
    // 20803 was set up on 2024-01-01: on 2024-02-01 it is one of the communes.
    expect(seen).toMatchObject({ issuedOn: '2024-02-01', issuable: true, problems: [], cascadeDueOn: '2024-03-02', assignments: 4 + 1 + 2 + 1 + 4 });
    expect(seen.tasks[1]).toMatchObject({
      path: 'sections[0].tasks[1]',
      assignments: 3,
      implementing: { units: [{ code: '513.PTP' }, { code: '20794.CA' }], unresolved: ['Viện Kiểm sát nhân dân huyện'] },
    });
    const issued = await as('d513', ISSUE, { id, on: '2024-02-01' });
    expect(issued.errors).toBeUndefined();
    const tasks = issued.data.issuePlan.sections[0].tasks;
    // No monitoring cell: the plan shows none, the preview an empty one.
    expect(
      tasks.map((t: { lead: unknown; implementing: unknown; monitoring: unknown }) => ({
        lead: t.lead,
        implementing: t.implementing,
        monitoring: t.monitoring ?? { units: [] },
      })),
    ).toEqual(
      seen.tasks.map((t: { lead: { units: unknown; unresolved: unknown }; implementing: unknown; monitoring: unknown }, i: number) => ({
        lead: { text: tasks[i].lead.text, ...t.lead },
        implementing: t.implementing,
        monitoring: t.monitoring,
      })),
    );
    expect(issued.data.issuePlan.cascade).toEqual({ dueOn: seen.cascadeDueOn, units: seen.cascadeUnits });
  });

  it('reports all four faulty rows of a plan in one answer, each with its field and reason; nothing is issued', async () => {
    const draft = await as('d513', DRAFT, {
      input: draftInput([
        COMMUNE_TASK,
        { ...OFFICE_TASK, text: 'Xét xử lưu động', implementing: { text: 'Tòa án nhân dân cấp huyện' } },
        { ...OFFICE_TASK, text: 'Kiểm tra hồ sơ', lead: { text: 'Phòng Nội vụ', unitCodes: ['519.PNV'] } },
        { ...OFFICE_TASK, text: 'Hỗ trợ thôn mới', implementing: { text: 'UBND cấp xã', unitCodes: ['20833'] } },
        { text: 'Tổng hợp ý kiến', implementing: { text: 'Hội đồng tư vấn' }, lead: { text: 'Ban chỉ đạo' } },
      ]),
    });
    const id = draft.data.draftPlan.id;
    const before = await eventsOf(id);
    const preview = await as('d513', `query($id: ID!) { planIssuePreview(id: $id, issuedOn: "2021-06-01") { issuable problems { field rule } } }`, { id });
    const result = await as('d513', ISSUE, { id, on: '2021-06-01' });
    expect(result.errors).toHaveLength(1);
    const problems = result.errors?.[0].extensions?.problems as Array<{ field: string; rule: string; message: string }>;
    expect(problems.map((p) => [p.field, p.rule])).toEqual([
      ['sections[0].tasks[1].implementing', 'PLAN.NO_IMPLEMENTING_UNIT'],
      ['sections[0].tasks[2].lead.unitCodes', 'PLAN.UNIT_NOT_FOUND'],
      ['sections[0].tasks[3].implementing.unitCodes', 'PLAN.UNIT_OUTSIDE_ISSUER'],
      ['sections[0].tasks[4].implementing', 'PLAN.NO_IMPLEMENTING_UNIT'],
      ['sections[0].tasks[4].lead', 'PLAN.NO_ANSWERABLE_UNIT'],
    ]);
    expect(new Set(problems.map((p) => p.field.slice(0, 'sections[0].tasks[1]'.length))).size).toBe(4);
    expect(problems.every((p) => /^Nhiệm vụ ".+" \(t\d\)/u.test(p.message))).toBe(true);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'PLAN.ISSUE_PROBLEMS', field: 'sections[0].tasks[1].implementing' });
    expect(preview.data.planIssuePreview).toEqual({ issuable: false, problems: problems.map(({ field, rule }) => ({ field, rule })) });
    expect(await eventsOf(id)).toBe(before);
    expect((await as('d513', PLAN, { id })).data.plan.status).toBe('DRAFT');
  });

  it('refuses a second plan with the same number by the same issuer in the same year (CONFLICT naming the first); another year is free', async () => {
    const first = await as('d513', DRAFT, { input: draftInput([OFFICE_TASK], '900/KH-UBND') });
    expect((await as('d513', ISSUE, { id: first.data.draftPlan.id, on: '2022-03-01' })).errors).toBeUndefined();
    const second = await as('d513', DRAFT, { input: { ...draftInput([OFFICE_TASK], '900/KH - UBND'), title: 'Một kế hoạch khác' } });
    const id = second.data.draftPlan.id;
    const before = await eventsOf(id);
    const preview = await as('d513', `query($id: ID!) { planIssuePreview(id: $id, issuedOn: "2022-11-30") { issuable problems { rule } } }`, { id });
    expect(preview.data.planIssuePreview).toEqual({ issuable: false, problems: [{ rule: 'PLAN.NUMBER_TAKEN' }] });
    const refused = await as('d513', ISSUE, { id, on: '2022-11-30' });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      rule: 'PLAN.NUMBER_TAKEN',
      field: 'input.number',
      existingPlanId: first.data.draftPlan.id,
    });
    expect(refused.errors?.[0].message).toContain(first.data.draftPlan.id);
    expect(await eventsOf(id)).toBe(before);
    expect((await as('d513', ISSUE, { id, on: '2023-01-05' })).errors).toBeUndefined();
  });

  it('lists a taken number among the plan’s other problems, in the same answer', async () => {
    const draft = await as('d513', DRAFT, {
      input: draftInput([OFFICE_TASK, { ...OFFICE_TASK, implementing: { text: 'Tòa án nhân dân cấp huyện' } }], '900/KH-UBND'),
    });
    const result = await as('d513', ISSUE, { id: draft.data.draftPlan.id, on: '2022-12-01' });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'PLAN.ISSUE_PROBLEMS' });
    expect((result.errors?.[0].extensions?.problems as Array<{ rule: string; field: string }>).map((p) => [p.rule, p.field])).toEqual([
      ['PLAN.NO_IMPLEMENTING_UNIT', 'sections[0].tasks[1].implementing'],
      ['PLAN.NUMBER_TAKEN', 'input.number'],
    ]);
  });

  it('lets only one of two concurrent issues of one number commit', async () => {
    const ids = await Promise.all(
      [0, 1].map(async () => (await as('d513', DRAFT, { input: draftInput([OFFICE_TASK], '901/KH-UBND') })).data.draftPlan.id as string),
    );
    const results = await Promise.all(ids.map((id) => as('d513', ISSUE, { id, on: '2022-05-05' })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(1);
  });

  it('answers a retried issue with the same idempotency key with the issued plan, appending nothing; another plan under that key is CONFLICT', async () => {
    const id = (await as('d513', DRAFT, { input: draftInput([OFFICE_TASK], '902/KH-UBND') })).data.draftPlan.id as string;
    const key = `issue-${id}`;
    const issue = (planId: string) => client.request(ISSUE, { id: planId, on: '2022-06-06' }, token['d513'], { 'Idempotency-Key': key });
    const first = await issue(id);
    expect(first.errors).toBeUndefined();
    const events = await eventsOf(id);
    // The client lost the answer (a cut connection) and sends the same request again.
    const retried = await issue(id);
    expect(retried.errors).toBeUndefined();
    expect(retried.data.issuePlan).toEqual(first.data.issuePlan);
    expect(await eventsOf(id)).toBe(events);
    const other = (await as('d513', DRAFT, { input: draftInput([OFFICE_TASK], '903/KH-UBND') })).data.draftPlan.id as string;
    const reused = await issue(other);
    expect(reused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key' });
    expect((await as('d513', PLAN, { id: other })).data.plan.status).toBe('DRAFT');
  });
  it("decides against its replica of the scoring service's catalogue: a set published later is listed, citable and named; a message seen twice keeps one row", async () => {
    const set = {
      code: 'CCHC-HUYEN-2021',
      version: 1,
      kind: 'PAR_INDEX_SET' as const,
      name: 'Bộ chỉ số CCHC cấp huyện 2021',
      editions: [
        {
          fromYear: 2021,
          indicators: [
            { code: '1', name: 'Công tác chỉ đạo, điều hành' },
            { code: '1.2', name: 'Kiểm tra CCHC' },
          ],
        },
      ],
      issuerCode: '49',
      publishedOn: '2021-03-01',
    };
    const input = {
      ...draftInput([OFFICE_TASK]),
      frameworks: ['CCHC-HUYEN-2021'],
      sections: [{ title: 'Kiểm tra', indicator: { framework: 'CCHC-HUYEN-2021', code: '1.2' }, tasks: [OFFICE_TASK] }],
    };
    const before = await as('d513', DRAFT, { input });
    expect(before.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'PLAN.UNKNOWN_FRAMEWORK', field: 'input.frameworks[0]' });

    await publishFrameworks(bus, [set]);
    await publishFrameworks(bus, [set]);
    await eventually(async () =>
      expect(
        (await as('d513', `{ planFrameworks { code kind version issuerCode editions { fromYear indicators { code name } } } }`, {})).data.planFrameworks,
      ).toContainEqual({ code: 'CCHC-HUYEN-2021', kind: 'PAR_INDEX_SET', version: 1, issuerCode: '49', editions: set.editions }),
    );
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM plans.frameworks WHERE code = 'CCHC-HUYEN-2021'`))[0].n).toBe(1);
    const drafted = await as('d513', DRAFT, { input });
    expect(drafted.errors).toBeUndefined();
    expect(drafted.data.draftPlan.sections[0].indicator).toEqual({ framework: 'CCHC-HUYEN-2021', code: '1.2', name: 'Kiểm tra CCHC' });
  });
});
