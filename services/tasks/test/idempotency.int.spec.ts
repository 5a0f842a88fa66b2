import { Client } from 'pg';
import { PlanIssuedV1 } from '@reform/contracts';
import { JetStreamBus } from '@reform/messaging';
import { createTestDatabase, eventually, GraphQLTestClient, TestDatabase, testNatsUrl, uniqueName } from '@reform/testing';
import { publishUnits } from '@reform/unit-hierarchy';
import { message, plan, task, tokenFor, UNITS } from './tasks-test-kit';
import { killTasksProcess, startTasksProcess, TasksProcess } from './tasks-process';

/**
 * Issue 13 acceptance: "the same progress report sent twice with one idempotency key, including
 * across a kill -9 of the tasks service between the two, records one event" — on the distributed
 * tasks process, over HTTP with the `Idempotency-Key` header, as a client retrying after a cut
 * connection would.
 */
describe('tasks: a retried mutation with an idempotency key is applied once', () => {
  let db: TestDatabase;
  let bus: JetStreamBus;
  let pg: Client;
  let running: TasksProcess | null = null;
  let token: string;
  let assignmentId: string;
  const prefix = uniqueName('idem');
  const env = () => ({ DATABASE_URL: db.url, NATS_URL: testNatsUrl(), NATS_PREFIX: prefix });
  const PROGRESS = `mutation($id: ID!, $input: ProgressInput!) { reportAssignmentProgress(id: $id, input: $input) { id status percent note } }`;
  const n = async (sql: string, parameters: unknown[] = []) => Number((await pg.query(sql, parameters)).rows[0].n);
  const client = () =>
    new GraphQLTestClient(/Subgraph at (\S+\/graphql)/.exec(running?.output() ?? '')?.[1].replace('localhost', '127.0.0.1') ?? 'http://127.0.0.1:1/graphql');
  const report = (percent: number, key: string | null) =>
    client().request(PROGRESS, { id: assignmentId, input: { percent, note: `${percent}%` } }, token, key ? { 'Idempotency-Key': key } : {});
  const reports = () =>
    n(`SELECT count(*)::int AS n FROM tasks.events WHERE stream_id = $1 AND event_type = 'ProgressReported'`, [`assignment-${assignmentId}`]);

  beforeAll(async () => {
    db = await createTestDatabase('tasks_idem');
    bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    running = await startTasksProcess(env());
    await publishUnits(bus, UNITS);
    await eventually(async () => expect(await n(`SELECT count(*)::int AS n FROM tasks.units`)).toBe(UNITS.length), { timeoutMs: 60_000 });
    const issued = plan({ tasks: [task('t1')] });
    await bus.publish(message(PlanIssuedV1, issued, `plan-${issued.planId}`));
    await eventually(async () => expect(await n(`SELECT count(*)::int AS n FROM tasks.assignments WHERE plan_id = $1`, [issued.planId])).toBe(20), {
      timeoutMs: 60_000,
    });
    assignmentId = (await pg.query(`SELECT id FROM tasks.assignments WHERE plan_id = $1 AND unit_code = '60001'`, [issued.planId])).rows[0].id;
    token = await tokenFor('c60001', [['UNIT_OFFICER', '60001']]);
    const accepted = await client().request(`mutation($id: ID!) { acceptAssignment(id: $id) { status } }`, { id: assignmentId }, token);
    expect(accepted.errors).toBeUndefined();
  }, 180_000);

  afterAll(async () => {
    await killTasksProcess(running);
    await pg?.end();
    await bus?.deleteStreams().catch(() => undefined);
    await bus?.close();
    await db?.drop();
  });

  it('the same report twice with one key, across a kill -9, records one event and answers the first result', async () => {
    const first = await report(40, 'report-40-a');
    expect(first.errors).toBeUndefined();
    expect(first.data.reportAssignmentProgress).toMatchObject({ status: 'IN_PROGRESS', percent: 40 });
    expect(await reports()).toBe(1);

    const again = await report(40, 'report-40-a');
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await reports()).toBe(1);

    await killTasksProcess(running);
    running = await startTasksProcess(env());

    const afterKill = await report(40, 'report-40-a');
    expect(afterKill.errors).toBeUndefined();
    expect(afterKill.data).toEqual(first.data);
    expect(await reports()).toBe(1);
  }, 180_000);

  it('the same key with another input is refused with CONFLICT, naming the header; state unchanged', async () => {
    const refused = await report(60, 'report-40-a');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key', rule: 'IDEMPOTENCY_KEY.REUSED' });
    expect(refused.errors?.[0]?.message).toContain('report-40-a');
    expect(await reports()).toBe(1);
  });

  it('without a key, or with a new key, a report is a new report; a replay answers the first result', async () => {
    expect((await report(50, null)).errors).toBeUndefined();
    const keyed = await report(60, 'report-60-b');
    expect(keyed.data.reportAssignmentProgress).toMatchObject({ percent: 60, note: '60%' });
    expect((await report(70, null)).errors).toBeUndefined();
    expect(await reports()).toBe(4);
    // The key's answer is the first result (60 %), not the assignment as it stands (70 %).
    expect((await report(60, 'report-60-b')).data).toEqual(keyed.data);
    expect(await reports()).toBe(4);
  });
});
