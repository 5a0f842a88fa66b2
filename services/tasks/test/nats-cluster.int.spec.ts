import { Client } from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { PlanIssuedV1 } from '@reform/contracts';
import { JetStreamBus } from '@reform/messaging';
import { createTestDatabase, eventually, OwnNatsCluster, startOwnNatsCluster, TestDatabase, uniqueName } from '@reform/testing';
import { publishUnits } from '@reform/unit-hierarchy';
import { message, plan, task, UNITS } from './tasks-test-kit';
import { killTasksProcess, startTasksProcess, TasksProcess } from './tasks-process';

/**
 * Issue 13 acceptance: on a 3-node NATS JetStream cluster the test starts itself (never the
 * shared NATS), the distributed tasks process lists every node in NATS_URL; its streams get 3
 * replicas (an existing 1-replica stream is raised). During fan-outs, the node the process is
 * connected to is killed (SIGKILL), brought back, then the plans stream's leader is killed:
 * nothing is lost, nothing duplicated, nobody acts, and the consumer receives again within 10 s
 * of the leader change.
 */
describe('tasks on a 3-node NATS cluster: a node and then the stream leader killed mid fan-out', () => {
  let cluster: OwnNatsCluster;
  let db: TestDatabase;
  let bus: JetStreamBus;
  let pg: Client;
  let running: TasksProcess | null = null;
  const prefix = uniqueName('cluster');
  const n = async (sql: string, parameters: unknown[] = []) => Number((await pg.query(sql, parameters)).rows[0].n);
  const received = (eventId: string) => n(`SELECT count(*)::int AS n FROM tasks.jobs WHERE job_id = $1`, [eventId]);
  /** Publishes, retrying while the client moves to another node (the publish is idempotent by event id). */
  const publish = (issued: ReturnType<typeof plan>) => {
    const sent = message(PlanIssuedV1, issued, `plan-${issued.planId}`);
    return eventually(() => bus.publish(sent), { timeoutMs: 60_000, intervalMs: 200 }).then(() => sent.eventId);
  };
  const streamInfo = async (service: string) => (await jetstreamManager(bus.connection, { timeout: 1_000 })).streams.info(bus.streamName(service));

  beforeAll(async () => {
    cluster = await startOwnNatsCluster(3);
    db = await createTestDatabase('tasks_cluster');
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    // A bus that still makes 1-replica streams: the directory's stream exists before the services
    // start, as it did on clusters before this change.
    const old = await eventually(() => JetStreamBus.connect({ servers: cluster.urls, prefix, replicas: 1 }), { timeoutMs: 60_000, intervalMs: 500 });
    await eventually(() => publishUnits(old, UNITS), { timeoutMs: 60_000, intervalMs: 500 });
    expect((await (await jetstreamManager(old.connection)).streams.info(old.streamName('directory'))).config.num_replicas).toBe(1);
    await old.close();
    bus = await JetStreamBus.connect({ servers: cluster.urls, prefix });
    running = await startTasksProcess({ DATABASE_URL: db.url, NATS_URL: cluster.urls, NATS_PREFIX: prefix, FAN_OUT_CHUNK_SIZE: '5' });
    await eventually(async () => expect(await n(`SELECT count(*)::int AS n FROM tasks.units`)).toBe(UNITS.length), { timeoutMs: 60_000 });
    // Each fan-out statement takes 50 ms, so the fan-outs are under way when the nodes die.
    await pg.query(`CREATE FUNCTION tasks.slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.05); RETURN NULL; END $$`);
    await pg.query(`CREATE TRIGGER slow AFTER INSERT ON tasks.events FOR EACH STATEMENT EXECUTE FUNCTION tasks.slow()`);
  }, 240_000);

  afterAll(async () => {
    await killTasksProcess(running);
    await pg?.end();
    await bus?.close().catch(() => undefined);
    await db?.drop();
    await cluster?.destroy();
  });

  it('loses nothing, duplicates nothing, needs no operator; the consumer receives within 10 s of the leader change', async () => {
    // The services' streams have 3 replicas, the old 1-replica stream raised to 3.
    expect((await streamInfo('directory')).config.num_replicas).toBe(3);
    const plans = [plan({ tasks: [task('t1'), task('t2')] })];
    await publish(plans[0]);
    await eventually(
      async () => expect(await n(`SELECT count(*)::int AS n FROM tasks.assignments WHERE plan_id = $1`, [plans[0].planId])).toBeGreaterThanOrEqual(5),
      { timeoutMs: 60_000, intervalMs: 20 },
    );
    expect((await streamInfo('plans')).config.num_replicas).toBe(3);

    // 1. The node the tasks process is connected to dies.
    const used = (await Promise.all(cluster.nodes.map(async (node) => ((await node.clients()).includes('reform-tasks') ? node : null)))).find(
      (node) => node !== null,
    );
    if (!used) throw new Error('no node has the tasks process as a client');
    await used.kill();
    const killedAt = Date.now();
    plans.push(plan({ tasks: [task('t1'), task('t2')] }));
    const second = await publish(plans[1]);
    await eventually(async () => expect(await received(second)).toBe(1), { timeoutMs: 60_000, intervalMs: 50 });
    const afterNodeKill = Date.now() - killedAt;
    await used.start();

    // 2. The plans stream's leader dies (once the cluster is whole again and the stream current).
    await eventually(
      async () => {
        const info = await streamInfo('plans');
        expect(info.cluster?.leader).toBeTruthy();
        expect(info.cluster?.replicas?.filter((replica) => replica.current && !replica.offline)).toHaveLength(2);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const leaderName = (await streamInfo('plans')).cluster?.leader;
    const leader = cluster.nodes.find((node) => node.name === leaderName);
    if (!leader) throw new Error(`no node named ${leaderName}`);
    await leader.kill();
    const leaderKilledAt = Date.now();
    // The leader change: the first moment a new leader answers for the stream, watched from the
    // kill on (an election's length depends on the cluster, not on the services).
    const leaderChanged = eventually(
      async () => {
        expect((await streamInfo('plans')).cluster?.leader).not.toBe(leaderName);
        return Date.now();
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    plans.push(plan({ tasks: [task('t1'), task('t2')] }));
    const third = await publish(plans[2]);
    const publishedAfter = Date.now() - leaderKilledAt;
    const leaderChangedAt = await leaderChanged;
    await eventually(async () => expect(await received(third)).toBe(1), { timeoutMs: 60_000, intervalMs: 50 });
    const afterLeaderKill = Date.now() - leaderKilledAt;
    const afterLeaderChange = Math.max(0, Date.now() - leaderChangedAt);
    await leader.start();

    // Every plan fanned out exactly once: 2 tasks × 20 communes each, no stream created twice.
    for (const issued of plans) {
      await eventually(async () => expect(await n(`SELECT count(*)::int AS n FROM tasks.assignments WHERE plan_id = $1`, [issued.planId])).toBe(40), {
        timeoutMs: 120_000,
        intervalMs: 250,
      });
    }
    await eventually(async () => expect(await n(`SELECT count(*)::int AS n FROM tasks.jobs WHERE status = 'pending'`)).toBe(0), { timeoutMs: 60_000 });
    expect(await n(`SELECT count(*)::int AS n FROM tasks.jobs`)).toBe(3);
    expect(await n(`SELECT count(*)::int AS n FROM tasks.events WHERE event_type = 'AssignmentCreated'`)).toBe(120);
    expect(
      await n(
        `SELECT count(*)::int AS n FROM (SELECT stream_id FROM tasks.events GROUP BY stream_id HAVING count(*) FILTER (WHERE stream_version = 1) <> 1) AS twice`,
      ),
    ).toBe(0);
    expect(running?.alive()).toBe(true);
    process.stdout.write(
      `NATS cluster: received again ${afterNodeKill} ms after the services' node was killed, ${afterLeaderKill} ms after the plans stream's leader (${leaderName}) was killed (the publish itself was accepted after ${publishedAfter} ms; ${afterLeaderChange} ms after a new leader answered)\n`,
    );
    expect(afterLeaderChange).toBeLessThan(10_000);

    // With two of three nodes gone the stream has no quorum: said as such, not "jetstream is not enabled".
    await cluster.nodes[0].kill();
    await cluster.nodes[1].kill();
    const lost = message(PlanIssuedV1, plan(), 'plan-x');
    await expect(bus.publish(lost)).rejects.toThrow(/JetStream stream \w+PLANS is unreachable \(its leader or a quorum of its replicas does not answer/);
  }, 300_000);
});
