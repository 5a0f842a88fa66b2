import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PlanAmendedV1, PlanClosedV1, PlanIssuedV1 } from '@reform/contracts';
import { PostgresEventStore, START } from '@reform/event-store';
import { InProcessBus } from '@reform/messaging';
import { createTestDatabase, eventually, TestDatabase } from '@reform/testing';
import { assignmentId, FixedClock, obligationId } from '../src';
import { assignmentsProjection } from '../src/read/assignments/assignments.projection';
import { COMMUNES, count, message, plan, publishTestUnits, startTasks, task } from './tasks-test-kit';

describe('tasks: fan-out of plan events into assignments', () => {
  let db: TestDatabase;
  let bus: InProcessBus;
  let app: INestApplication;
  let dataSource: DataSource;
  const clock = new FixedClock(new Date('2025-03-01T03:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase('tasks_fanout');
    bus = new InProcessBus();
    ({ app, dataSource } = await startTasks(db.url, bus, clock, { chunkSize: 7 }));
    await publishTestUnits(bus, dataSource);
  });

  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await db?.drop();
  });

  const assignmentsOf = (planId: string) => count(dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1`, [planId]);
  const createdEventsOf = (planId: string) =>
    count(dataSource, `SELECT count(*) FROM tasks.events WHERE event_type = 'AssignmentCreated' AND data->>'planId' = $1`, [planId]);

  it('a plan issued to 20 communes: one assignment per (task, commune), one for the lead, one obligation per cascade unit', async () => {
    const issued = plan({ cascade: { unitCodes: COMMUNES, dueOn: '2025-04-01', text: 'Ban hành kế hoạch triển khai trước ngày 01/4/2025' } });
    const msg = message(PlanIssuedV1, issued, `plan-${issued.planId}`);
    await bus.publish(msg);
    // 2 tasks × 20 communes + 1 lead + 20 obligations
    await eventually(async () => expect(await assignmentsOf(issued.planId)).toBe(61));
    expect(await createdEventsOf(issued.planId)).toBe(61);
    const lead = await dataSource.query(`SELECT unit_code, role, status, due_on::text FROM tasks.assignments WHERE plan_id = $1 AND role = 'LEAD'`, [
      issued.planId,
    ]);
    expect(lead).toEqual([{ unit_code: '600.PNV', role: 'LEAD', status: 'ASSIGNED', due_on: '2025-06-30' }]);
    const periodic = await dataSource.query(`SELECT due_on::text FROM tasks.assignments WHERE plan_id = $1 AND task_id = 't2' LIMIT 1`, [issued.planId]);
    expect(periodic).toEqual([{ due_on: '2025-03-14' }]);
    // The audit trail links each assignment to the plan event: actor system, causation = the message.
    const [metadata] = await dataSource.query(`SELECT metadata FROM tasks.events WHERE stream_id = $1`, [
      `assignment-${assignmentId({ planId: issued.planId, taskId: 't1', unitCode: '60001', role: 'IMPLEMENTING', kind: 'TASK' })}`,
    ]);
    expect(metadata.metadata).toMatchObject({ actor: { accountId: 'system' }, correlationId: msg.metadata.correlationId, causationId: msg.eventId });
  });

  it('the same message delivered twice (after a restart, on a fresh bus) creates each assignment once', async () => {
    const issued = plan({ tasks: [task('t1')] });
    const msg = message(PlanIssuedV1, issued, `plan-${issued.planId}`);
    await bus.publish(msg);
    await eventually(async () => expect(await assignmentsOf(issued.planId)).toBe(20));

    await app.close();
    const secondBus = new InProcessBus();
    ({ app, dataSource } = await startTasks(db.url, secondBus, clock, { chunkSize: 7 }));
    await secondBus.publish(msg);
    // A marker behind it on the same consumer: once it is handled, the duplicate was too.
    const marker = plan({ tasks: [task('t1', { implementing: ['60101'] })], issuerCode: '601' });
    await secondBus.publish(message(PlanIssuedV1, marker, `plan-${marker.planId}`));
    await eventually(async () => expect(await assignmentsOf(marker.planId)).toBe(1));
    expect(await assignmentsOf(issued.planId)).toBe(20);
    expect(await createdEventsOf(issued.planId)).toBe(20);
    await app.close();
    await secondBus.close();
    ({ app, dataSource } = await startTasks(db.url, bus, clock, { chunkSize: 7 }));
  });

  it('a fan-out that fails after some chunks committed is redelivered and creates every assignment exactly once', async () => {
    // The 20th new stream of the next fan-out fails its chunk once (the sequence is not
    // transactional, so it is not reset by the rollback and fires only once).
    await dataSource.query(`CREATE SEQUENCE tasks.fail_once`);
    await dataSource.query(`CREATE FUNCTION tasks.fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.stream_version = 1 AND nextval('tasks.fail_once') = 20 THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await dataSource.query(`CREATE TRIGGER fail_once BEFORE INSERT ON tasks.events FOR EACH ROW EXECUTE FUNCTION tasks.fail_once()`);
    try {
      const issued = plan({ tasks: [task('t1'), task('t2')] });
      await bus.publish(message(PlanIssuedV1, issued, `plan-${issued.planId}`));
      await eventually(async () => expect(await assignmentsOf(issued.planId)).toBe(40));
      expect(await createdEventsOf(issued.planId)).toBe(40);
      expect(await count(dataSource, `SELECT count(DISTINCT stream_id) FROM tasks.events WHERE data->>'planId' = $1`, [issued.planId])).toBe(40);
      // It did fail: the chunks before the failure were committed by the first attempt.
      expect(await count(dataSource, `SELECT last_value FROM tasks.fail_once`)).toBeGreaterThan(40);
      expect(await count(dataSource, `SELECT count(DISTINCT transaction_id) FROM tasks.events WHERE data->>'planId' = $1`, [issued.planId])).toBe(6);
      await eventually(async () => {
        const [job] = await dataSource.query(`SELECT attempts, last_error, done_at IS NOT NULL AS done FROM tasks.jobs WHERE key = $1`, [issued.planId]);
        expect(job).toEqual({ attempts: 2, last_error: null, done: true });
      });
    } finally {
      await dataSource.query(`DROP TRIGGER fail_once ON tasks.events; DROP FUNCTION tasks.fail_once(); DROP SEQUENCE tasks.fail_once`);
    }
  });

  it('a fan-out stopped by closing the app after its first chunks resumes at the next start, each assignment once', async () => {
    // Each chunk takes at least 50 ms, so the app can be closed in the middle of the fan-out.
    await dataSource.query(`CREATE FUNCTION tasks.slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.05); RETURN NULL; END $$`);
    await dataSource.query(`CREATE TRIGGER slow AFTER INSERT ON tasks.events FOR EACH STATEMENT EXECUTE FUNCTION tasks.slow()`);
    try {
      const issued = plan({ tasks: [task('t1'), task('t2'), task('t3')] });
      await bus.publish(message(PlanIssuedV1, issued, `plan-${issued.planId}`));
      await eventually(async () => expect(await assignmentsOf(issued.planId)).toBeGreaterThanOrEqual(7), { intervalMs: 5 });
      await app.close();
      const pg = new Client({ connectionString: db.url });
      await pg.connect();
      const { rows } = await pg.query(`SELECT count(*)::int AS n FROM tasks.assignments WHERE plan_id = $1`, [issued.planId]);
      await pg.end();
      expect(rows[0].n).toBeLessThan(60);
      ({ app, dataSource } = await startTasks(db.url, bus, clock, { chunkSize: 7 }));
      await eventually(async () => expect(await assignmentsOf(issued.planId)).toBe(60));
      expect(await createdEventsOf(issued.planId)).toBe(60);
      // The job is marked done just after its last chunk commits (and the processor checks its
      // lock). The shutdown interrupted it without failing it: one attempt, not two (ADR 0024).
      await eventually(async () => {
        const [job] = await dataSource.query(`SELECT attempts, done_at IS NOT NULL AS done FROM tasks.jobs WHERE key = $1`, [issued.planId]);
        expect(job).toEqual({ attempts: 1, done: true });
      });
    } finally {
      await dataSource.query(`DROP TRIGGER slow ON tasks.events; DROP FUNCTION tasks.slow()`);
    }
  });

  it('an amendment adds, cancels (with its reason) and reschedules; completed assignments stay', async () => {
    const issued = plan({ tasks: [task('t1'), task('t2'), task('t3', { implementing: ['60001', '60002'] })] });
    await bus.publish(message(PlanIssuedV1, issued, `plan-${issued.planId}`));
    await eventually(async () => expect(await assignmentsOf(issued.planId)).toBe(42));
    const amendment: PlanAmendedV1 = {
      planId: issued.planId,
      revision: 2,
      reason: 'Theo chỉ đạo của UBND tỉnh',
      amendedOn: '2025-05-02',
      addedTasks: [task('t4', { implementing: ['60003'], dueOn: '2025-09-30', timeframe: { kind: 'due', text: 'Trước 30/9/2025', on: '2025-09-30' } })],
      removedTaskIds: ['t2'],
      rescheduledTasks: [{ taskId: 't3', timeframe: { kind: 'due', text: 'Trước ngày 31/8/2025', on: '2025-08-31' }, dueOn: '2025-08-31' }],
    };
    await bus.publish(message(PlanAmendedV1, amendment, `plan-${issued.planId}`));
    await eventually(async () => expect(await assignmentsOf(issued.planId)).toBe(43));
    await eventually(async () => {
      const t2 = await dataSource.query(
        `SELECT DISTINCT status, state->>'cancelledReason' AS reason FROM tasks.assignments WHERE plan_id = $1 AND task_id = 't2'`,
        [issued.planId],
      );
      expect(t2).toEqual([{ status: 'CANCELLED', reason: 'Điều chỉnh kế hoạch (lần 1): Theo chỉ đạo của UBND tỉnh' }]);
    });
    await eventually(async () => {
      const t3 = await dataSource.query(
        `SELECT DISTINCT due_on::text, state->>'timeframeText' AS text FROM tasks.assignments WHERE plan_id = $1 AND task_id = 't3'`,
        [issued.planId],
      );
      expect(t3).toEqual([{ due_on: '2025-08-31', text: 'Trước ngày 31/8/2025' }]);
    });
    expect(
      await count(dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1 AND task_id = 't1' AND status = 'ASSIGNED'`, [issued.planId]),
    ).toBe(20);

    // Closing cancels what is still open, with the closing as reason.
    await bus.publish(message(PlanClosedV1, { planId: issued.planId, closedOn: '2025-12-31', reason: 'Hết năm kế hoạch' }, `plan-${issued.planId}`));
    await eventually(async () =>
      expect(await count(dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1 AND status <> 'CANCELLED'`, [issued.planId])).toBe(0),
    );
    expect(
      await count(
        dataSource,
        `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1 AND state->>'cancelledReason' = 'Kế hoạch đã kết thúc: Hết năm kế hoạch'`,
        [issued.planId],
      ),
    ).toBe(23);
  });

  it("a district's implementing plan fulfils its obligation under the provincial plan, late or not", async () => {
    const provincial = plan({
      issuerCode: '49',
      tasks: [task('p1', { implementing: ['600'] })],
      cascade: { unitCodes: ['600', '601'], dueOn: '2025-03-31', text: 'Ban hành kế hoạch triển khai trước 31/3/2025' },
    });
    await bus.publish(message(PlanIssuedV1, provincial, `plan-${provincial.planId}`));
    const district = plan({
      issuerCode: '600',
      issuedOn: '2025-04-05',
      number: '22/KH-UBND',
      implementsPlanId: provincial.planId,
      tasks: [task('d1', { implementing: ['60001'] })],
    });
    await bus.publish(message(PlanIssuedV1, district, `plan-${district.planId}`));
    await eventually(async () => {
      const [obligation] = await dataSource.query(`SELECT status, state FROM tasks.assignments WHERE id = $1`, [obligationId(provincial.planId, '600')]);
      expect(obligation.status).toBe('COMPLETED');
      expect(obligation.state).toMatchObject({
        result: '22/KH-UBND',
        late: true,
        completedOn: '2025-04-05',
        fulfilledBy: { planId: district.planId, number: '22/KH-UBND' },
      });
    });
    const [other] = await dataSource.query(`SELECT status FROM tasks.assignments WHERE id = $1`, [obligationId(provincial.planId, '601')]);
    expect(other.status).toBe('ASSIGNED');
  });

  it('the read model rebuilt from the event store equals the live one', async () => {
    const live = await dataSource.query(`SELECT id, status, percent, due_on::text, overdue, version, state FROM tasks.assignments ORDER BY id`);
    const liveCounts = await dataSource.query(`SELECT * FROM tasks.plan_progress ORDER BY plan_id, unit_code, status, overdue`);
    const store = new PostgresEventStore(dataSource, 'tasks');
    const [{ total }] = await dataSource.query(`SELECT count(*)::int AS total FROM tasks.events`);
    await dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM tasks.assignments`);
      await manager.query(`DELETE FROM tasks.plan_progress`);
      // readAll stops at the oldest transaction open anywhere in the cluster (pg_snapshot_xmin);
      // on a server shared with other work that may be a moment behind: wait for it, as a relay does.
      for (let from = START, read = 0; read < total;) {
        const page = await store.readAll(from, 500);
        if (page.events.length === 0) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        read += page.events.length;
        await assignmentsProjection.apply(page.events, manager);
        // The same events again change nothing (idempotent).
        await assignmentsProjection.apply(page.events, manager);
        from = page.position;
      }
    });
    expect(await dataSource.query(`SELECT id, status, percent, due_on::text, overdue, version, state FROM tasks.assignments ORDER BY id`)).toEqual(live);
    expect(await dataSource.query(`SELECT * FROM tasks.plan_progress ORDER BY plan_id, unit_code, status, overdue`)).toEqual(liveCounts);
  });
});
