import { PlanAmendedV1, PlanClosedV1, PlanIssuedV1 } from '@reform/contracts';
import { EVENT_STORE, PostgresEventStore, rebuildReadModels } from '@reform/event-store';
import { eventually, tableSnapshot } from '@reform/testing';
import { assignmentId, FixedClock, OverdueScheduler, tasksReadModels } from '../src';
import { count, message, plan, TasksTestBed, task, useTokens } from './tasks-test-kit';

/**
 * Issue 5, "Rebuild", for the tasks service: a plan fanned out over the bus to 20 communes, its
 * assignments accepted, reported, completed and extended through the subgraph, amended, marked
 * overdue and reminded by the scheduler, a second plan issued and closed; rebuilding
 * `assignments` from the event store gives exactly the live table. Then a third plan fans out
 * while a rebuild runs: each of its assignments lands once.
 */
describe('tasks: rebuilding the read model from the event store', () => {
  const clock = new FixedClock(new Date('2025-03-01T03:00:00Z'));
  const bed = new TasksTestBed('tasks_rebuild', clock);
  const issued = plan({ cascade: { unitCodes: ['60001'], dueOn: '2025-04-01', text: 'Ban hành kế hoạch triển khai' } });
  const idOf = (unitCode: string, taskId = 't1') => assignmentId({ planId: issued.planId, taskId, unitCode, role: 'IMPLEMENTING', kind: 'TASK' });
  const tables = tasksReadModels.projections.flatMap((p) => p.tables);
  const assignmentsOf = (planId: string) => count(bed.dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1`, [planId]);
  const rebuild = (pageSize = 100) =>
    rebuildReadModels({
      dataSource: bed.dataSource,
      store: bed.app.get<PostgresEventStore>(EVENT_STORE),
      schema: tasksReadModels.schema,
      projections: tasksReadModels.projections,
      pageSize,
    });

  const FIELDS = 'id status percent dueOn overdue';
  const as = (who: string, query: string, variables: Record<string, unknown> = {}) => bed.client.as(who, query, variables);

  beforeAll(async () => {
    await bed.start();
    await useTokens(bed.client, {
      c60001: [['UNIT_OFFICER', '60001']],
      c60002: [['UNIT_OFFICER', '60002']],
      c60003: [['UNIT_OFFICER', '60003']],
      c60005: [['UNIT_OFFICER', '60005']],
      d600: [['UNIT_MANAGER', '600']],
    });

    // The fan-out of an issued plan: 20 communes × 2 tasks, the lead office, the cascade obligation.
    await bed.bus.publish(message(PlanIssuedV1, issued, `plan-${issued.planId}`));
    await eventually(async () => expect(await assignmentsOf(issued.planId)).toBe(42));
    // The lifecycle through the subgraph.
    await as('c60001', `mutation($id: ID!) { acceptAssignment(id: $id) { ${FIELDS} } }`, { id: idOf('60001') });
    await as('c60001', `mutation($id: ID!) { reportAssignmentProgress(id: $id, input: { percent: 50, note: "Đã niêm yết 50%" }) { ${FIELDS} } }`, {
      id: idOf('60001'),
    });
    await as('c60001', `mutation($id: ID!) { completeAssignment(id: $id, input: { result: "Đã niêm yết đầy đủ", evidence: ["QĐ-5"] }) { ${FIELDS} } }`, {
      id: idOf('60001'),
    });
    await as('c60002', `mutation($id: ID!) { acceptAssignment(id: $id) { ${FIELDS} } }`, { id: idOf('60002') });
    await as('c60003', `mutation($id: ID!) { acceptAssignment(id: $id) { ${FIELDS} } }`, { id: idOf('60003') });
    await as('c60003', `mutation($id: ID!) { reportAssignmentProgress(id: $id, input: { percent: 30 }) { ${FIELDS} } }`, { id: idOf('60003') });
    await as('c60005', `mutation($id: ID!) { requestAssignmentExtension(id: $id, input: { newDueOn: "2025-07-15", reason: "Chờ kinh phí" }) { ${FIELDS} } }`, {
      id: idOf('60005'),
    });
    await as('d600', `mutation($id: ID!) { grantAssignmentExtension(id: $id) { ${FIELDS} } }`, { id: idOf('60005') });
    // An amendment: a task added for one commune, t2 cancelled.
    const amendment: PlanAmendedV1 = {
      planId: issued.planId,
      revision: 2,
      reason: 'Theo chỉ đạo của UBND tỉnh',
      amendedOn: '2025-05-02',
      addedTasks: [task('t3', { implementing: ['60004'], dueOn: '2025-09-30', timeframe: { kind: 'due', text: 'Trước 30/9/2025', on: '2025-09-30' } })],
      removedTaskIds: ['t2'],
      rescheduledTasks: [],
    };
    await bed.bus.publish(message(PlanAmendedV1, amendment, `plan-${issued.planId}`));
    await eventually(async () =>
      expect(
        await count(bed.dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1 AND task_id = 't2' AND status <> 'CANCELLED'`, [issued.planId]),
      ).toBe(0),
    );
    await eventually(async () => expect(await assignmentsOf(issued.planId)).toBe(43));
    // Overdue marks and reminders by the scheduler on a fixed clock.
    clock.set('2025-06-27T03:00:00Z');
    await bed.app.get(OverdueScheduler).tick();
    clock.set('2025-07-01T03:00:00Z');
    await bed.app.get(OverdueScheduler).tick();
    // A second plan, issued and closed: what was open is cancelled.
    const closed = plan({ tasks: [task('t1', { implementing: ['60006', '60007'] })] });
    await bed.bus.publish(message(PlanIssuedV1, closed, `plan-${closed.planId}`));
    await eventually(async () => expect(await assignmentsOf(closed.planId)).toBe(2));
    await bed.bus.publish(message(PlanClosedV1, { planId: closed.planId, closedOn: '2025-12-31', reason: 'Hết năm kế hoạch' }, `plan-${closed.planId}`));
    await eventually(async () =>
      expect(await count(bed.dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1 AND status = 'CANCELLED'`, [closed.planId])).toBe(2),
    );
  }, 120_000);

  afterAll(() => bed.stop());

  it('rebuilds assignments equal to the live table, row for row (statuses, percents, due days, overdue marks, state)', async () => {
    const live = await tableSnapshot(bed.dataSource, 'tasks', tables);
    expect(live.assignments).toHaveLength(45);
    const statuses = await bed.dataSource.query(`SELECT status, count(*)::int AS n FROM tasks.assignments GROUP BY status ORDER BY status`);
    expect(statuses.map((s: { status: string }) => s.status)).toEqual(['ACCEPTED', 'ASSIGNED', 'CANCELLED', 'COMPLETED', 'IN_PROGRESS']);
    expect(await count(bed.dataSource, `SELECT count(*) FROM tasks.assignments WHERE overdue`)).toBeGreaterThan(0);
    const [{ events }] = await bed.dataSource.query(`SELECT count(*)::int AS events FROM tasks.events`);
    const busFed = await tableSnapshot(bed.dataSource, 'tasks', ['units', 'unit_periods', 'known_plans', 'jobs']);

    const result = await rebuild(10);

    expect(await tableSnapshot(bed.dataSource, 'tasks', tables)).toEqual(live);
    expect(result).toMatchObject({ events, tables: [{ table: 'assignments', rowsBefore: 45, rowsAfter: 45 }, { table: 'plan_progress' }] });
    expect(await tableSnapshot(bed.dataSource, 'tasks', ['units', 'unit_periods', 'known_plans', 'jobs'])).toEqual(busFed);
  });

  it("keeps the roll-ups' counts equal to the assignments they count (per plan, unit, status, overdue), live and rebuilt", async () => {
    const counted = `SELECT plan_id, unit_code, status, overdue, count(*)::int AS n FROM tasks.assignments WHERE kind = 'TASK' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
    const kept = `SELECT plan_id, unit_code, status, overdue, n FROM tasks.plan_progress ORDER BY 1, 2, 3, 4`;
    const live = await bed.dataSource.query(counted);
    expect(new Set(live.map((row: { status: string }) => row.status))).toEqual(new Set(['ACCEPTED', 'ASSIGNED', 'CANCELLED', 'COMPLETED', 'IN_PROGRESS']));
    expect(await bed.dataSource.query(kept)).toEqual(live);
    await rebuild(3);
    expect(await bed.dataSource.query(kept)).toEqual(live);
    const issuedTotal = (
      await as('d600', `query($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { progress { total } } } }`, {
        r: [{ __typename: 'Plan', id: issued.planId }],
      })
    )._entities[0].progress.total;
    expect(issuedTotal).toBe(await count(bed.dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1 AND kind = 'TASK'`, [issued.planId]));
  });

  it('the subgraph answers from the rebuilt table, and commands project into it', async () => {
    expect((await as('c60001', `query($id: ID!) { assignment(id: $id) { ${FIELDS} } }`, { id: idOf('60001') })).assignment).toMatchObject({
      status: 'COMPLETED',
      percent: 100,
    });
    const overdue = (await as('d600', `query { assignments(unitCode: "600", includeSubtree: true, overdue: true) { id } }`)).assignments;
    expect(overdue).toHaveLength(await count(bed.dataSource, `SELECT count(*) FROM tasks.assignments WHERE overdue AND unit_code LIKE '600%'`));
    await as('c60002', `mutation($id: ID!) { reportAssignmentProgress(id: $id, input: { percent: 80 }) { ${FIELDS} } }`, { id: idOf('60002') });
    expect((await bed.dataSource.query(`SELECT status, percent FROM tasks.assignments WHERE id = $1`, [idOf('60002')]))[0]).toEqual({
      status: 'IN_PROGRESS',
      percent: 80,
    });
    expect(
      await count(bed.dataSource, `SELECT n FROM tasks.plan_progress WHERE plan_id = $1 AND unit_code = '60002' AND status = 'IN_PROGRESS' AND NOT overdue`, [
        issued.planId,
      ]),
    ).toBe(1);
  });

  it('a plan fanned out while a rebuild runs: each of its assignments lands once, and the result equals a replay', async () => {
    const during = plan();
    let published = false;
    await rebuildReadModels({
      dataSource: bed.dataSource,
      store: bed.app.get<PostgresEventStore>(EVENT_STORE),
      schema: tasksReadModels.schema,
      projections: tasksReadModels.projections,
      pageSize: 5,
      async onProgress() {
        if (published) return;
        published = true;
        await bed.bus.publish(message(PlanIssuedV1, during, `plan-${during.planId}`));
        // The fan-out writes into the live table while the copy is being filled.
        await eventually(async () => expect(await assignmentsOf(during.planId)).toBeGreaterThan(0));
      },
    });
    await eventually(async () => expect(await assignmentsOf(during.planId)).toBe(41));
    expect(await count(bed.dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1 AND version <> 1`, [during.planId])).toBe(0);
    const settled = await tableSnapshot(bed.dataSource, 'tasks', tables);
    await rebuild();
    expect(await tableSnapshot(bed.dataSource, 'tasks', tables)).toEqual(settled);
  });
});
