import { loadavg } from 'node:os';
import { FixedClock } from '@reform/clock';
import { OverdueScheduler } from '@reform/tasks';
import { eventually } from '@reform/testing';
import { PLATFORM_START_MS, startTestPlatform, TestPlatform } from './test-platform';

/**
 * Issue 15's acceptance, through the gateway on the embedded platform with its demo data: a
 * provincial plan of Quảng Nam, issued on 10 May 2023 and entered on 16 June 2025 (before the two-tier structure took Quảng Nam into Đà Nẵng) by Sở Nội vụ
 * (doha), its cells as officials write them.
 */
const ISSUED_ON = '2023-05-10';
const PLAN_FIELDS =
  'id status issuedOn endYear sections { tasks { id implementing { text units { code } unresolved } lead { units { code } unresolved } monitoring { units { code } unresolved } } }';
const PREVIEW_FIELDS =
  'issuable assignments problems { field rule message } tasks { id assignments implementing { units { code } unresolved } lead { units { code } unresolved } monitoring { units { code } unresolved } }';

interface Cell {
  units: Array<{ code: string }>;
  unresolved: string[];
}
interface Assignment {
  id: string;
  taskId: string;
  unitCode: string;
  dueOn: string | null;
  dueDays: string[];
  assignedOn: string;
}

const draft = (number: string, tasks: unknown[]) => ({
  number,
  title: 'Kế hoạch cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2023 và những năm tiếp theo',
  issuerCode: '49',
  year: 2023,
  frameworks: ['PAPI'],
  sections: [{ code: 'I', title: 'Nhiệm vụ trọng tâm', tasks }],
});

const TASKS = [
  // departments by their abbreviations, mixed separators
  {
    text: 'Rà soát, công khai thủ tục hành chính lĩnh vực được giao',
    implementing: { text: 'Sở LĐ-TB&XH; Sở TN&MT, Sở GD&ĐT\nSở VH-TT&DL - Sở KH&CN' },
    monitoring: { text: 'Sở Nội vụ' },
    timeframe: 'Quý III/2023',
  },
  // every district and commune of the province on the issue day
  { text: 'Tuyên truyền về Chỉ số PAPI', implementing: { text: 'UBND cấp huyện, UBND cấp xã' }, monitoring: { text: 'Sở Nội vụ' }, timeframe: 'Thường xuyên' },
  // bodies beside the departments, "các cấp", a new body added by the province (alias)
  {
    text: 'Giám sát việc thực hiện quy chế dân chủ ở cơ sở',
    lead: { text: 'Văn phòng UBND tỉnh' },
    implementing: { text: 'BHXH tỉnh - Công an tỉnh\nUBMT Tổ quốc Việt Nam tỉnh và Đoàn thể các cấp' },
    timeframe: 'Tháng 12 hàng năm',
  },
  { text: 'Quảng bá du lịch cộng đồng', implementing: { text: 'Sở TT&TT, Sở DL' }, monitoring: { text: 'Sở Nội vụ' }, timeframe: 'Quý I/2023' },
];

