import { DataSource } from 'typeorm';
import { managersOnly, MATRIX_ACTORS, MatrixActor, MatrixOperation, readLike, unitQuery } from '@reform/testing';
import { TASKS_SCHEMA } from '@reform/tasks';
import { RunningPlatform } from '../src/platform';

/**
 * The attack matrix extended to plans, progress roll-ups and assignments (the plans issue): the
 * same actors and targets as the directory's operations, with the outcomes designed for these.
 */
type Expected = MatrixOperation['expected'];

/** Plans are also read by the units below their issuer, who implement them: a commune reads its district's. */
const PLAN_READS: Expected = {
  ...readLike(),
  d513: { own: 'OK', child: 'OK', sibling: 'FORBIDDEN', siblingChild: 'FORBIDDEN', parent: 'OK', otherProvince: 'FORBIDDEN' },
  c20794: { own: 'OK', child: 'OK', sibling: 'FORBIDDEN', siblingChild: 'FORBIDDEN', parent: 'OK', otherProvince: 'FORBIDDEN' },
};

const draftInput = (issuerCode: string) => ({
  number: '01/KH-UBND',
  title: 'Kiểm thử phân quyền',
  issuerCode,
  year: 2026,
  frameworks: ['PAR_INDEX'],
  sections: [{ title: 'Mục kiểm thử', tasks: [{ text: 'Nhiệm vụ kiểm thử', implementing: { text: 'Văn phòng' } }] }],
});

export function planOperations(provincialPlanId: () => string): MatrixOperation[] {
  return [
    unitQuery("read the unit's plans", 'plans', 'query($c: ID!) { plans(issuerCode: $c) { id number } }', PLAN_READS),
    {
      name: 'draft a plan for the unit',
      service: 'plans',
      run: (client, username, code) =>
        client.outcome(username, 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }', { input: draftInput(code) }),
      expected: managersOnly(),
    },
    {
      name: "read the province's plan progress over the unit",
      run: (client, username, code) =>
        client.outcome(username, 'query($c: ID!, $p: ID!) { unit(code: $c) { planProgress(planId: $p) { total } } }', { c: code, p: provincialPlanId() }),
      expected: readLike(),
    },
  ];
}

export function assignmentReadOperations(): MatrixOperation[] {
  return [unitQuery("list the unit's assignments", 'tasks', 'query($c: ID!) { assignments(unitCode: $c) { id } }', readLike())];
}

/**
 * Acting on an assignment needs an assignment of the target unit: the demo data gives them to
 * districts and communes, not to the province or offices, so these cases use the targets that
 * have one (another province: Hà Giang's district 024).
 */
export const ACTING_ACTORS: readonly MatrixActor[] = MATRIX_ACTORS.map((actor) => {
  const withAssignments: Record<string, MatrixActor['targets']> = {
    doha: { child: '513', grandchild: '20794', otherProvince: '024' },
    d513: { own: '513', child: '20794', sibling: '509', otherProvince: '024' },
    c20794: { own: '20794', sibling: '20797', otherProvince: '024' },
    auditor: { child: '513', grandchild: '20794', otherProvince: '024' },
  };
  return { ...actor, targets: withAssignments[actor.username] };
});

