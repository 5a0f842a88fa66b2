import { DataSource } from 'typeorm';
import { eventually, GraphQLTestClient } from '@reform/testing';
import { beforeReorganisation, PLATFORM_START_MS, startTestPlatform, TestPlatform } from './test-platform';
import { COMMUNE_TASK, OFFICE_TASK, quangNamParPlanId, thangBinhDraft as draft } from './thang-binh-plan';

/**
 * The plans issue's acceptance, end to end through the gateway as the users would do it: Thăng
 * Bình's office of home affairs (d513) drafts and issues a plan implementing the provincial one;
 * the tasks service assigns it to the 20 communes and the office; a commune works its assignment
 * through; the district sees the progress and amends the plan.
 */
const THANG_BINH_COMMUNES = 20;
const PLAN_FIELDS = 'id status revision sections { tasks { id text implementing { units { code } } lead { units { code } } } }';
const ASSIGNMENT_FIELDS = 'id planId taskId unitCode role status percent note result cancelledReason';

interface Assignment {
  id: string;
  planId: string;
  taskId: string;
  unitCode: string;
  role: string;
  status: string;
  percent: number;
  note: string | null;
  result: string | null;
  cancelledReason: string | null;
}

describe('plans and assignments through the gateway', () => {
  let test: TestPlatform;
  let client: GraphQLTestClient;
  let provincialPlanId: string;

  beforeAll(async () => {
    test = await startTestPlatform('e2e_plans', { clock: beforeReorganisation() });
    client = test.client;
    provincialPlanId = await quangNamParPlanId(client);
  }, PLATFORM_START_MS);
  afterAll(() => test?.stop());

  const assignmentsOf = async (planId: string): Promise<Assignment[]> => {
    const { assignments } = await client.as(
      'd513',
      `query($p: ID!) { assignments(unitCode: "513", includeSubtree: true, planId: $p) { ${ASSIGNMENT_FIELDS} } }`,
      { p: planId },
    );
    return assignments;
  };

  it('d513 drafts and issues a plan; within 5 s each of the 20 communes has its assignment; a commune accepts, reports 50 % and completes; the district sees the progress; an amendment cancels the office task', async () => {
    const { draftPlan } = await client.as('d513', `mutation($input: DraftPlanInput!) { draftPlan(input: $input) { ${PLAN_FIELDS} } }`, {
      input: draft(provincialPlanId, [COMMUNE_TASK, OFFICE_TASK]),
    });
    expect(draftPlan.status).toBe('DRAFT');

    const issuedAt = Date.now();
    const { issuePlan } = await client.as('d513', `mutation($id: ID!) { issuePlan(id: $id) { ${PLAN_FIELDS} } }`, { id: draftPlan.id });
    expect(issuePlan).toMatchObject({ status: 'ISSUED', revision: 1 });
    const [communeTask, officeTask] = issuePlan.sections[0].tasks;
    expect(communeTask.implementing.units).toHaveLength(THANG_BINH_COMMUNES);
    expect(officeTask.implementing.units).toEqual([{ code: '513.VP' }]);

    // The acceptance's bound, not a benchmark: the fan-out crosses the bus and the inbox.
    const communeAssignments = await eventually(
      async () => {
        const found = (await assignmentsOf(draftPlan.id)).filter((a) => a.taskId === communeTask.id && a.role === 'IMPLEMENTING');
        expect(found).toHaveLength(THANG_BINH_COMMUNES);
        return found;
      },
      { timeoutMs: 5_000, intervalMs: 100 },
    );
    const visibleAfterMs = Date.now() - issuedAt;
    expect(visibleAfterMs).toBeLessThan(5_000);
    expect(new Set(communeAssignments.map((a) => a.unitCode))).toEqual(new Set(communeTask.implementing.units.map((u: { code: string }) => u.code)));
    expect(communeAssignments.every((a) => a.status === 'ASSIGNED')).toBe(true);

    // One commune works its assignment through, as itself.
    const mine = communeAssignments.find((a) => a.unitCode === '20794') as Assignment;
    const commune = 'c20794';
    const { acceptAssignment } = await client.as(commune, `mutation($id: ID!) { acceptAssignment(id: $id) { ${ASSIGNMENT_FIELDS} } }`, { id: mine.id });
    expect(acceptAssignment.status).toBe('ACCEPTED');
    const { reportAssignmentProgress } = await client.as(
      commune,
      `mutation($id: ID!, $input: ProgressInput!) { reportAssignmentProgress(id: $id, input: $input) { ${ASSIGNMENT_FIELDS} } }`,
      {
        id: mine.id,
        input: { percent: 50, note: 'Đã niêm yết tại trụ sở UBND xã; đang cập nhật trên Cổng thông tin điện tử.' },
      },
    );
    expect(reportAssignmentProgress).toMatchObject({
      status: 'IN_PROGRESS',
      percent: 50,
      note: 'Đã niêm yết tại trụ sở UBND xã; đang cập nhật trên Cổng thông tin điện tử.',
    });
    const { completeAssignment } = await client.as(
      commune,
      `mutation($id: ID!, $input: CompletionInput!) { completeAssignment(id: $id, input: $input) { ${ASSIGNMENT_FIELDS} } }`,
      {
        id: mine.id,
        input: { result: '100% thủ tục hành chính được niêm yết công khai.', evidence: ['Biên bản kiểm tra ngày 20/11/2026'] },
      },
    );
    expect(completeAssignment).toMatchObject({ status: 'COMPLETED', percent: 100, result: '100% thủ tục hành chính được niêm yết công khai.' });

    // The district's view: one commune completed, 19 assigned.
    const { plan } = await client.as(
      'd513',
      'query($id: ID!) { plan(id: $id) { progress { completed children { unitCode assigned accepted inProgress completed total } } } }',
      { id: draftPlan.id },
    );
    const communes = plan.progress.children.filter((row: { unitCode: string }) => /^\d{5}$/.test(row.unitCode));
    expect(communes).toHaveLength(THANG_BINH_COMMUNES);
    expect(communes.filter((row: { completed: number }) => row.completed === 1).map((row: { unitCode: string }) => row.unitCode)).toEqual(['20794']);
    expect(communes.filter((row: { assigned: number; total: number }) => row.assigned === 1 && row.total === 1)).toHaveLength(THANG_BINH_COMMUNES - 1);
    expect(plan.progress.completed).toBe(1);

    // Amend: the office task dropped; its open assignment is cancelled with the amendment's reason.
    const reason = 'Giao Phòng Nội vụ tổng hợp trực tiếp, không giao Văn phòng.';
    const { amendPlan } = await client.as('d513', `mutation($id: ID!, $input: AmendPlanInput!) { amendPlan(id: $id, input: $input) { ${PLAN_FIELDS} } }`, {
      id: draftPlan.id,
      input: { reason, removeTaskIds: [officeTask.id] },
    });
    expect(amendPlan.revision).toBe(2);
    expect(amendPlan.sections[0].tasks.map((task: { id: string }) => task.id)).toEqual([communeTask.id]);
    await eventually(
      async () => {
        const office = (await assignmentsOf(draftPlan.id)).find((a) => a.taskId === officeTask.id && a.unitCode === '513.VP');
        expect(office?.status).toBe('CANCELLED');
        expect(office?.cancelledReason).toBe(`Điều chỉnh kế hoạch (lần 1): ${reason}`);
      },
      { timeoutMs: 10_000 },
    );
    // The commune's completed assignment is untouched by the amendment.
    const { assignment } = await client.as(commune, `query($id: ID!) { assignment(id: $id) { ${ASSIGNMENT_FIELDS} } }`, { id: mine.id });
    expect(assignment.status).toBe('COMPLETED');
  });

  it.each([
    ['no implementing unit', { ...COMMUNE_TASK, text: 'Rà soát quy chế làm việc', implementing: null }, /chưa có đơn vị thực hiện/, 'implementing'],
    [
      'neither a lead nor a monitor',
      { ...COMMUNE_TASK, text: 'Rà soát quy chế làm việc', lead: null, monitoring: null },
      /chưa có đơn vị chủ trì hoặc theo dõi/,
      'monitoring',
    ],
  ])('issuing a plan whose task has %s fails with BAD_USER_INPUT naming the task; nothing is issued or assigned', async (_case, badTask, message, field) => {
    const { draftPlan } = await client.as('d513', `mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }`, {
      input: draft(provincialPlanId, [OFFICE_TASK, badTask]),
    });
    const result = await client.request('mutation($id: ID!) { issuePlan(id: $id) { id } }', { id: draftPlan.id }, await client.login('d513'));
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors ?? [];
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('Rà soát quy chế làm việc');
    expect(error.message).toMatch(message);
    expect(error.extensions?.field).toMatch(new RegExp(`tasks\\[1\\]\\.${field}$`));

    const { plan } = await client.as('d513', 'query($id: ID!) { plan(id: $id) { status revision history { type } } }', { id: draftPlan.id });
    expect(plan).toMatchObject({ status: 'DRAFT', revision: null });
    expect(plan.history.map((entry: { type: string }) => entry.type)).toEqual(['PlanDrafted']);
    // Give a wrongly published event time to arrive before looking for its assignments.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await assignmentsOf(draftPlan.id)).toEqual([]);
  });

  it('integrity through the gateway on Unit, Account, Plan and Assignment: intact, then the version of an event row changed in PostgreSQL', async () => {
    const { draftPlan } = await client.as('d513', `mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }`, {
      input: draft(provincialPlanId, [COMMUNE_TASK], '121/KH-UBND'),
    });
    await client.as('d513', 'mutation($id: ID!) { issuePlan(id: $id) { id } }', { id: draftPlan.id });
    const [assignment] = await eventually(async () => {
      const found = await assignmentsOf(draftPlan.id);
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    await client.as(`c${assignment.unitCode}`, 'mutation($id: ID!) { acceptAssignment(id: $id) { id } }', { id: assignment.id });
    const { me } = await client.as(`c${assignment.unitCode}`, '{ me { id } }');
    const integrity = async () => {
      const data = await client.as(
        'auditor',
        `query($p: ID!, $a: ID!, $u: ID!) {
          plan(id: $p) { integrity { ok checkedEvents firstBrokenVersion } }
          assignment(id: $a) { integrity { ok checkedEvents firstBrokenVersion } }
          unit(code: $u) { integrity { ok checkedEvents firstBrokenVersion } accounts { username integrity { ok checkedEvents firstBrokenVersion } } }
        }`,
        { p: draftPlan.id, a: assignment.id, u: assignment.unitCode },
      );
      return { plan: data.plan.integrity, assignment: data.assignment.integrity, unit: data.unit.integrity, account: data.unit.accounts[0].integrity };
    };
    const intact = await integrity();
    expect(intact.plan).toEqual({ ok: true, checkedEvents: 2, firstBrokenVersion: null });
    expect(intact.assignment).toEqual({ ok: true, checkedEvents: 2, firstBrokenVersion: null });
    expect(intact.unit).toMatchObject({ ok: true, firstBrokenVersion: null });
    expect(intact.account).toMatchObject({ ok: true, firstBrokenVersion: null });

    // Someone with database access rewrites what was recorded.
    const tamper = (app: { get(type: typeof DataSource): DataSource }, schema: string, streamId: string, version: number) =>
      app
        .get(DataSource)
        .query(`UPDATE "${schema}".events SET data = data || '{"tampered": true}'::jsonb WHERE stream_id = $1 AND stream_version = $2`, [streamId, version]);
    await tamper(test.platform.plans, 'plans', `plan-${draftPlan.id}`, 2);
    await tamper(test.platform.tasks, 'tasks', `assignment-${assignment.id}`, 1);
    await tamper(test.platform.directory, 'directory', `unit-${assignment.unitCode}`, 1);
    await tamper(test.platform.directory, 'directory', `account-${me.id}`, 1);
    const broken = await integrity();
    expect(broken.plan).toEqual({ ok: false, checkedEvents: 2, firstBrokenVersion: 2 });
    expect(broken.assignment).toMatchObject({ ok: false, firstBrokenVersion: 1 });
    expect(broken.unit).toMatchObject({ ok: false, firstBrokenVersion: 1 });
    expect(broken.account).toMatchObject({ ok: false, firstBrokenVersion: 1 });
  });
});
