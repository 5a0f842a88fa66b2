import { PlanIssuedV1 } from '@reform/contracts';
import { eventually } from '@reform/testing';
import { publishUnitFact } from '@reform/unit-hierarchy';
import { assignmentId, FixedClock } from '../src';
import { COMMUNES, count, message, plan, task, TasksTestBed, useTokens } from './tasks-test-kit';

/**
 * Issue 15: a list of more than 5,000 assignments pages to the end with the right total, a list is
 * never cut silently, and a plan's roll-up follows its own day — through the subgraph on a real
 * PostgreSQL. The plan: 250 tasks of province 49 to the 20 communes of district 600 and to 60101
 * of district 601 (5,250 assignments); after its issue, 60101 merges into 60001.
 */
const TASKS = 250;
const UNITS = [...COMMUNES, '60101'];
const TOTAL = TASKS * UNITS.length;

describe('tasks: paging and the plan tree through the subgraph', () => {
  const clock = new FixedClock(new Date('2025-03-01T03:00:00Z'));
  const bed = new TasksTestBed('tasks_paging', clock, { chunkSize: 2_000 });
  const issued = plan({
    issuerCode: '49',
    tasks: Array.from({ length: TASKS }, (_, i) => task(`t${i + 1}`, { implementing: UNITS, lead: [] })),
  });
  const PAGE = `query($offset: Int, $limit: Int) { assignmentPage(unitCode: "49", includeSubtree: true, planId: "${issued.planId}", offset: $offset, limit: $limit) { total offset limit hasNextPage items { id unitCode } } }`;

  beforeAll(async () => {
    await bed.start();
    await bed.bus.publish(message(PlanIssuedV1, issued, `plan-${issued.planId}`));
    await eventually(
      async () => expect(await count(bed.dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1`, [issued.planId])).toBe(TOTAL),
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    await useTokens(bed.client, { doha: [['UNIT_MANAGER', '49']], c60101: [['UNIT_OFFICER', '60101']] });
  }, 180_000);

  afterAll(() => bed.stop());

  it(`pages through all ${TOTAL.toLocaleString('en')} assignments of the plan to the end: every one once, the right total, hasNextPage false on the last page`, async () => {
    const seen = new Set<string>();
    let page: { total: number; offset: number; limit: number; hasNextPage: boolean; items: Array<{ id: string }> };
    let offset = 0;
    let pages = 0;
    do {
      page = (await bed.client.as('doha', PAGE, { offset, limit: 1_000 })).assignmentPage;
      expect(page).toMatchObject({ total: TOTAL, offset, limit: 1_000 });
      for (const item of page.items) seen.add(item.id);
      offset += page.items.length;
      pages++;
    } while (page.hasNextPage);
    expect([seen.size, offset, pages]).toEqual([TOTAL, TOTAL, 6]);
    expect(page.items).toHaveLength(TOTAL - 5_000);
    // Past the end: an empty page that still tells the total.
    expect((await bed.client.as('doha', PAGE, { offset: TOTAL + 10, limit: 10 })).assignmentPage).toMatchObject({
      total: TOTAL,
      items: [],
      hasNextPage: false,
    });
  }, 60_000);

  it('never cuts a list silently: the plain list refuses more rows than its maximum naming limit, and limit beyond the maximum or a negative offset is refused by name', async () => {
    const refused = await bed.client.request(
      `{ assignments(unitCode: "49", includeSubtree: true, planId: "${issued.planId}") { id } }`,
      {},
      await bed.client.login('doha'),
    );
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit', total: TOTAL, max: 1_000 });
    expect(refused.errors?.[0].message).toContain('5.250 nhiệm vụ được giao');
    const tooLarge = await bed.client.request(PAGE, { limit: 1_001 }, await bed.client.login('doha'));
    expect(tooLarge.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit', max: 1_000 });
    const negative = await bed.client.request(PAGE, { offset: -1, limit: 10 }, await bed.client.login('doha'));
    expect(negative.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
    // A window asked for is answered as asked; a list within the maximum, whole.
    expect(
      (await bed.client.as('doha', `{ assignments(unitCode: "49", includeSubtree: true, planId: "${issued.planId}", offset: 5000, limit: 1000) { id } }`))
        .assignments,
    ).toHaveLength(TOTAL - 5_000);
    expect((await bed.client.as('doha', `{ assignments(unitCode: "60101", planId: "${issued.planId}") { id } }`)).assignments).toHaveLength(TASKS);
    const task = await bed.client.as(
      'doha',
      `{ taskAssignmentPage(planId: "${issued.planId}", taskId: "t7", limit: 5) { total hasNextPage items { unitCode } } }`,
    );
    expect(task.taskAssignmentPage).toMatchObject({ total: UNITS.length, hasNextPage: true });
  });

  it('percent complete moves when one of 5,250 assignments completes, beside the counts', async () => {
    const PROGRESS = `{ plan: _entities(representations: [{ __typename: "Plan", id: "${issued.planId}" }]) { ... on Plan { progress { total completed percentComplete } } } }`;
    const before = (await bed.client.as('doha', PROGRESS)).plan[0].progress;
    expect(before).toEqual({ total: TOTAL, completed: 0, percentComplete: 0 });
    const id = assignmentId({ planId: issued.planId, taskId: 't1', unitCode: '60101', role: 'IMPLEMENTING', kind: 'TASK' });
    await bed.client.as('c60101', 'mutation($id: ID!) { acceptAssignment(id: $id) { id } }', { id });
    await bed.client.as('c60101', 'mutation($id: ID!) { completeAssignment(id: $id, input: { result: "Đã xong" }) { id } }', { id });
    const after = (await bed.client.as('doha', PROGRESS)).plan[0].progress;
    expect(after).toEqual({ total: TOTAL, completed: 1, percentComplete: 0.019 });
  });

  it("rolls up in the plan's own tree: 60101 under 601 as on the issue day, and under 60001 (which took it in) today; the total is the plan's assignments in both", async () => {
    await publishUnitFact(bed.bus, 'UnitMerged', '60101', 2, { intoCode: '60001', effectiveOn: '2025-04-01' });
    await eventually(async () =>
      expect(await count(bed.dataSource, `SELECT count(*) FROM tasks.units WHERE code = '60101' AND merged_into = '60001'`)).toBe(1),
    );
    clock.set(new Date('2025-05-01T03:00:00Z'));
    const progress = async (tree: string) =>
      (
        await bed.client.as(
          'doha',
          `{ plan: _entities(representations: [{ __typename: "Plan", id: "${issued.planId}" }]) { ... on Plan { progress(tree: ${tree}) { total children { unitCode total children { unitCode total } } } } } }`,
        )
      ).plan[0].progress;
    const issueDay = await progress('ISSUE_DAY');
    expect(issueDay.total).toBe(TOTAL);
    expect(issueDay.children.map((c: { unitCode: string; total: number }) => [c.unitCode, c.total])).toEqual([
      ['600', TASKS * 20],
      ['601', TASKS],
    ]);
    const today = await progress('TODAY');
    expect(today.total).toBe(TOTAL);
    expect(today.children.map((c: { unitCode: string; total: number }) => [c.unitCode, c.total])).toEqual([['600', TOTAL]]);
    expect(today.children[0].children.find((c: { unitCode: string }) => c.unitCode === '60001').total).toBe(2 * TASKS);
    // The list of the merged district's work follows the same tree.
    const listed = async (unitCode: string, tree: string) =>
      (
        await bed.client.as(
          'doha',
          `{ assignmentPage(unitCode: "${unitCode}", includeSubtree: true, planId: "${issued.planId}", tree: ${tree}, limit: 1) { total } }`,
        )
      ).assignmentPage.total;
    expect([await listed('601', 'ISSUE_DAY'), await listed('601', 'TODAY'), await listed('60001', 'ISSUE_DAY'), await listed('60001', 'TODAY')]).toEqual([
      TASKS,
      TASKS,
      TASKS,
      2 * TASKS,
    ]);
  });
});
