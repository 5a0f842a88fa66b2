import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PlanIssuedV1 } from '@reform/contracts';
import { InProcessBus } from '@reform/messaging';
import { createTestDatabase, eventually, TestDatabase } from '@reform/testing';
import { FixedClock } from '../src';
import { COMMUNES, count, message, plan, publishTestUnits, startTasks } from './tasks-test-kit';

/** The value of one series in Prometheus's text format (`name{a="b",…} value`), undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/**
 * GET /metrics of the tasks service during one plan's fan-out. Locks taken by the test hold the
 * flow at each stage, so each metric is seen moving rather than caught by luck: the message
 * waits for its consumer (consumer lag), then the job for its worker (pending jobs), then the
 * assignment events for the relay (relay lag), and each drains once its lock is gone.
 */
describe('tasks: metrics move during a fan-out', () => {
  let db: TestDatabase;
  let bus: InProcessBus;
  let app: INestApplication;
  let dataSource: DataSource;
  let base: string;
  const clock = new FixedClock(new Date('2025-03-01T03:00:00Z'));
  const holders: Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('tasks_metrics');
    bus = new InProcessBus();
    ({ app, dataSource } = await startTasks(db.url, bus, clock, { chunkSize: 7 }));
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    await publishTestUnits(bus, dataSource);
  });

  afterAll(async () => {
    for (const holder of holders) await holder.end().catch(() => undefined);
    await app?.close();
    await bus?.close();
    await db?.drop();
  });

  const scrape = async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return response.text();
  };
  /** A transaction of its own holding `table` against writes (reads go on) until `release()`. */
  const hold = async (table: string) => {
    const client = new Client({ connectionString: db.url });
    holders.push(client);
    await client.connect();
    await client.query('BEGIN');
    await client.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
    return { release: () => client.query('COMMIT').then(() => client.end()) };
  };

  it('shows consumer lag, pending fan-out jobs, relay lag, appends and request latency moving, and no dead letter', async () => {
    const before = await scrape();
    const appendsBefore = sample(before, 'reform_event_store_append_duration_seconds_count', { schema: 'tasks', kind: 'many' }) ?? 0;
    expect(sample(before, 'reform_pending_jobs', { service: 'tasks', queue: 'plan-fan-out' })).toBe(0);
    expect(sample(before, 'reform_consumer_lag_messages', { consumer: 'tasks.plan-assignments' })).toBe(0);

    const inbox = await hold('tasks.inbox');
    const events = await hold('tasks.events');
    const checkpoints = await hold('tasks.relay_checkpoints');
    const issued = plan({ cascade: { unitCodes: COMMUNES, dueOn: '2025-04-01', text: 'Ban hành kế hoạch triển khai trước ngày 01/4/2025' } });
    await bus.publish(message(PlanIssuedV1, issued, `plan-${issued.planId}`));

    // 1. The consumer cannot record the message: it waits on the bus.
    await eventually(async () => expect(sample(await scrape(), 'reform_consumer_lag_messages', { consumer: 'tasks.plan-assignments' })).toBe(1));
    await inbox.release();
    // 2. Taken and queued; the worker cannot append the assignments.
    await eventually(async () => {
      const text = await scrape();
      expect(sample(text, 'reform_consumer_lag_messages', { consumer: 'tasks.plan-assignments' })).toBe(0);
      expect(sample(text, 'reform_pending_jobs', { service: 'tasks', queue: 'plan-fan-out' })).toBe(1);
    });
    await events.release();
    // 3. Fanned out (2 tasks × 20 communes + the lead + 20 obligations); the relay cannot move its checkpoint past them.
    await eventually(async () => expect(await count(dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1`, [issued.planId])).toBe(61));
    await eventually(async () => {
      const text = await scrape();
      expect(sample(text, 'reform_pending_jobs', { service: 'tasks', queue: 'plan-fan-out' })).toBe(0);
      expect(sample(text, 'reform_relay_lag_events', { service: 'tasks' })).toBeGreaterThanOrEqual(61);
      expect(sample(text, 'reform_relay_lag_seconds', { service: 'tasks' })).toBeGreaterThan(0);
    });
    await checkpoints.release();
    // 4. Everything drained.
    const after = await eventually(async () => {
      const text = await scrape();
      expect(sample(text, 'reform_relay_lag_events', { service: 'tasks' })).toBe(0);
      return text;
    });
    expect(sample(after, 'reform_relay_lag_seconds', { service: 'tasks' })).toBe(0);
    // Chunks of 7 new streams: at least 61 / 7 appends of many streams, each timed.
    expect(sample(after, 'reform_event_store_append_duration_seconds_count', { schema: 'tasks', kind: 'many' })).toBeGreaterThanOrEqual(
      appendsBefore + Math.ceil(61 / 7),
    );
    // The scrapes before the last (before, and steps 1–3 at least once each): a scrape's answer is
    // written before its own request is timed, so the last one does not count itself.
    expect(
      sample(after, 'reform_http_request_duration_seconds_count', { service: 'tasks', method: 'GET', path: '/metrics', status: '200' }),
    ).toBeGreaterThanOrEqual(4);
    expect(sample(after, 'reform_dead_letters', { consumer: 'tasks.plan-assignments' })).toBeUndefined();
    expect(after).toContain('# TYPE reform_dead_letters gauge');
  });
});