export function assignmentActOperations(platform: () => RunningPlatform): MatrixOperation[] {
  /** An assignment of the unit still waiting to be accepted: an allowed accept consumes one. */
  const waiting = async (unitCode: string, kind = 'TASK'): Promise<string> => {
    const rows: Array<{ id: string }> = await platform()
      .tasks.get(DataSource)
      .query(`SELECT id FROM "${TASKS_SCHEMA}".assignments WHERE unit_code = $1 AND kind = $2 AND status = 'ASSIGNED' ORDER BY id LIMIT 1`, [unitCode, kind]);
    if (!rows.length) throw new Error(`access matrix: the demo data has no waiting assignment of ${unitCode}`);
    return rows[0].id;
  };
  const by = (expected: Partial<Record<string, 'OK' | 'FORBIDDEN'>>): Expected =>
    Object.fromEntries(
      ACTING_ACTORS.map((actor) => [
        actor.username,
        Object.fromEntries(Object.keys(actor.targets).map((target) => [target, expected[`${actor.username}:${target}`] ?? 'FORBIDDEN'])),
      ]),
    );
  const acting = by({ 'doha:child': 'OK', 'doha:grandchild': 'OK', 'd513:own': 'OK', 'd513:child': 'OK', 'c20794:own': 'OK' });
  return [
    {
      name: "accept the unit's assignment",
      service: 'tasks',
      run: async (client, username, code) =>
        client.outcome(username, 'mutation($id: ID!) { acceptAssignment(id: $id) { id status } }', { id: await waiting(code) }),
      expected: acting,
    },
    {
      name: 'read an assignment of the unit with its history',
      service: 'tasks',
      run: async (client, username, code) =>
        client.outcome(username, 'query($id: ID!) { assignment(id: $id) { id status history { version type } } }', { id: await waiting(code) }),
      expected: by({
        'doha:child': 'OK',
        'doha:grandchild': 'OK',
        'd513:own': 'OK',
        'd513:child': 'OK',
        'c20794:own': 'OK',
        'auditor:child': 'OK',
        'auditor:grandchild': 'OK',
      }),
    },
  ];
}

const NOBODY = (): Expected =>
  Object.fromEntries(MATRIX_ACTORS.map((actor) => [actor.username, Object.fromEntries(Object.keys(actor.targets).map((target) => [target, 'FORBIDDEN']))]));

/**
 * Issue 12's cases, for every actor and target: a timeline of another province's plan asked with
 * the target as `unitCode` (finding 1), an unknown plan and assignment (finding 7: the same answer
 * as another tenant's), a draft implementing another province's plan (finding 7).
 */
export function hostileOperations(platform: () => RunningPlatform): MatrixOperation[] {
  const haGiangTask = async (): Promise<{ planId: string; taskId: string }> => {
    const [row] = await platform()
      .tasks.get(DataSource)
      .query(
        `SELECT a.plan_id AS "planId", a.task_id AS "taskId" FROM "${TASKS_SCHEMA}".assignments a JOIN "${TASKS_SCHEMA}".known_plans p ON p.plan_id = a.plan_id WHERE p.number = '154/KH-UBND' AND a.kind = 'TASK' ORDER BY a.id LIMIT 1`,
      );
    return row;
  };
  return [
    {
      name: "read another province's task timeline naming the unit",
      service: 'tasks',
      run: async (client, username, code) => {
        const { planId, taskId } = await haGiangTask();
        return client.outcome(username, 'query($p: ID!, $t: ID!, $u: ID) { taskTimeline(planId: $p, taskId: $t, unitCode: $u) { type } }', {
          p: planId,
          t: taskId,
          u: code,
        });
      },
      expected: NOBODY(),
    },
    {
      name: 'read an unknown plan',
      service: 'plans',
      run: (client, username) => client.outcome(username, 'query($id: ID!) { plan(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }),
      expected: NOBODY(),
    },
    {
      name: 'accept an unknown assignment',
      service: 'tasks',
      run: (client, username) =>
        client.outcome(username, 'mutation($id: ID!) { acceptAssignment(id: $id) { id } }', { id: '00000000-0000-5000-8000-000000000000' }),
      expected: NOBODY(),
    },
    {
      name: "draft a plan for the unit implementing another province's plan",
      service: 'plans',
      run: async (client, username, code) => {
        const { planId } = await haGiangTask();
        return client.outcome(username, 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }', {
          input: { ...draftInput(code), implementsPlanId: planId },
        });
      },
      // Who may draft for the unit is told the parent plan is unknown (as for one that does not exist); the others are refused the draft.
      expected: Object.fromEntries(
        Object.entries(managersOnly()).map(([username, targets]) => [
          username,
          Object.fromEntries(Object.entries(targets).map(([target, outcome]) => [target, outcome === 'OK' ? 'BAD_USER_INPUT' : outcome])),
        ]),
      ),
    },
  ];
}
