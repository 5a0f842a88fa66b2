import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { PlanIssuedV1 } from '@reform/contracts';
import { JetStreamBus } from '@reform/messaging';
import { createTestDatabase, eventually, TEST_SIGNING_KEYS, TestDatabase, testNatsUrl, uniqueName } from '@reform/testing';
import { publishUnits } from '@reform/unit-hierarchy';
import { message, plan, task, UNITS } from './tasks-test-kit';

const root = join(__dirname, '../../..');

/** The distributed mode's tasks process (services/tasks/src/main.ts), as operators run it. */
function startProcess(env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<NodeJS.Signals | number | null> } {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, 'services/tasks/src/main.ts')], {
    cwd: root,
    env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.base.json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code))) };
}

/**
 * The plans issue's acceptance "killing the tasks service in the middle of a fan-out and
 * restarting it: every assignment exists exactly once" — with SIGKILL (no shutdown hook runs, the
 * chunk in flight is cut off with its connection), over NATS JetStream, against PostgreSQL.
 */
describe('tasks: a fan-out killed mid-way (SIGKILL) and restarted', () => {
  let db: TestDatabase;
  let bus: JetStreamBus;
  let pg: Client;
  let running: ReturnType<typeof startProcess> | null = null;
  const prefix = uniqueName('kill');
  const env = () => ({
    DATABASE_URL: db.url,
    NATS_URL: testNatsUrl(),
    NATS_PREFIX: prefix,
    PORT: '0',
    HOST: '127.0.0.1',
    AUTH_SIGNING_KEYS: TEST_SIGNING_KEYS.map((key) => `${key.kid}:${key.secret}`).join(','),
    FAN_OUT_CHUNK_SIZE: '5',
  });
  const n = async (sql: string, parameters: unknown[] = []) => Number((await pg.query(sql, parameters)).rows[0].n);
  const started = async () => {
    const proc = startProcess(env());
    await eventually(async () => expect(proc.output()).toContain('Subgraph at'), { timeoutMs: 60_000, intervalMs: 100 }).catch((error) => {
      throw new Error(`${(error as Error).message}\n${proc.output()}`);
    });
    return proc;
  };

  beforeAll(async () => {
    db = await createTestDatabase('tasks_kill');
    bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    running = await started();
    await publishUnits(bus, UNITS);
    await eventually(async () => expect(await n(`SELECT count(*)::int AS n FROM tasks.units`)).toBe(UNITS.length), { timeoutMs: 20_000 });
  }, 90_000);

  afterAll(async () => {
    running?.child.kill('SIGKILL');
    await running?.exit;
    await pg?.end();
    await bus?.deleteStreams().catch(() => undefined);
    await bus?.close();
    await db?.drop();
  });

  it('every assignment exists exactly once after the restart', async () => {
    // Each fan-out statement takes 100 ms, so the process dies with the job half done.
    await pg.query(`CREATE FUNCTION tasks.slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.1); RETURN NULL; END $$`);
    await pg.query(`CREATE TRIGGER slow AFTER INSERT ON tasks.events FOR EACH STATEMENT EXECUTE FUNCTION tasks.slow()`);
    const issued = plan({ tasks: [task('t1'), task('t2'), task('t3'), task('t4')] }); // 80 assignments, 16 chunks
    await bus.publish(message(PlanIssuedV1, issued, `plan-${issued.planId}`));
    const assignments = () => n(`SELECT count(*)::int AS n FROM tasks.assignments WHERE plan_id = $1`, [issued.planId]);
    await eventually(async () => expect(await assignments()).toBeGreaterThanOrEqual(10), { timeoutMs: 30_000, intervalMs: 10 });

    const killed = running as ReturnType<typeof startProcess>;
    killed.child.kill('SIGKILL');
    expect(await killed.exit).toBe('SIGKILL');
    const atKill = await assignments();
    expect(atKill).toBeLessThan(80);
    expect(await n(`SELECT count(*)::int AS n FROM tasks.jobs WHERE status = 'pending'`)).toBe(1); // still to do

    running = await started();
    await eventually(async () => expect(await assignments()).toBe(80), { timeoutMs: 60_000, intervalMs: 100 });
    await eventually(async () => expect(await n(`SELECT count(*)::int AS n FROM tasks.jobs WHERE status = 'pending'`)).toBe(0), { timeoutMs: 10_000 });
    expect(await n(`SELECT count(*)::int AS n FROM tasks.events WHERE event_type = 'AssignmentCreated' AND data->>'planId' = $1`, [issued.planId])).toBe(80);
    expect(await n(`SELECT count(DISTINCT stream_id)::int AS n FROM tasks.events WHERE data->>'planId' = $1`, [issued.planId])).toBe(80);
    expect(
      await n(
        `SELECT count(*)::int AS n FROM (SELECT stream_id FROM tasks.events GROUP BY stream_id HAVING count(*) FILTER (WHERE stream_version = 1) <> 1) AS twice`,
      ),
    ).toBe(0);
    await pg.query(`DROP TRIGGER slow ON tasks.events; DROP FUNCTION tasks.slow()`);
  }, 120_000);
});
