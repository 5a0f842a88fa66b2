import { DataSource } from 'typeorm';
import { FixedClock } from '@reform/clock';
import { importReorganisation2025 } from '@reform/directory';
import { OverdueScheduler } from '@reform/tasks';
import { eventually, GraphQLTestClient, matrixCases, MatrixOperation, REORGANISED_ACTORS } from '@reform/testing';
import { startTestPlatform, TestPlatform } from './test-platform';
import { quangNamParPlanId, thangBinhDraft } from './thang-binh-plan';

/**
 * The 2025 reorganisation's acceptance (issue 16), end to end through the gateway, on one clock
 * moved from 2023 to 2026: Thăng Bình issues a plan in 2023 to its 20 communes; on 2025-07-01 the
 * districts end and Quảng Nam joins Đà Nẵng (48); the open work of a commune that merged passes to
 * the commune that took it, closed work stays and is found from the successor; the new Đà Nẵng
 * issues directly to its 94 communes, wards and special zone; accounts of ended units cannot act
 * until an administrator carries them across by a recorded act.
 */
const IN_2023 = '2023-05-02T03:00:00Z';
const IN_2026 = '2026-03-02T03:00:00Z';
const ASSIGNMENT_FIELDS = 'id planId taskId unitCode formerUnitCodes status';

/** Reading what concerns a unit, after the change: lineage in effect widens it, ended grants still read. */
const READS: MatrixOperation['expected'] = {
  danang: { own: 'OK', child: 'OK', predecessor: 'OK', otherProvince: 'FORBIDDEN' },
  c20794: { own: 'OK', child: 'OK', predecessor: 'OK', sibling: 'FORBIDDEN', parent: 'FORBIDDEN' },
  d513: { own: 'OK', child: 'OK', formerChild: 'FORBIDDEN' },
};
/** Changing: the units in force only; the abolished district's manager can no longer act anywhere. */
const MANAGES: MatrixOperation['expected'] = {
  danang: { own: 'OK', child: 'OK', predecessor: 'OK', otherProvince: 'FORBIDDEN' },
  c20794: { own: 'OK', child: 'OK', predecessor: 'OK', sibling: 'FORBIDDEN', parent: 'FORBIDDEN' },
  d513: { own: 'FORBIDDEN', child: 'FORBIDDEN', formerChild: 'FORBIDDEN' },
};
const REORGANISED_OPERATIONS: MatrixOperation[] = [
  {
    name: "read the unit's accounts",
    run: (c, u, code) => c.outcome(u, 'query($c: ID!) { unit(code: $c) { accounts { username } } }', { c: code }),
    expected: READS,
  },
  {
    name: "list the unit's assignments",
    run: (c, u, code) => c.outcome(u, 'query($c: ID!) { assignments(unitCode: $c) { id } }', { c: code }),
    expected: READS,
  },
  {
    name: 'draft a plan for the unit',
    run: (c, u, code) =>
      c.outcome(u, 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }', {
        input: {
          number: '03/KH-UBND',
          title: 'Kiểm thử phân quyền',
          issuerCode: code,
          year: 2026,
          frameworks: ['PAR_INDEX'],
          sections: [{ title: 'Mục', tasks: [{ text: 'Nhiệm vụ', implementing: { text: 'Văn phòng' } }] }],
        },
      }),
    expected: MANAGES,
  },
];

interface Assignment {
  id: string;
  planId: string;
  taskId: string;
  unitCode: string;
  formerUnitCodes: string[];
  status: string;
}

