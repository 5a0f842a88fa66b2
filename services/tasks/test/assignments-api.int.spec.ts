import { PlanIssuedV1 } from '@reform/contracts';
import { findResolversWithoutAccessRule } from '@reform/auth';
import { eventually } from '@reform/testing';
import { assignmentId, FixedClock, OverdueScheduler } from '../src';
import { COMMUNES, count, message, plan, TasksTestBed, useTokens } from './tasks-test-kit';

const FIELDS =
  'id status percent note evidence result dueOn overdue late unitCode role kind cancelledReason extension { requestedDueOn reason status answer } plan { id } unit { code }';

describe('tasks: assignments through the subgraph', () => {
  const clock = new FixedClock(new Date('2025-03-01T03:00:00Z'));
  const bed = new TasksTestBed('tasks_api', clock);
  const issued = plan({ cascade: { unitCodes: ['60001'], dueOn: '2025-04-01', text: 'Ban hành kế hoạch triển khai' } });
  const idOf = (unitCode: string, taskId = 't1') => assignmentId({ planId: issued.planId, taskId, unitCode, role: 'IMPLEMENTING', kind: 'TASK' });

  const call = async (who: string | null, query: string, variables: Record<string, unknown> = {}) =>
    bed.client.request(query, variables, who ? await bed.client.login(who) : null);
  const as = (who: string, query: string, variables: Record<string, unknown> = {}) => bed.client.as(who, query, variables);
  const outcome = (who: string | null, query: string, variables: Record<string, unknown> = {}) => bed.client.outcome(who, query, variables);

  const ACCEPT = `mutation($id: ID!) { acceptAssignment(id: $id) { ${FIELDS} } }`;
  const PROGRESS = `mutation($id: ID!, $input: ProgressInput!) { reportAssignmentProgress(id: $id, input: $input) { ${FIELDS} } }`;
  const COMPLETE = `mutation($id: ID!, $input: CompletionInput!) { completeAssignment(id: $id, input: $input) { ${FIELDS} } }`;
  const GET = `query($id: ID!, $asOf: DateTime) { assignment(id: $id, asOf: $asOf) { ${FIELDS} } }`;

  beforeAll(async () => {
    await bed.start();
    await bed.bus.publish(message(PlanIssuedV1, issued, `plan-${issued.planId}`));
    await eventually(async () => expect(await count(bed.dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1`, [issued.planId])).toBe(42));
    await useTokens(bed.client, {
      c60001: [['UNIT_OFFICER', '60001']],
      c60002: [['UNIT_OFFICER', '60002']],
      d600: [['UNIT_MANAGER', '600']],
      d601: [['UNIT_MANAGER', '601']],
      pnv600: [['UNIT_OFFICER', '600.PNV']],
      auditor: [['AUDITOR', '49']],
    });
  });

  afterAll(() => bed.stop());

  it('every resolver declares an access rule', () => expect(findResolversWithoutAccessRule(bed.app)).toEqual([]));

  it('accept → progress 50 → complete as the commune; asOf between progress and completion shows IN_PROGRESS 50', async () => {
    const id = idOf('60001');
    expect((await as('c60001', ACCEPT, { id })).acceptAssignment).toMatchObject({ status: 'ACCEPTED', plan: { id: issued.planId }, unit: { code: '60001' } });
    const progressed = (await as('c60001', PROGRESS, { id, input: { percent: 50, note: 'Đã niêm yết 50%', evidence: ['CV-12/UBND'] } }))
      .reportAssignmentProgress;
    expect(progressed).toMatchObject({ status: 'IN_PROGRESS', percent: 50, note: 'Đã niêm yết 50%', evidence: ['CV-12/UBND'] });
    await new Promise((resolve) => setTimeout(resolve, 20)); // distinct instants for asOf
    const between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const completed = (await as('c60001', COMPLETE, { id, input: { result: 'Đã niêm yết đầy đủ', evidence: ['QĐ-5'] } })).completeAssignment;
    expect(completed).toMatchObject({ status: 'COMPLETED', percent: 100, result: 'Đã niêm yết đầy đủ', late: false, evidence: ['CV-12/UBND', 'QĐ-5'] });

    expect((await as('c60001', GET, { id, asOf: between })).assignment).toMatchObject({ status: 'IN_PROGRESS', percent: 50 });
    expect((await as('c60001', GET, { id, asOf: '2000-01-01T00:00:00Z' })).assignment).toBeNull();
    expect((await as('c60001', GET, { id })).assignment).toMatchObject({ status: 'COMPLETED' });
    // Nothing after completion.
    expect(await outcome('c60001', PROGRESS, { id, input: { percent: 60 } })).toBe('CONFLICT');

    const history = (
      await as(
        'd600',
        `query($id: ID!) { assignment(id: $id) { history { version type actor { username } causationId } integrity { ok checkedEvents firstBrokenVersion } } }`,
        { id },
      )
    ).assignment;
    expect(history.history.map((entry: { type: string }) => entry.type)).toEqual([
      'AssignmentCreated',
      'AssignmentAccepted',
      'ProgressReported',
      'AssignmentCompleted',
    ]);
    expect(history.history[1].actor.username).toBe('c60001');
    expect(history.integrity).toEqual({ ok: true, checkedEvents: 4, firstBrokenVersion: null });
  });

  it('access: a sibling commune cannot act or read, another district reads nothing, an auditor changes nothing, the monitoring office reads', async () => {
    const id = idOf('60003');
    expect(await outcome('c60002', ACCEPT, { id })).toBe('FORBIDDEN');
    expect(await outcome('c60002', GET, { id })).toBe('FORBIDDEN');
    expect(await outcome('d601', GET, { id })).toBe('FORBIDDEN');
    expect(await outcome('d601', `query { assignments(unitCode: "60003") { id } }`)).toBe('FORBIDDEN');
    expect(await outcome('auditor', GET, { id })).toBe('OK');
    expect(await outcome('auditor', ACCEPT, { id })).toBe('FORBIDDEN');
    expect(await outcome('pnv600', GET, { id })).toBe('OK'); // 600.PNV monitors the task
    expect(await outcome('pnv600', ACCEPT, { id })).toBe('FORBIDDEN');
    expect(await outcome(null, GET, { id })).toBe('UNAUTHENTICATED');
    // The monitoring office sees the whole task; a commune implementing it does not.
    const TASK = `query($planId: ID!) { taskAssignments(planId: $planId, taskId: "t1") { unitCode role } }`;
    expect((await as('pnv600', TASK, { planId: issued.planId })).taskAssignments).toHaveLength(21);
    expect(await outcome('c60002', TASK, { planId: issued.planId })).toBe('FORBIDDEN');
    expect(await outcome('d601', TASK, { planId: issued.planId })).toBe('FORBIDDEN');
  });

  it("errors: FORBIDDEN for an unknown id as for another unit's, BAD_USER_INPUT naming the field, CONFLICT for a progress before acceptance", async () => {
    // Nothing tells whether an id exists (issue 12, finding 7).
    expect(await outcome('c60001', ACCEPT, { id: '00000000-0000-5000-8000-000000000000' })).toBe('FORBIDDEN');
    const id = idOf('60004');
    await useTokens(bed.client, { c60004: [['UNIT_OFFICER', '60004']] });
    expect(await outcome('c60004', PROGRESS, { id, input: { percent: 10 } })).toBe('CONFLICT');
    await as('c60004', ACCEPT, { id });
    const bad = await call('c60004', PROGRESS, { id, input: { percent: 150 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'percent' });
    expect(await outcome('c60004', ACCEPT, { id })).toBe('CONFLICT');
  });

  it('extension: the commune asks, the district refuses with a reason, then grants a second request', async () => {
    const id = idOf('60005');
    await useTokens(bed.client, { c60005: [['UNIT_OFFICER', '60005']] });
    const REQUEST = `mutation($id: ID!, $input: ExtensionRequestInput!) { requestAssignmentExtension(id: $id, input: $input) { ${FIELDS} } }`;
    await as('c60005', REQUEST, { id, input: { newDueOn: '2025-07-31', reason: 'Chờ kinh phí' } });
    // What the district has to decide, found among its subtree's assignments by the server.
    const waiting = async () =>
      (await as('d600', '{ assignmentPage(unitCode: "600", includeSubtree: true, extensionStatus: REQUESTED) { total items { id } } }')).assignmentPage;
    expect(await waiting()).toEqual({ total: 1, items: [{ id }] });
    expect(await outcome('c60005', `mutation($id: ID!) { grantAssignmentExtension(id: $id) { id } }`, { id })).toBe('FORBIDDEN');
    const refused = (await as('d600', `mutation($id: ID!) { refuseAssignmentExtension(id: $id, reason: "Không có căn cứ") { ${FIELDS} } }`, { id }))
      .refuseAssignmentExtension;
    expect(refused).toMatchObject({ dueOn: '2025-06-30', extension: { status: 'REFUSED', answer: 'Không có căn cứ' } });
    expect(await waiting()).toEqual({ total: 0, items: [] });
    await as('c60005', REQUEST, { id, input: { newDueOn: '2025-07-15', reason: 'Đã có kinh phí, cần thêm thời gian' } });
    const granted = (await as('d600', `mutation($id: ID!) { grantAssignmentExtension(id: $id) { ${FIELDS} } }`, { id })).grantAssignmentExtension;
    expect(granted).toMatchObject({ dueOn: '2025-07-15', extension: { status: 'GRANTED', requestedDueOn: '2025-07-15' } });
    const bad = await call('c60005', REQUEST, { id, input: { newDueOn: '2025-07-01', reason: 'x' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newDueOn' });
  });

  it('overdue is recorded once per due day with a fixed clock, also across a restart; reminders come before', async () => {
    const scheduler = () => bed.app.get(OverdueScheduler);
    clock.set('2025-06-27T03:00:00Z');
    // Overdue: the obligation (1/4), and each commune's t2 for its first (14/3) and second (14/6)
    // quarter without a report, one after the other in the same pass. Reminded: t1, due 30/6, of
    // 20 communes and the lead, less the completed one and the one extended to 15/7.
    expect(await scheduler().tick()).toEqual({ overdue: 1 + 20 + 20, reminded: 19 });
    expect(await scheduler().tick()).toEqual({ overdue: 0, reminded: 0 });

    clock.set('2025-07-01T03:00:00Z');
    const first = await scheduler().tick();
    expect(first.overdue).toBe(19);
    expect(await scheduler().tick()).toEqual({ overdue: 0, reminded: 0 });
    const overdueEvents = await count(bed.dataSource, `SELECT count(*) FROM tasks.events WHERE event_type = 'AssignmentOverdue'`);

    await bed.restart();
    expect(await scheduler().tick()).toEqual({ overdue: 0, reminded: 0 });
    expect(await count(bed.dataSource, `SELECT count(*) FROM tasks.events WHERE event_type = 'AssignmentOverdue'`)).toBe(overdueEvents);

    const overdueList = (await as('c60002', `query { assignments(unitCode: "60002", overdue: true) { taskId: id dueOn overdue } }`)).assignments;
    expect(overdueList).toHaveLength(2); // t1 (30/6), and t2 (its quarters missed, no report since)
    expect((await as('c60001', GET, { id: idOf('60001') })).assignment.overdue).toBe(false); // completed
  });

  it('progress rolls up by subtree: district → communes, and the plan defaults to its issuer', async () => {
    const PROGRESS_FIELDS = 'unitCode assigned accepted inProgress completed cancelled overdue total percentComplete';
    const result = await as(
      'd600',
      `query($r: [_Any!]!, $planId: ID!) { _entities(representations: $r) { ... on Unit { planProgress(planId: $planId) { ${PROGRESS_FIELDS} children { ${PROGRESS_FIELDS} } } } } }`,
      {
        r: [{ __typename: 'Unit', code: '600' }],
        planId: issued.planId,
      },
    );
    const district = result._entities[0].planProgress;
    expect(district).toMatchObject({ unitCode: '600', total: 41, completed: 1, accepted: 1 /* 60004 */, inProgress: 0, cancelled: 0, percentComplete: 2.439 });
    expect(district.children).toHaveLength(21); // 20 communes + the lead office
    expect(district.children.find((child: { unitCode: string }) => child.unitCode === '60001')).toMatchObject({
      total: 2,
      completed: 1,
      assigned: 1,
      percentComplete: 50,
    });
    expect(district.children.find((child: { unitCode: string }) => child.unitCode === '600.PNV')).toMatchObject({ total: 1, assigned: 1 });

    const byPlan = await as(
      'd600',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { progress { unitCode total } obligations { unit { code } status dueOn late fulfilledBy } } } }`,
      {
        r: [{ __typename: 'Plan', id: issued.planId }],
      },
    );
    expect(byPlan._entities[0].progress).toEqual({ unitCode: '600', total: 41 });
    expect(byPlan._entities[0].obligations).toEqual([{ unit: { code: '60001' }, status: 'ASSIGNED', dueOn: '2025-04-01', late: true, fulfilledBy: null }]);
    expect(
      await outcome(
        'd601',
        `query($r: [_Any!]!, $planId: ID!) { _entities(representations: $r) { ... on Unit { planProgress(planId: $planId) { total } } } }`,
        { r: [{ __typename: 'Unit', code: '600' }], planId: issued.planId },
      ),
    ).toBe('FORBIDDEN');
    expect(COMMUNES).toHaveLength(20);

    // From the province: province → district → communes, each level covering its subtree.
    const province = (
      await as(
        'auditor',
        `query($r: [_Any!]!, $planId: ID!) { _entities(representations: $r) { ... on Unit { planProgress(planId: $planId) { unitCode total completed children { unitCode total overdue children { unitCode } } } } } }`,
        {
          r: [{ __typename: 'Unit', code: '49' }],
          planId: issued.planId,
        },
      )
    )._entities[0].planProgress;
    expect(province).toMatchObject({ unitCode: '49', total: 41, completed: 1 });
    expect(province.children).toHaveLength(1);
    expect(province.children[0]).toMatchObject({ unitCode: '600', total: 41, overdue: district.overdue });
    expect(province.children[0].children).toHaveLength(21);
  });

  it('a district lists its own assignments, or its whole subtree by status', async () => {
    expect((await as('d600', `query { assignments(unitCode: "600") { id } }`)).assignments).toEqual([]);
    const subtree = (await as('d600', `query { assignments(unitCode: "600", includeSubtree: true) { unitCode kind status } }`)).assignments;
    expect(subtree).toHaveLength(42); // 41 task assignments and the obligation
    const completed = (await as('d600', `query { assignments(unitCode: "600", includeSubtree: true, status: [COMPLETED]) { unitCode } }`)).assignments;
    expect(completed).toEqual([{ unitCode: '60001' }]);
    const unit = (
      await as(
        'c60001',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { assignments(status: [ASSIGNED]) { kind } assignmentPage(status: [ASSIGNED], offset: 1, limit: 1) { total items { kind } } } } }`,
        { r: [{ __typename: 'Unit', code: '60001' }] },
      )
    )._entities[0];
    // t1 is completed; t2 (periodic) and the obligation are still assigned, the nearest due day first.
    expect(unit.assignments).toEqual([{ kind: 'IMPLEMENTING_PLAN' }, { kind: 'TASK' }]);
    expect(unit.assignmentPage).toEqual({ total: 2, items: [{ kind: 'TASK' }] });
  });

  it('the subgraph SDL declares the entities it resolves and extends', async () => {
    // The SDL is for signed-in users and the gateway (issue 12, finding 7).
    expect((await bed.client.request('{ _service { sdl } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const sdl: string = (await bed.client.request('{ _service { sdl } }', undefined, await bed.client.login('c60001'))).data._service.sdl;
    expect(sdl).toMatch(/type Assignment\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Unit\s+@key\(fields: "code"\)/);
    expect(sdl).toMatch(/type Plan\s+@key\(fields: "id"\)/);
    // API.md's names, with the paging and plan-tree arguments added after them (issue 15).
    expect(sdl).toMatch(
      /assignments\(\s*unitCode: ID!\s+status: \[AssignmentStatus!\]\s+overdue: Boolean\s+includeSubtree: Boolean\s+planId: ID\s+includePredecessors: Boolean[\s\S]*?tree: UnitTree[\s\S]*?offset: Int[\s\S]*?limit: Int\s*\): \[Assignment!\]!/,
    );
    expect(sdl).toMatch(/assignmentPage\([\s\S]*?\): AssignmentPage!/);
    expect(sdl).toContain('union _Entity = Assignment | Plan | Unit');
  });
});
