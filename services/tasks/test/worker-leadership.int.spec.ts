import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InProcessBus } from '@reform/messaging';
import { createTestDatabase, eventually, TestDatabase } from '@reform/testing';
import { FixedClock } from '../src';
import { PlanEventJobs } from '../src/automation/plan-event-jobs';
import { count, publishTestUnits, startTasks } from './tasks-test-kit';

/**
 * Two replicas of the tasks service on one database: one fan-out worker leads (a session
 * advisory lock). When the leader's lock session dies (a database restart, a network cut: here
 * pg_terminate_backend), the leader must notice before its next job and stop leading; then one
 * worker, and only one, leads again. Issue 13: `holdsLock` answered true after the session died,
 * so two workers could both work the same job.
 */
describe('tasks: fan-out worker leadership is fenced', () => {
  let db: TestDatabase;
  const replicas: Array<{ app: INestApplication; dataSource: DataSource; bus: InProcessBus }> = [];
  const workers = () => replicas.map((replica) => replica.app.get(PlanEventJobs));
  const holders = async () =>
    (await replicas[0].dataSource.query(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    )) as Array<{ pid: number }>;

  beforeAll(async () => {
    db = await createTestDatabase('tasks_leader');
    for (let i = 0; i < 2; i++) {
      const bus = new InProcessBus();
      const { app, dataSource } = await startTasks(db.url, bus, new FixedClock(new Date('2025-03-10T03:00:00Z')), { pollMs: 50 });
      replicas.push({ app, dataSource, bus });
    }
    await publishTestUnits(replicas[0].bus, replicas[0].dataSource);
  }, 120_000);

  afterAll(async () => {
    for (const replica of replicas) {
      await replica.app.close();
      await replica.bus.close();
    }
    await db?.drop();
  });

  it('a leader whose lock session died stops leading; exactly one worker leads again', async () => {
    await eventually(async () => {
      expect(workers().filter((worker) => worker.leading)).toHaveLength(1);
      expect(await holders()).toHaveLength(1);
    });
    const [{ pid }] = await holders();
    const leader = workers().findIndex((worker) => worker.leading);

    await replicas[0].dataSource.query('SELECT pg_terminate_backend($1)', [pid]);

    // The old leader must give up its belief, and the lock is held again by one live session.
    await eventually(async () => {
      const leading = workers().filter((worker) => worker.leading);
      expect(leading).toHaveLength(1);
      const now = await holders();
      expect(now).toHaveLength(1);
      expect(now[0].pid).not.toBe(pid);
    });
    // And stays so: never two believers at once while the workers poll.
    for (let i = 0; i < 20; i++) {
      expect(workers().filter((worker) => worker.leading).length).toBeLessThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    process.stdout.write(`leader was replica ${leader}; now ${workers().findIndex((worker) => worker.leading)}\n`);
    expect(await count(replicas[0].dataSource, `SELECT count(*) FROM tasks.jobs WHERE status = 'pending'`)).toBe(0);
  });
});