describe('the 2025 reorganisation through the gateway', () => {
  const clock = new FixedClock(IN_2023);
  let test: TestPlatform;
  let client: GraphQLTestClient;
  let plan2023: { id: string; taskId: string };
  let open: Assignment; // Bình Giang's (20797), accepted in 2023, open on 2025-07-01
  let closed: Assignment; // Bình Nguyên's (20800), completed in 2023

  beforeAll(async () => {
    test = await startTestPlatform('e2e_reorganisation', { clock });
    client = test.client;

    // 2023: Thăng Bình's plan to its communes; one commune accepts, another completes.
    const provincial = await quangNamParPlanId(client);
    const task = {
      text: 'Rà soát, công bố thủ tục hành chính năm 2023',
      lead: { text: 'Phòng Nội vụ' },
      implementing: { text: 'UBND các xã, thị trấn' },
      timeframe: 'Tháng 12/2023',
    };
    const { draftPlan } = await client.as('d513', 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }', {
      input: { ...thangBinhDraft(provincial, [task], '45/KH-UBND'), year: 2023 },
    });
    const { issuePlan } = await client.as('d513', 'mutation($id: ID!) { issuePlan(id: $id) { sections { tasks { id implementing { units { code } } } } } }', {
      id: draftPlan.id,
    });
    plan2023 = { id: draftPlan.id, taskId: issuePlan.sections[0].tasks[0].id };
    expect(issuePlan.sections[0].tasks[0].implementing.units).toHaveLength(20);
    const mine = (code: string) =>
      eventually(
        async () => {
          const { assignments } = await client.as(`c${code}`, `query($c: ID!, $p: ID!) { assignments(unitCode: $c, planId: $p) { ${ASSIGNMENT_FIELDS} } }`, {
            c: code,
            p: plan2023.id,
          });
          expect(assignments).toHaveLength(1);
          return assignments[0] as Assignment;
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      ); // the fan-out crosses the bus; the machine is shared
    open = await mine('20797');
    closed = await mine('20800');
    await client.as('c20797', 'mutation($id: ID!) { acceptAssignment(id: $id) { id } }', { id: open.id });
    await client.as('c20800', 'mutation($id: ID!) { acceptAssignment(id: $id) { id } }', { id: closed.id });
    await client.as('c20800', 'mutation($id: ID!, $input: CompletionInput!) { completeAssignment(id: $id, input: $input) { id } }', {
      id: closed.id,
      input: { result: 'Đã công bố 100% thủ tục hành chính.', evidence: ['Quyết định công bố số 12/QĐ-UBND'] },
    });

    // 2026: the structure of 2025-07-01 is in force; the scheduler's pass hands the open work on.
    clock.set(IN_2026);
    await test.platform.tasks.get(OverdueScheduler).tick();
  }, 300_000);
  afterAll(() => test?.stop());

  it('answers both structures: Quảng Nam with 17 districts on 2025-06-30, merged into 48 on 2025-07-01, whose 94 communes, wards and special zone are its children', async () => {
    const { before, after, daNang } = await client.as(
      'c20794',
      `{ before: unit(code: "49", asOf: "2025-06-30T12:00:00+07:00") { name districts: children(level: DISTRICT) { code } }
         after: unit(code: "49", asOf: "2025-07-01T12:00:00+07:00") { code }
         daNang: unit(code: "48") { name children { code type } predecessors { relation unit { code } } } }`,
    );
    expect(before.name).toBe('Tỉnh Quảng Nam');
    expect(before.districts).toHaveLength(17);
    expect(after).toBeNull();
    expect(daNang.children).toHaveLength(94);
    expect(daNang.children.filter((c: { type: string }) => c.type === 'Đặc khu')).toEqual([{ code: '20333', type: 'Đặc khu' }]);
    expect(daNang.predecessors).toEqual([{ relation: 'MERGED_INTO', unit: { code: '49' } }]);
  });

  it('passes the open 2023 assignment of Bình Giang (20797) to Bình Dương (20794), which took it in, with the lineage event in its history and the task timeline', async () => {
    const { assignment } = await client.as('c20794', `query($id: ID!) { assignment(id: $id) { ${ASSIGNMENT_FIELDS} history { type data } } }`, { id: open.id });
    expect(assignment).toMatchObject({ unitCode: '20794', formerUnitCodes: ['20797'], status: 'ACCEPTED' });
    const passed = assignment.history.find((entry: { type: string }) => entry.type === 'AssignmentPassedToSuccessor');
    expect(passed.data).toEqual({
      fromUnitCode: '20797',
      toUnitCode: '20794',
      relation: 'MERGED_INTO',
      source: 'NQ 1659/NQ-UBTVQH15; NSO BangChuyendoiĐVHCmoi_cu',
      on: '2025-07-01',
    });

    const { taskTimeline } = await client.as('danang', 'query($p: ID!, $t: ID!) { taskTimeline(planId: $p, taskId: $t) { type assignmentId summary } }', {
      p: plan2023.id,
      t: plan2023.taskId,
    });
    const entry = taskTimeline.find((e: { type: string; assignmentId: string }) => e.type === 'AssignmentPassedToSuccessor' && e.assignmentId === open.id);
    expect(entry.summary).toContain('đơn vị 20797 nhập vào 20794 từ ngày 01/07/2025');

    // The plan's progress counts moved with it: the read model equals a count of the assignments.
    const tasks = test.platform.tasks.get(DataSource);
    const counted = await tasks.query(
      `SELECT unit_code, status, overdue, count(*)::int AS n FROM tasks.assignments WHERE plan_id = $1 AND kind = 'TASK' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [plan2023.id],
    );
    const kept = await tasks.query(
      `SELECT unit_code, status, overdue, sum(n)::int AS n FROM tasks.plan_progress WHERE plan_id = $1 AND n <> 0 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [plan2023.id],
    );
    expect(kept).toEqual(counted);
    expect(kept.find((row: { unit_code: string }) => row.unit_code === '20797')).toBeUndefined();
  });

  it('leaves the completed assignment of Bình Nguyên (20800) with it, found from its successor Hà Lam (20791)', async () => {
    const { assignment } = await client.as('c20791', `query($id: ID!) { assignment(id: $id) { ${ASSIGNMENT_FIELDS} } }`, { id: closed.id });
    expect(assignment).toMatchObject({ unitCode: '20800', formerUnitCodes: [], status: 'COMPLETED' });
    const list = async (includePredecessors: boolean) =>
      (
        await client.as('c20791', 'query($p: ID!, $i: Boolean) { assignments(unitCode: "20791", planId: $p, includePredecessors: $i) { id unitCode } }', {
          p: plan2023.id,
          i: includePredecessors,
        })
      ).assignments;
    // Hà Lam's own and the open ones of Bình Phục (20803) and Bình Quý (20824), passed to it; with
    // its predecessors, Bình Nguyên's completed one too.
    expect((await list(false)).map((a: { unitCode: string }) => a.unitCode)).toEqual(['20791', '20791', '20791']);
    const withPredecessors = await list(true);
    expect(withPredecessors.map((a: { unitCode: string }) => a.unitCode).sort()).toEqual(['20791', '20791', '20791', '20800']);
    expect(withPredecessors.find((a: { id: string }) => a.id === closed.id)).toEqual({ id: closed.id, unitCode: '20800' });
  });

  it('lets the successor read the work passed to it, not its sibling’s; an account of an abolished district can no longer act', async () => {
    expect(await client.outcome('c20794', 'query($id: ID!) { assignment(id: $id) { id } }', { id: open.id })).toBe('OK');
    expect(await client.outcome('c20794', '{ assignments(unitCode: "20791") { id } }')).toBe('FORBIDDEN');
    expect(await client.outcome('c20791', 'query($id: ID!) { assignment(id: $id) { id } }', { id: open.id })).toBe('FORBIDDEN');
    const draft = {
      number: '02/KH-UBND',
      title: 'Kiểm thử',
      issuerCode: '513',
      year: 2026,
      frameworks: ['PAR_INDEX'],
      sections: [{ title: 'Mục', tasks: [{ text: 'Nhiệm vụ', implementing: { text: 'Văn phòng' } }] }],
    };
    expect(await client.outcome('d513', 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }', { input: draft })).toBe('FORBIDDEN');
    // The old province's administrator, too, until carried across.
    expect(await client.outcome('doha', 'mutation { grantRole(username: "c20794", role: VIEWER, unitCode: "20794") { id } }')).toBe('FORBIDDEN');
  });

  // The shared attack matrix after the change (before any account is carried across).
  const cases = matrixCases(REORGANISED_OPERATIONS, REORGANISED_ACTORS);
  it('has the designed cases of the reorganised matrix', () => expect(cases.length).toBe(36));
  it.each(cases.map((c) => [`${c.username} (${c.role}): ${c.operation} of ${c.target} ${c.unitCode} → ${c.expected}`, c] as const))('%s', async (_name, c) => {
    expect(await c.run(client)).toBe(c.expected);
  });

  it('carries an account across by an explicit, recorded act: doha’s Sở Nội vụ and its role move to Đà Nẵng’s', async () => {
    const { carryAccountAcrossReorganisation } = await client.as(
      'danang',
      'mutation { carryAccountAcrossReorganisation(username: "doha") { unit { code } roles { role unit { code } } history { type data } } }',
    );
    expect(carryAccountAcrossReorganisation).toMatchObject({ unit: { code: '48.SNV' }, roles: [{ role: 'PLATFORM_ADMIN', unit: { code: '48' } }] });
    const act = carryAccountAcrossReorganisation.history.slice(-3);
    expect(act.map((e: { type: string }) => e.type)).toEqual(['AccountMoved', 'RoleRevoked', 'RoleGranted']);
    expect(act[2].data).toEqual({ role: 'PLATFORM_ADMIN', unitCode: '48', reason: 'Sắp xếp đơn vị hành chính: đơn vị 49 đã nhập vào 48 (NQ 202/2025/QH15).' });
    // A new session carries the account's new unit and role (a token states them when issued).
    const renewed = new GraphQLTestClient(test.platform.gatewayUrl);
    expect(await renewed.outcome('doha', 'mutation { grantRole(username: "c20794", role: VIEWER, unitCode: "20794") { id } }')).toBe('OK');
    // An abolished district's account: its grant ends; where it goes is the administrator's call.
    const refused = await client.request('mutation { carryAccountAcrossReorganisation(username: "d513") { id } }', undefined, await client.login('danang'));
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toUnitCode' });
    const { carryAccountAcrossReorganisation: d513 } = await client.as(
      'danang',
      'mutation { carryAccountAcrossReorganisation(username: "d513", toUnitCode: "48.SNV") { unit { code } roles { role } } }',
    );
    expect(d513).toEqual({ unit: { code: '48.SNV' }, roles: [] });
  });

  it('lets the new Đà Nẵng read and continue Quảng Nam’s plans', async () => {
    const { plans } = await client.as('danang', '{ plans(issuerCode: "49") { number } }');
    expect(plans.map((p: { number: string }) => p.number)).toContain('4003/QĐ-UBND');
  });

  it('as the new Đà Nẵng’s Sở Nội vụ: a plan to "UBND các xã, phường, đặc khu" gives all 94 an assignment; the roll-up is one level deep', async () => {
    const input = {
      number: '15/KH-UBND',
      title: 'Kế hoạch cải cách hành chính năm 2026 của thành phố Đà Nẵng',
      issuerCode: '48',
      year: 2026,
      frameworks: ['PAR_INDEX'],
      sections: [
        {
          title: 'Cải cách thủ tục hành chính',
          tasks: [
            {
              text: 'Công khai thủ tục hành chính tại Trung tâm phục vụ hành chính công',
              lead: { text: 'Sở Nội vụ' },
              implementing: { text: 'UBND các xã, phường, đặc khu' },
              timeframe: 'Tháng 12/2026',
            },
          ],
        },
      ],
    };
    const { draftPlan } = await client.as('danang', 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }', { input });
    const { issuePlan } = await client.as(
      'danang',
      'mutation($id: ID!) { issuePlan(id: $id) { sections { tasks { implementing { units { code } unresolved } } } } }',
      { id: draftPlan.id },
    );
    expect(issuePlan.sections[0].tasks[0].implementing.units).toHaveLength(94);
    await eventually(async () => {
      const { plan } = await client.as('danang', 'query($id: ID!) { plan(id: $id) { progress { total children { unitCode total } } } }', { id: draftPlan.id });
      // 94 implementing assignments and the lead's (Sở Nội vụ); one level: the units directly under 48.
      expect(plan.progress.total).toBe(95);
      const communes = plan.progress.children.filter((row: { unitCode: string }) => /^\d{5}$/.test(row.unitCode));
      expect(communes).toHaveLength(94);
      expect(communes.every((row: { total: number }) => row.total === 1)).toBe(true);
      expect(
        plan.progress.children
          .filter((row: { unitCode: string }) => !/^\d{5}$/.test(row.unitCode))
          .every((row: { unitCode: string }) => row.unitCode.startsWith('48.')),
      ).toBe(true);
    });
  });

  it('imports the same files again without appending anything', async () => {
    const again = await importReorganisation2025(test.platform.directory);
    expect(again.corrections.events + again.reorganisation.events).toBe(0);
  });
});
