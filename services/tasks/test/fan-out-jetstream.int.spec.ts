import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlanIssuedV1 } from '@reform/contracts';
import { JetStreamBus } from '@reform/messaging';
import { createTestDatabase, eventually, TestDatabase, testNatsUrl, uniqueName } from '@reform/testing';
import { FixedClock } from '../src';
import { COMMUNES, count, message, plan, publishTestUnits, startTasks, task } from './tasks-test-kit';

/** The distributed mode's bus: the same fan-out over NATS JetStream, with its own stream prefix. */
describe('tasks: fan-out over JetStream', () => {
  let db: TestDatabase;
  let bus: JetStreamBus;
  let app: INestApplication;
  let dataSource: DataSource;
  const clock = new FixedClock(new Date('2025-03-01T03:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase('tasks_js');
    bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix: uniqueName('tasks') });
    ({ app, dataSource } = await startTasks(db.url, bus, clock, { chunkSize: 7 }));
    await publishTestUnits(bus, dataSource);
  });

  afterAll(async () => {
    await app?.close();
    await bus?.deleteStreams().catch(() => undefined);
    await bus?.close();
    await db?.drop();
  });

  it('a plan issued to 20 communes gives 40 assignments and the lead one; the same event id published again changes nothing', async () => {
    const issued = plan({ tasks: [task('t1', { lead: ['600.PNV'] }), task('t2')] });
    const msg = message(PlanIssuedV1, issued, `plan-${issued.planId}`);
    await bus.publish(msg);
    await eventually(async () => expect(await count(dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1`, [issued.planId])).toBe(41), {
      timeoutMs: 20_000,
    });

    // A republish with the same id (JetStream drops it in its window), then a marker behind it.
    await bus.publish(msg);
    const marker = plan({ issuerCode: '601', tasks: [task('m1', { implementing: ['60101'] })] });
    await bus.publish(message(PlanIssuedV1, marker, `plan-${marker.planId}`));
    await eventually(async () => expect(await count(dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1`, [marker.planId])).toBe(1), {
      timeoutMs: 20_000,
    });
    expect(await count(dataSource, `SELECT count(*) FROM tasks.events WHERE event_type = 'AssignmentCreated' AND data->>'planId' = $1`, [issued.planId])).toBe(
      41,
    );
    expect(COMMUNES).toHaveLength(20);
  });
});
