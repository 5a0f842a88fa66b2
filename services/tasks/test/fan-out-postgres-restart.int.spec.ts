import { Client } from 'pg';
import { PlanIssuedV1 } from '@reform/contracts';
import { JetStreamBus } from '@reform/messaging';
import { eventually, OwnPostgres, startOwnPostgres, testNatsUrl, uniqueName } from '@reform/testing';
import { publishUnits } from '@reform/unit-hierarchy';
import { message, plan, task, UNITS } from './tasks-test-kit';
import { killTasksProcess, startTasksProcess, TasksProcess } from './tasks-process';

/**
 * Issue 13: "a PostgreSQL restart kills the tasks service". The distributed tasks process, on a
 * PostgreSQL server of the test's own (never the shared one), is fanning out a plan when the
 * server is shut down in immediate mode (every backend killed, as in a crash) for 10 s. The
 * process must live through it and finish the fan-out by itself: every assignment exactly once,
 * no job left pending, no operator action.
 */
describe('tasks: PostgreSQL shut down (immediate) for 10 s mid fan-out', () => {
  let server: OwnPostgres;
  let bus: JetStreamBus;
  let pg: Client | null = null;
  let running: TasksProcess | null = null;
  const prefix = uniqueName('pgdown');
  const databaseUrl = () => server.urlOf('reform');
  const query = async (sql: string, parameters: unknown[] = []) => {
    if (!pg) {
      const client = new Client({ connectionString: databaseUrl() });
      client.on('error', () => (pg = null)); // the server goes away under it; reconnect at the next query
      await client.connect();
      pg = client;
    }
    return pg.query(sql, parameters);
  };
  const n = async (sql: string, parameters: unknown[] = []) => Number((await query(sql, parameters)).rows[0].n);

  beforeAll(async () => {
    server = await startOwnPostgres();
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE reform');
    await admin.end();
    bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix });
    running = await startTasksProcess({ DATABASE_URL: databaseUrl(), NATS_URL: testNatsUrl(), NATS_PREFIX: prefix, FAN_OUT_CHUNK_SIZE: '5' });
    await publishUnits(bus, UNITS);
    await eventually(async () => expect(await n(`SELECT count(*)::int AS n FROM tasks.units`)).toBe(UNITS.length), { timeoutMs: 30_000 });
  }, 180_000);

  afterAll(async () => {
    await killTasksProcess(running);
    await pg?.end().catch(() => undefined);
    await bus?.deleteStreams().catch(() => undefined);
    await bus?.close();
    await server?.destroy();
  });

  it('the process lives through it and finishes the fan-out, every assignment once', async () => {
    // Each fan-out statement takes 100 ms, so the server goes down with the job half done.
    await query(`CREATE FUNCTION tasks.slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.1); RETURN NULL; END $$`);
    await query(`CREATE TRIGGER slow AFTER INSERT ON tasks.events FOR EACH STATEMENT EXECUTE FUNCTION tasks.slow()`);
    const issued = plan({ tasks: [task('t1'), task('t2'), task('t3'), task('t4')] }); // 80 assignments, 16 chunks
    await bus.publish(message(PlanIssuedV1, issued, `plan-${issued.planId}`));
    const assignments = () => n(`SELECT count(*)::int AS n FROM tasks.assignments WHERE plan_id = $1`, [issued.planId]);
    await eventually(async () => expect(await assignments()).toBeGreaterThanOrEqual(10), { timeoutMs: 60_000, intervalMs: 10 });

    await server.crash();
    pg = null;
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    expect(running?.alive()).toBe(true);
    await server.start();
    const restartedAt = Date.now();

    await eventually(async () => expect(await assignments()).toBe(80), { timeoutMs: 90_000, intervalMs: 200 }).catch((error) => {
      throw new Error(`${(error as Error).message}\n--- tasks process output ---\n${running?.output()}`);
    });
    await eventually(async () => expect(await n(`SELECT count(*)::int AS n FROM tasks.jobs WHERE status = 'pending'`)).toBe(0), { timeoutMs: 30_000 });
    process.stdout.write(`fan-out finished ${Date.now() - restartedAt} ms after PostgreSQL came back\n`);
    expect(running?.alive()).toBe(true);
    expect(running?.output()).not.toMatch(/unhandled/i);
    expect(await n(`SELECT count(*)::int AS n FROM tasks.events WHERE event_type = 'AssignmentCreated' AND data->>'planId' = $1`, [issued.planId])).toBe(80);
    expect(
      await n(
        `SELECT count(*)::int AS n FROM (SELECT stream_id FROM tasks.events GROUP BY stream_id HAVING count(*) FILTER (WHERE stream_version = 1) <> 1) AS twice`,
      ),
    ).toBe(0);
    // The worker leads again after the restart: its lock is held by a live session.
    expect(await n(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted`)).toBe(1);
  }, 240_000);
});