describe('a provincial plan as it is really written (issue 15)', () => {
  const clock = new FixedClock('2025-06-16T03:00:00Z');
  let test: TestPlatform;
  let planId: string;
  let preview: {
    issuable: boolean;
    assignments: number;
    problems: unknown[];
    tasks: Array<{ id: string; assignments: number; implementing: Cell; lead: Cell; monitoring: Cell }>;
  };

  beforeAll(async () => {
    test = await startTestPlatform('e2e_provincial_plan', { clock });
  }, PLATFORM_START_MS);
  afterAll(() => test?.stop());

  it('a new body needs no release: the province adds it (event-sourced, dated) and the plans service resolves it by its alias', async () => {
    const { establishAgency } = await test.client.as(
      'doha',
      'mutation { establishAgency(parentCode: "49", abbreviation: "SDL", name: "Sở Du lịch", kind: "Sở", validFrom: "2020-01-01", aliases: ["Sở DL"]) { code name aliases validFrom } }',
    );
    expect(establishAgency).toEqual({ code: '49.SDL', name: 'Sở Du lịch', aliases: ['Sở DL'], validFrom: '2020-01-01' });
    const renamed = await test.client.outcome('d513', 'mutation { setUnitAliases(code: "49.SDL", aliases: ["SDL"]) { code } }');
    expect(renamed).toBe('FORBIDDEN');
  });

  it('is previewed with every cell resolved, no unit code added by hand, and nothing unresolved', async () => {
    const { draftPlan } = await test.client.as('doha', 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id endYear } }', {
      input: draft('45/KH-UBND', TASKS),
    });
    planId = draftPlan.id;
    expect(draftPlan.endYear).toBeNull();
    preview = await eventually(async () => {
      const { planIssuePreview } = await test.client.as(
        'doha',
        `query($id: ID!) { planIssuePreview(id: $id, issuedOn: "${ISSUED_ON}") { ${PREVIEW_FIELDS} } }`,
        { id: planId },
      );
      expect(planIssuePreview.tasks[3].implementing.units).toEqual([{ code: '49.STTTT' }, { code: '49.SDL' }]);
      return planIssuePreview;
    });
    expect(preview).toMatchObject({ issuable: true, problems: [] });
    for (const task of preview.tasks) for (const cell of [task.implementing, task.lead, task.monitoring]) expect(cell.unresolved).toEqual([]);
    expect(preview.tasks[0].implementing.units.map((u) => u.code)).toEqual(['49.SLDTBXH', '49.STNMT', '49.SGDDT', '49.SVHTTDL', '49.SKHCN']);
    const t3 = preview.tasks[2].implementing.units.map((u) => u.code);
    expect(t3.slice(0, 3)).toEqual(['49.BHXH', '49.CA', '49.MTTQ']);
    expect(t3).toContain('20672.HND'); // Sơn Viên's, before its merger
  });

  it('reaches the 18 districts and 235 communes Quảng Nam had on the issue day, Nông Sơn and its communes included', () => {
    const codes = preview.tasks[1].implementing.units.map((u) => u.code);
    const districts = codes.filter((code) => code.length === 3);
    const communes = codes.filter((code) => code.length === 5);
    expect([districts.length, communes.length, codes.length]).toEqual([18, 235, 253]);
    expect(districts).toContain('519');
    expect(communes).toEqual(expect.arrayContaining(['20656', '20668', '20669', '20671', '20672', '20692']));
  });

  it('is issued exactly as previewed, and the tasks service creates the number of assignments the preview said', async () => {
    const { issuePlan } = await test.client.as('doha', `mutation($id: ID!) { issuePlan(id: $id, issuedOn: "${ISSUED_ON}") { ${PLAN_FIELDS} } }`, {
      id: planId,
    });
    expect(issuePlan).toMatchObject({ status: 'ISSUED', issuedOn: ISSUED_ON, endYear: null });
    const issued = issuePlan.sections[0].tasks.map((t: { id: string; implementing: Cell; lead: Cell | null; monitoring: Cell | null }) => ({
      id: t.id,
      implementing: { units: t.implementing.units, unresolved: t.implementing.unresolved },
      lead: t.lead ? { units: t.lead.units, unresolved: t.lead.unresolved } : { units: [], unresolved: [] },
      monitoring: t.monitoring ? { units: t.monitoring.units, unresolved: t.monitoring.unresolved } : { units: [], unresolved: [] },
    }));
    expect(issued).toEqual(preview.tasks.map(({ id, implementing, lead, monitoring }) => ({ id, implementing, lead, monitoring })));
    // Per task (a list under today's tree would miss Nông Sơn and Sơn Viên, which ended in 2025).
    const all = await eventually(
      async () => {
        // Page by page: the bodies "các cấp" of t3 are more than one answer's 1,000.
        const lists = await Promise.all(
          preview.tasks.map(async (task) => {
            const list: Assignment[] = [];
            for (let more = true; more;) {
              const { taskAssignmentPage: page } = await test.client.as<{ taskAssignmentPage: { hasNextPage: boolean; items: Assignment[] } }>(
                'doha',
                `query($p: ID!, $t: ID!, $o: Int) { taskAssignmentPage(planId: $p, taskId: $t, offset: $o, limit: 1000) { hasNextPage items { id taskId unitCode dueOn dueDays assignedOn } } }`,
                { p: planId, t: task.id, o: list.length },
              );
              list.push(...page.items);
              more = page.hasNextPage;
            }
            return list;
          }),
        );
        expect(lists.map((list) => list.length)).toEqual(preview.tasks.map((task) => task.assignments));
        return lists.flat();
      },
      { timeoutMs: 60_000 },
    );
    expect(all).toHaveLength(preview.assignments);
    // No assignment is due before the plan existed; the one-off of Quý I/2023 falls on the issue day.
    expect(all.every((a) => a.dueDays.every((day) => day >= ISSUED_ON))).toBe(true);
    expect(all.filter((a) => a.taskId === 't4').map((a) => a.dueDays)).toEqual([[ISSUED_ON], [ISSUED_ON]]);
    // The ongoing task recurs in 2024 and after ("và những năm tiếp theo"), the yearly one each December.
    const nongSon = all.find((a) => a.taskId === 't2' && a.unitCode === '519') as Assignment;
    expect(nongSon.dueDays.slice(0, 6)).toEqual(['2023-06-14', '2023-09-14', '2023-12-14', '2024-03-14', '2024-06-14', '2024-09-14']);
    expect(all.find((a) => a.taskId === 't3')?.dueDays.slice(0, 3)).toEqual(['2023-12-31', '2024-12-31', '2025-12-31']);
  }, 120_000);

  it('refuses the same number issued again by Quảng Nam in 2023, naming the plan that has it', async () => {
    const { draftPlan } = await test.client.as('doha', 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }', {
      input: { ...draft('45/KH-UBND', [TASKS[1]]), title: 'Kế hoạch khác' },
    });
    const refused = await test.client.request(
      'mutation($id: ID!) { issuePlan(id: $id, issuedOn: "2023-11-01") { id } }',
      { id: draftPlan.id },
      await test.client.login('doha'),
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'PLAN.NUMBER_TAKEN', existingPlanId: planId });
  });

  it('reports all four faulty rows in one answer and issues nothing', async () => {
    const faulty = [
      TASKS[1],
      { text: 'Xét xử lưu động', implementing: { text: 'Tòa án nhân dân tỉnh' }, monitoring: { text: 'Sở Nội vụ' } },
      { text: 'Hỗ trợ', implementing: { text: 'Sở Nội vụ', unitCodes: ['99999'] }, monitoring: { text: 'Sở Nội vụ' } },
      { text: 'Phối hợp', implementing: { text: 'UBND cấp xã', unitCodes: ['01'] }, monitoring: { text: 'Sở Nội vụ' } },
      { text: 'Tổng hợp', implementing: { text: 'Sở Nội vụ' }, lead: { text: 'Hội đồng thi đua' } },
    ];
    const { draftPlan } = await test.client.as('doha', 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }', {
      input: draft('46/KH-UBND', faulty),
    });
    const result = await test.client.request(
      'mutation($id: ID!) { issuePlan(id: $id, issuedOn: "2023-06-01") { id } }',
      { id: draftPlan.id },
      await test.client.login('doha'),
    );
    const problems = result.errors?.[0].extensions?.problems as Array<{ field: string }>;
    expect([...new Set(problems.map((p) => p.field.slice(0, 'sections[0].tasks[1]'.length)))]).toEqual([
      'sections[0].tasks[1]',
      'sections[0].tasks[2]',
      'sections[0].tasks[3]',
      'sections[0].tasks[4]',
    ]);
    const { plan } = await test.client.as('doha', 'query($id: ID!) { plan(id: $id) { status } }', { id: draftPlan.id });
    expect(plan.status).toBe('DRAFT');
  });

  it('a completion entered in 2025 is late or on time by the day it happened', async () => {
    const { taskAssignments: assignments } = await test.client.as<{ taskAssignments: Array<{ id: string; unitCode: string; taskId: string }> }>(
      'doha',
      `query($p: ID!) { taskAssignments(planId: $p, taskId: "t1") { id unitCode taskId } }`,
      { p: planId },
    );
    const [onTime, late] = assignments.filter((a) => a.taskId === 't1').slice(0, 2);
    const complete = async (id: string, accepted: string, done: string) => {
      await test.client.as('doha', 'mutation($id: ID!, $on: Date) { acceptAssignment(id: $id, on: $on) { id } }', { id, on: accepted });
      const { completeAssignment } = await test.client.as(
        'doha',
        'mutation($id: ID!, $input: CompletionInput!) { completeAssignment(id: $id, input: $input) { completedOn late } }',
        { id, input: { result: 'Đã công khai.', on: done } },
      );
      return completeAssignment;
    };
    expect(await complete(onTime.id, '2023-05-20', '2023-09-20')).toEqual({ completedOn: '2023-09-20', late: false });
    expect(await complete(late.id, '2023-05-20', '2023-10-15')).toEqual({ completedOn: '2023-10-15', late: true });
    // Not a day still to come: 17 June 2025 is tomorrow.
    const third = assignments.filter((a) => a.taskId === 't1')[2];
    await test.client.as('doha', 'mutation($id: ID!) { acceptAssignment(id: $id, on: "2023-05-20") { id } }', { id: third.id });
    const future = await test.client.request(
      'mutation($id: ID!) { reportAssignmentProgress(id: $id, input: { percent: 10, on: "2025-06-17" }) { id } }',
      { id: third.id },
      await test.client.login('doha'),
    );
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
  });

  // Roll-ups and lists follow the plan's own day (issue 15): the tree of 10 May 2023, or today's
  // through the lineage, with the same total — the number of the plan's assignments.
  const PROGRESS = (tree: string) =>
    `query($id: ID!) { plan(id: $id) { progress(tree: ${tree}) { unitCode total completed percentComplete children { unitCode total children { unitCode total } } } } }`;
  const LISTED = (tree: string) => `query($p: ID!) { assignmentPage(unitCode: "49", includeSubtree: true, planId: $p, tree: ${tree}, limit: 1) { total } }`;
  const progressOf = async (tree: string) => (await test.client.as('doha', PROGRESS(tree), { id: planId })).plan.progress;
  const listedOf = async (tree: string) => (await test.client.as('doha', LISTED(tree), { p: planId })).assignmentPage.total;

  it("counts the plan under its 2023 tree: Nông Sơn (519, merged since) with its communes' assignments, the total its assignment count", async () => {
    const progress = await progressOf('ISSUE_DAY');
    expect(progress.total).toBe(preview.assignments);
    // Every assignment is to a body or unit below the province: the children's totals make the whole.
    expect(progress.children.reduce((sum: number, child: { total: number }) => sum + child.total, 0)).toBe(progress.total);
    const nongSon = progress.children.find((child: { unitCode: string }) => child.unitCode === '519');
    // Nông Sơn itself (t2) and each of its communes (t2; t3 for their bodies "các cấp").
    expect(nongSon.children.map((child: { unitCode: string }) => child.unitCode)).toEqual(
      expect.arrayContaining(['20656', '20668', '20669', '20671', '20672', '20692']),
    );
    expect(progress.children.map((child: { unitCode: string }) => child.unitCode).filter((code: string) => /^\d{3}$/.test(code))).toHaveLength(18);
    expect(await listedOf('ISSUE_DAY')).toBe(preview.assignments);
  });

  it("in 2026, after the reorganisation, the same total under the 2023 tree and under today's units through the lineage", async () => {
    clock.set('2026-03-02T03:00:00Z');
    // The scheduler's pass hands the open work of merged units to their successors (and records the
    // overdue periods of 2025–2026).
    let started = Date.now();
    await test.platform.tasks.get(OverdueScheduler).tick();
    const tick = Date.now() - started;
    started = Date.now();
    const then = await progressOf('ISSUE_DAY');
    const issueDayMs = Date.now() - started;
    started = Date.now();
    const today = await progressOf('TODAY');
    console.log(
      `2026: scheduler pass ${tick} ms; progress under the 2023 tree ${issueDayMs} ms, under today's ${Date.now() - started} ms (load ${loadavg()[0].toFixed(1)})`,
    );
    expect([then.total, today.total, then.completed, today.completed]).toEqual([preview.assignments, preview.assignments, 2, 2]);
    expect(then.percentComplete).toBe(today.percentComplete);
    // Today Quảng Nam (49) stands for the new Đà Nẵng (48): no district is left, Nông Sơn's communes count under the communes that took them in.
    expect(today.children.filter((child: { unitCode: string }) => /^\d{3}$/.test(child.unitCode))).toEqual([]);
    expect(today.children.map((child: { unitCode: string }) => child.unitCode)).not.toContain('20672');
    expect(then.children.map((child: { unitCode: string }) => child.unitCode)).toContain('519');
    expect([await listedOf('ISSUE_DAY'), await listedOf('TODAY')]).toEqual([preview.assignments, preview.assignments]);
  }, 600_000);
});
