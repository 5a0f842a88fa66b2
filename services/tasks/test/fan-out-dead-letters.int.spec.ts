import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlanIssuedV1 } from '@reform/contracts';
import { eventStoreMigrations, PostgresEventStore, SYSTEM_ACTOR } from '@reform/event-store';
import { JetStreamBus, messagingMigrations, OutboxRelay, queueCounts, runDeadLettersCommand, toIntegrationMessage } from '@reform/messaging';
import { createTestDatabase, createTestDataSource, eventually, testNatsUrl, TestDatabase, uniqueName } from '@reform/testing';
import { FixedClock } from '../src';
import { count, plan, publishTestUnits, startTasks, task } from './tasks-test-kit';

const PLANS = 'plans';

/**
 * Issue 14 acceptance, on PostgreSQL and NATS JetStream: a plan event whose mapping throws in the
 * plans side's relay, and a fan-out job that fails every attempt in tasks, each end in a dead
 * letter, while a plan issued after them is fanned out as usual; the operator command retries
 * both once their faults are fixed, and they then succeed. Before: the relay retried the same
 * batch forever (nothing after it left), and the fan-out worker held every later plan behind the
 * failing job, retrying it forever.
 */
describe('tasks: a poisoned plan event and an always-failing fan-out end in dead letters; the rest flows on', () => {
  let db: TestDatabase;
  let bus: JetStreamBus;
  let relayBus: JetStreamBus;
  let app: INestApplication;
  let tasks: DataSource;
  let plans: DataSource;
  let relay: OutboxRelay;
  const prefix = uniqueName('tasksdl');
  const mappingFixed = { value: false };

  beforeAll(async () => {
    db = await createTestDatabase('tasks_dead_letters');
    bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix });
    relayBus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix });
    ({ app, dataSource: tasks } = await startTasks(db.url, bus, new FixedClock(new Date('2025-03-01T03:00:00Z')), { maxAttempts: 3, retryDelayMs: 50 }));
    await publishTestUnits(bus, tasks);
    // The plans side: its event store and relay (its schema, its relay's dead letters).
    plans = await createTestDataSource(db.url, { migrations: [...eventStoreMigrations(PLANS), ...messagingMigrations(PLANS)] });
    relay = new OutboxRelay({
      name: PLANS,
      store: new PostgresEventStore(plans, PLANS),
      dataSource: plans,
      schema: PLANS,
      bus: relayBus,
      idleMs: 20,
      map: (event) => {
        const issued = event.data as PlanIssuedV1;
        if (issued.number === '99/KH-LOI' && !mappingFixed.value) throw new Error('task t1: timeframe "Quý V/2025" has no due day');
        return toIntegrationMessage(event, PlanIssuedV1, PlanIssuedV1.validate(issued));
      },
    });
    relay.start();
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
    await app?.close();
    await plans?.destroy();
    await bus?.deleteStreams().catch(() => undefined);
    await relayBus?.close();
    await bus?.close();
    await db?.drop();
  });

  const issue = (issued: PlanIssuedV1) =>
    new PostgresEventStore(plans, PLANS).append(`plan-${issued.planId}`, 'no_stream', [{ type: 'PlanIssued', data: issued }], {
      actor: SYSTEM_ACTOR,
      tenant: issued.issuerCode,
      correlationId: `issue-${issued.planId}`,
      causationId: null,
    });
  const assignmentsOf = (planId: string) => count(tasks, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1`, [planId]);
  const cli = async (argv: string[]) => {
    const lines: string[] = [];
    const code = await runDeadLettersCommand(argv, { DATABASE_URL: db.url }, (line) => lines.push(line));
    return { code, lines };
  };

  it('both dead-lettered, a later plan fanned out meanwhile, both retried by the operator once fixed', async () => {
    // The usual time, for the figure printed below: a plan alone, from its issue to its assignments.
    const baseline = plan({ number: '1/KH-UBND', tasks: [task('t1'), task('t2')] });
    let t0 = Date.now();
    await issue(baseline);
    relay.nudge();
    await eventually(async () => expect(await assignmentsOf(baseline.planId)).toBe(40), { intervalMs: 10 });
    const usualMs = Date.now() - t0;

    const poisoned = plan({ number: '99/KH-LOI', tasks: [task('t1')] });
    const failing = plan({ number: '98/KH-UBND', tasks: [task('t1')] });
    const later = plan({ number: '100/KH-UBND', tasks: [task('t1'), task('t2')] });
    // Every fan-out of the failing plan fails (a fault of the database's data, not an outage).
    await tasks.query(`CREATE FUNCTION tasks.refuse_plan() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.data->>'planId' = '${failing.planId}' THEN RAISE EXCEPTION 'unit 60001 refused by a broken constraint'; END IF; RETURN NEW; END $$`);
    await tasks.query(`CREATE TRIGGER refuse_plan BEFORE INSERT ON tasks.events FOR EACH ROW EXECUTE FUNCTION tasks.refuse_plan()`);

    await issue(poisoned);
    await issue(failing);
    t0 = Date.now();
    await issue(later);
    relay.nudge();

    // The plan issued after both is fanned out: 2 tasks × 20 communes.
    await eventually(async () => expect(await assignmentsOf(later.planId)).toBe(40), { intervalMs: 10 });
    process.stdout.write(`fan-out of a plan: ${usualMs} ms alone; ${Date.now() - t0} ms issued after a poisoned event and a failing job\n`);
    // The failing plan's job ends in a dead letter after its 3 attempts; the poisoned event in the relay's.
    const jobLetters = await eventually(async () => {
      const { code, lines } = await cli(['tasks', 'list']);
      expect(code).toBe(0);
      expect(lines).toHaveLength(2);
      return lines;
    });
    const [jobLetterId, source, queue, key, , attempts] = jobLetters[0].split('\t');
    expect({ source, queue, key, attempts }).toEqual({ source: 'job', queue: 'tasks.plan-events', key: failing.planId, attempts: '3 attempts' });
    expect(jobLetters[0]).toContain('unit 60001 refused by a broken constraint');
    const relayLetters = await eventually(async () => {
      const { lines } = await cli(['plans', 'list']);
      expect(lines).toHaveLength(2);
      return lines;
    });
    const [relayLetterId, relaySource, relayName, stream] = relayLetters[0].split('\t');
    expect({ relaySource, relayName, stream }).toEqual({ relaySource: 'relay', relayName: 'plans', stream: `plan-${poisoned.planId}` });
    expect(relayLetters[0]).toContain('timeframe "Quý V/2025" has no due day');
    expect(relay.deadLetteredCount).toBe(1);
    expect(await queueCounts(tasks, 'tasks')).toEqual([{ source: 'job', queue: 'tasks.plan-events', pending: 0, deadLetters: 1 }]);
    expect(await assignmentsOf(failing.planId)).toBe(0);
    expect(await assignmentsOf(poisoned.planId)).toBe(0);

    // Fixed: the operator retries both, and each plan is fanned out.
    await tasks.query(`DROP TRIGGER refuse_plan ON tasks.events; DROP FUNCTION tasks.refuse_plan()`);
    expect((await cli(['tasks', 'retry', jobLetterId])).code).toBe(0);
    await eventually(async () => expect(await assignmentsOf(failing.planId)).toBe(20));
    mappingFixed.value = true;
    expect((await cli(['plans', 'retry', relayLetterId])).code).toBe(0);
    relay.nudge();
    await eventually(async () => expect(await assignmentsOf(poisoned.planId)).toBe(20));

    await eventually(async () => expect(await queueCounts(tasks, 'tasks')).toEqual([]));
    expect(await queueCounts(plans, PLANS)).toEqual([]);
    expect((await cli(['tasks', 'list'])).lines).toEqual(['0 dead letter(s) in tasks']);
  });
});
